import { describe, expect, it } from 'vitest'
import { admitOne, destinationRule, jwt, meshPolicy, policy, virtualService } from './fixtures/objects'

describe('Unknown fields (strict protobuf JSON)', () => {
  it('rejects `mTLS: {}` and suggests `mtls`', () => {
    const r = admitOne(meshPolicy({ peers: [{ mTLS: {} }] }))
    expect(r.accepted).toBe(false)
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'IST0101',
        severity: 'error',
        message: 'unknown field "mTLS" in authentication.v1alpha1.PeerAuthenticationMethod; did you mean "mtls"?',
        resource: 'MeshPolicy//default',
        index: 0,
        path: ['spec', 'peers', 0, 'mTLS'],
      }),
    ])
  })

  it.each([
    ['a wrong case in an enum-carrying message', { peers: [{ mtls: { Mode: 'STRICT' } }] }, '"mode"'],
    ['a typo in a snake_case name', { origins: [{ jwt: jwt({ jwks_url: 'https://x' }) }] }, '"jwks_uri"'],
    ['a typo at the top of the spec', { peer: [] }, '"peers"'],
  ])('suggests the nearest name for %s', (_what, spec, suggestion) => {
    const r = admitOne(meshPolicy(spec))
    expect(r.codes).toEqual(['IST0101'])
    expect(r.diagnostics[0]?.message).toContain(`did you mean ${suggestion}?`)
  })

  it('gives no suggestion when nothing is close', () => {
    const r = admitOne(meshPolicy({ somethingElse: true }))
    expect(r.diagnostics[0]?.message).toBe('unknown field "somethingElse" in authentication.v1alpha1.Policy')
  })
})

describe('Field spellings', () => {
  it.each([
    ['principal_binding', { principal_binding: 'USE_ORIGIN', origins: [{ jwt: jwt() }] }],
    ['peer_is_optional', { peers: [{ mtls: {} }], peer_is_optional: true }],
    ['origin_is_optional', { origins: [{ jwt: jwt() }], origin_is_optional: true }],
    ['allow_tls', { peers: [{ mtls: { allow_tls: true } }] }],
    ['jwks_uri, jwt_headers and jwt_params', { origins: [{ jwt: { issuer: 'i', jwks_uri: 'https://x/j', jwt_headers: ['x-jwt'], jwt_params: ['t'] } }] }],
  ])('accepts the proto spelling %s', (_name, spec) => {
    expect(admitOne(meshPolicy(spec))).toMatchObject({ accepted: true, codes: [] })
  })

  it('accepts the proto spelling trigger_rules / excluded_paths under 1.1', () => {
    const spec = { targets: [{ name: 'httpbin' }], origins: [{ jwt: jwt({ trigger_rules: [{ excluded_paths: [{ exact: '/health' }] }] }) }] }
    expect(admitOne(policy('jwt', spec), '1.1')).toMatchObject({ accepted: true, codes: [] })
  })

  it('accepts the proto spelling port_level_settings in a DestinationRule', () => {
    const spec = { host: 'httpbin', traffic_policy: { port_level_settings: [{ port: { number: 80 }, tls: { mode: 'ISTIO_MUTUAL' } }] } }
    expect(admitOne(destinationRule('d', spec))).toMatchObject({ accepted: true, codes: [] })
  })

  it('rejects a field written in both spellings', () => {
    const r = admitOne(meshPolicy({ origins: [{ jwt: jwt({ jwks_uri: 'https://a/b' }) }] }))
    expect(r.codes).toEqual(['IST0105'])
    expect(r.diagnostics[0]?.path).toEqual(['spec', 'origins', 0, 'jwt', 'jwks_uri'])
  })
})

describe('Fields that depend on the profile', () => {
  const withTrigger = policy('jwt', { targets: [{ name: 'httpbin' }], origins: [{ jwt: jwt({ triggerRules: [{ excludedPaths: [{ prefix: '/health' }] }] }) }] })

  it('rejects triggerRules under 1.0, saying it arrives in 1.1', () => {
    const r = admitOne(withTrigger, '1.0')
    expect(r.codes).toEqual(['IST0101'])
    expect(r.diagnostics[0]?.message).toBe('unknown field "triggerRules" in authentication.v1alpha1.Jwt: it is available from Istio 1.1 (the profile is 1.0)')
  })

  it('accepts triggerRules under 1.1', () => {
    expect(admitOne(withTrigger, '1.1')).toMatchObject({ accepted: true, codes: [] })
  })

  it.each(['1.0', '1.1'] as const)('rejects the inline jwks under %s, saying it arrives in 1.2', (profile) => {
    const r = admitOne(meshPolicy({ origins: [{ jwt: jwt({ jwks: '{"keys":[]}' }) }] }), profile)
    expect(r.codes).toEqual(['IST0101'])
    expect(r.diagnostics[0]?.message).toContain('available from Istio 1.2')
  })

  it('rejects DestinationRule exportTo under 1.0 and accepts it under 1.1', () => {
    const dr = destinationRule('d', { host: 'httpbin', exportTo: ['.'] })
    expect(admitOne(dr, '1.0').codes).toEqual(['IST0101'])
    expect(admitOne(dr, '1.1')).toMatchObject({ accepted: true, codes: [] })
  })

  it('rejects VirtualService exportTo under 1.0 and accepts it under 1.1', () => {
    const vs = virtualService('v', { hosts: ['httpbin'], exportTo: ['*'], http: [{ route: [{ destination: { host: 'httpbin' } }] }] })
    expect(admitOne(vs, '1.0').codes).toEqual(['IST0101'])
    expect(admitOne(vs, '1.1').codes).toEqual([])
  })
})

describe('Types and enums', () => {
  it.each([
    ['a string where a list is expected', { peers: 'mtls' }, ['spec', 'peers']],
    ['a list where a message is expected', { peers: [{ mtls: [] }] }, ['spec', 'peers', 0, 'mtls']],
    ['a number where a string is expected', { origins: [{ jwt: { issuer: 42 } }] }, ['spec', 'origins', 0, 'jwt', 'issuer']],
    ['a string where a bool is expected', { peerIsOptional: 'true', peers: [{ mtls: {} }] }, ['spec', 'peerIsOptional']],
    ['an empty list item', { peers: [null] }, ['spec', 'peers', 0]],
    ['a spec that is not a mapping', 'mtls', ['spec']],
  ])('rejects %s, with its path', (_what, spec, path) => {
    const r = admitOne(meshPolicy(spec))
    expect(r.codes).toEqual(['IST0102'])
    expect(r.diagnostics[0]?.path).toEqual(path)
  })

  it('accepts a port number written as a string, as protobuf JSON does', () => {
    expect(admitOne(policy('p', { targets: [{ name: 'httpbin', ports: [{ number: '8000' }] }] })).codes).toEqual([])
  })

  it.each([
    ['by name', 'PERMISSIVE'],
    ['by number', 1],
  ])('accepts an enum value %s', (_how, mode) => {
    expect(admitOne(meshPolicy({ peers: [{ mtls: { mode } }] })).codes).toEqual([])
  })

  it.each([
    ['a lower-case name', 'strict', 'did you mean "STRICT"?'],
    ['a number out of range', 2, '(STRICT, PERMISSIVE)'],
  ])('rejects an enum value that is %s', (_what, mode, text) => {
    const r = admitOne(meshPolicy({ peers: [{ mtls: { mode } }] }))
    expect(r.codes).toEqual(['IST0103'])
    expect(r.diagnostics[0]?.message).toContain(text)
  })

  it('rejects both members of a oneof', () => {
    const r = admitOne(meshPolicy({ peers: [{ mtls: {}, jwt: jwt() }] }))
    expect(r.codes).toEqual(['IST0104'])
  })

  it('treats null as "not set" outside oneofs', () => {
    expect(admitOne(meshPolicy({ peers: [{ mtls: {} }], peerIsOptional: null, origins: null })).codes).toEqual([])
  })

  it('accepts a missing spec as an empty one', () => {
    const { spec: _spec, ...noSpec } = meshPolicy({})
    expect(admitOne({ ...noSpec, kind: 'MeshPolicy', metadata: { name: 'default' } })).toMatchObject({ accepted: true, codes: [] })
  })
})
