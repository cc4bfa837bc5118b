import { describe, expect, it } from 'vitest'
import { buildModel, DEFAULT_OPTIONS, type KubeObject } from '../../engine'
import { ISTIO_SAMPLE_JWKS, ISTIO_SAMPLE_JWKS_URI } from '../../engine/jwt'
import { seedWorkloads } from '../../scenarios/seed'
import { describeKeySet, jwksUriProblem, jwksUrisInDesign, withAttachedKeys, withKeySetText, withoutKeySet } from './keySetEdits'
import { withKeySetFindings } from './keySetFindings'

const URI = 'https://keys.example.com/jwks.json'

function policy(jwksUri: string, issuer = 'me@example.com'): KubeObject {
  return {
    apiVersion: 'authentication.istio.io/v1alpha1',
    kind: 'Policy',
    metadata: { name: 'jwt-example', namespace: 'foo' },
    spec: { targets: [{ name: 'httpbin' }], origins: [{ jwt: { issuer, jwksUri } }], principalBinding: 'USE_ORIGIN' },
  }
}

describe('key set edits', () => {
  it('adds a pasted key set under its jwksUri', () => {
    const edit = withKeySetText({}, ` ${URI} `, JSON.stringify(ISTIO_SAMPLE_JWKS))
    expect(edit).toEqual({ ok: true, keySets: { [URI]: ISTIO_SAMPLE_JWKS } })
  })

  it('reports a syntax error with its line and column, and changes nothing', () => {
    const before = { [URI]: ISTIO_SAMPLE_JWKS }
    const edit = withKeySetText(before, URI, '{\n  "keys": [\n    {"kty": "RSA",}\n  ]\n}')
    expect(edit).toEqual({ ok: false, field: 'json', message: expect.stringMatching(/^Not valid JSON at line 3, column 19/) })
    expect(before).toEqual({ [URI]: ISTIO_SAMPLE_JWKS })
  })

  it('refuses a jwksUri that is not an http(s) URL', () => {
    expect(jwksUriProblem('')).toMatch(/Give the jwksUri/)
    expect(jwksUriProblem('keys.json')).toMatch(/not an absolute URL/)
    expect(jwksUriProblem('file:///keys.json')).toMatch(/http/)
    expect(withKeySetText({}, 'nope', '{}')).toMatchObject({ ok: false, field: 'uri' })
  })

  it('attaches generated public keys next to the ones already there, once', () => {
    const key = { kty: 'EC', kid: 'k1', crv: 'P-256', x: 'x', y: 'y' }
    const once = withAttachedKeys({ [URI]: ISTIO_SAMPLE_JWKS }, URI, { keys: [key] })
    expect(once[URI]?.keys).toHaveLength(2)
    expect(withAttachedKeys(once, URI, { keys: [key] })[URI]?.keys).toHaveLength(2)
    expect(withoutKeySet(once, URI)).toEqual({})
  })

  it("keeps the bundled sample key when keys are attached to Istio's sample URI", () => {
    const key = { kty: 'EC', kid: 'k1', crv: 'P-256', x: 'x', y: 'y' }
    expect(withAttachedKeys({}, ISTIO_SAMPLE_JWKS_URI, { keys: [key] })[ISTIO_SAMPLE_JWKS_URI]?.keys).toEqual([...ISTIO_SAMPLE_JWKS.keys, key])
  })

  it('describes a key set', () => {
    expect(describeKeySet(ISTIO_SAMPLE_JWKS)).toBe('1 key: RSA (kid DHFbpoIUqr…)')
  })
})

describe('what the design asks of key sets', () => {
  it('lists each jwksUri with its issuers, policies, and where its keys come from', () => {
    const model = buildModel([...seedWorkloads(), policy(URI)], DEFAULT_OPTIONS)
    expect(jwksUrisInDesign(model.mesh, {})).toEqual([{ uri: URI, issuers: ['me@example.com'], policies: ['Policy/foo/jwt-example'], source: 'missing' }])
    expect(jwksUrisInDesign(model.mesh, { [URI]: ISTIO_SAMPLE_JWKS })[0]?.source).toBe('user')
    const sample = buildModel([...seedWorkloads(), policy(ISTIO_SAMPLE_JWKS_URI)], DEFAULT_OPTIONS)
    expect(jwksUrisInDesign(sample.mesh, {})[0]?.source).toBe('sample')
  })

  it('adds MESH007 to the model while the key set is missing, and keeps the model when nothing changes', () => {
    const model = buildModel([...seedWorkloads(), policy(URI)], DEFAULT_OPTIONS)
    const flagged = withKeySetFindings(model, {})
    expect(flagged.diagnostics.filter((d) => d.code === 'MESH007')).toHaveLength(1)
    expect(withKeySetFindings(flagged, {})).toBe(flagged)
    const fixed = withKeySetFindings(flagged, { [URI]: ISTIO_SAMPLE_JWKS })
    expect(fixed.diagnostics.some((d) => d.code === 'MESH007')).toBe(false)
    expect(fixed.mesh).toBe(model.mesh)
  })
})
