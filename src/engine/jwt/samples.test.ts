import { describe, expect, it } from 'vitest'
import { ISTIO_DEMO_JWT, ISTIO_SAMPLE_JWKS, ISTIO_SAMPLE_KID, isIstioSampleJwksUri } from './samples'
import { decodeJwt } from './verifyToken'

const PATH = 'security/tools/jwt/samples/jwks.json'

describe("Istio's sample jwksUri", () => {
  it.each([
    [`https://raw.githubusercontent.com/istio/istio/release-1.0/${PATH}`],
    [`https://raw.githubusercontent.com/istio/istio/release-1.1/${PATH}`],
    [`https://raw.githubusercontent.com/istio/istio/master/${PATH}`],
    [`https://raw.githubusercontent.com/istio/istio/1.0.0/${PATH}`],
    [`https://raw.githubusercontent.com/istio/istio/refs/heads/master/${PATH}`],
    [`http://raw.githubusercontent.com/istio/istio/release-1.0/${PATH}`],
    [`https://RAW.GitHubUserContent.com/istio/istio/release-1.0/${PATH}`],
    [`https://github.com/istio/istio/blob/release-1.0/${PATH}`],
    [`https://github.com/istio/istio/raw/1.1.0/${PATH}`],
  ])('resolves %s to the bundled key set', (uri) => {
    expect(isIstioSampleJwksUri(uri)).toBe(true)
  })

  it.each([
    ['another repository', `https://raw.githubusercontent.com/someone/istio/master/${PATH}`],
    ['another file', 'https://raw.githubusercontent.com/istio/istio/master/security/tools/jwt/samples/demo.jwt'],
    ['no ref', `https://raw.githubusercontent.com/istio/istio/${PATH}`],
    ['a query string', `https://raw.githubusercontent.com/istio/istio/master/${PATH}?x=1`],
    ['another host', `https://example.com/istio/istio/master/${PATH}`],
    ['a case change in the path', `https://raw.githubusercontent.com/Istio/istio/master/${PATH}`],
    ['leading whitespace (Pilot could not fetch it)', ` https://raw.githubusercontent.com/istio/istio/master/${PATH}`],
  ])('does not resolve a URI with %s', (_what, uri) => {
    expect(isIstioSampleJwksUri(uri)).toBe(false)
  })
})

describe('the bundled sample material', () => {
  it('holds the demo token without the trailing newline of demo.jwt', () => {
    expect(ISTIO_DEMO_JWT).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  })

  it('decodes the demo token to the claims PROVENANCE.md lists', () => {
    const decoded = decodeJwt(ISTIO_DEMO_JWT)
    expect(decoded.ok && decoded.jwt).toMatchObject({
      alg: 'RS256',
      kid: ISTIO_SAMPLE_KID,
      claims: { exp: 4685989700, foo: 'bar', iat: 1532389700, iss: 'testing@secure.istio.io', sub: 'testing@secure.istio.io' },
      aud: [],
    })
  })

  it('holds one RSA key whose kid the demo token names', () => {
    expect(ISTIO_SAMPLE_JWKS.keys).toHaveLength(1)
    expect(ISTIO_SAMPLE_JWKS.keys[0]).toMatchObject({ kty: 'RSA', e: 'AQAB', kid: ISTIO_SAMPLE_KID })
  })

  it('cannot be modified by a caller', () => {
    expect(Object.isFrozen(ISTIO_SAMPLE_JWKS.keys[0])).toBe(true)
  })
})
