import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { JwtSpec } from '../istio'
import { NO_KEY_SETS } from './keySets'
import { ISTIO_DEMO_JWT, ISTIO_SAMPLE_ISSUER, ISTIO_SAMPLE_JWKS_URI, ISTIO_SAMPLE_KID } from './samples'
import { canonicalJson, genJwtLikeIstio, generateKeyPair, pkcs1PemToPkcs8Pem, signJwt } from './signToken'
import { decodeJwt, verifyJwtForSpec } from './verifyToken'
import type { SupportedAlg } from './verifyToken'

const KEY_PEM = readFileSync(new URL('./fixtures/key.pem', import.meta.url), 'utf8')
const T0 = 1_780_000_000

function headerOf(token: string): unknown {
  return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())
}

function claimsOf(token: string): unknown {
  const decoded = decodeJwt(token)
  return decoded.ok ? decoded.jwt.claims : decoded
}

describe('gen-jwt.py, reproduced', () => {
  it('makes demo.jwt byte for byte from key.pem, its claims and its issue time', async () => {
    const token = await genJwtLikeIstio({
      privateKeyPem: KEY_PEM,
      claims: { foo: 'bar' },
      now: 1532389700,
      expireSeconds: 4685989700 - 1532389700,
    })
    expect(token).toBe(ISTIO_DEMO_JWT)
  })

  it('defaults to the sample issuer, sub = iss, a one-hour lifetime and the key thumbprint as kid', async () => {
    const token = await genJwtLikeIstio({ privateKeyPem: KEY_PEM, now: T0 })
    expect(headerOf(token)).toEqual({ alg: 'RS256', kid: ISTIO_SAMPLE_KID, typ: 'JWT' })
    expect(claimsOf(token)).toEqual({ exp: T0 + 3600, iat: T0, iss: ISTIO_SAMPLE_ISSUER, sub: ISTIO_SAMPLE_ISSUER })
  })

  it('takes iss, sub, a list of audiences, extra claims and a lifetime', async () => {
    const token = await genJwtLikeIstio({
      privateKeyPem: KEY_PEM,
      iss: 'me@example.com',
      sub: 'alice',
      aud: ['a', 'b'],
      claims: { group: 'admin' },
      expireSeconds: 5,
      now: T0,
    })
    expect(claimsOf(token)).toEqual({ aud: ['a', 'b'], exp: T0 + 5, group: 'admin', iat: T0, iss: 'me@example.com', sub: 'alice' })
  })

  it('accepts the key as PKCS#8 too', async () => {
    const fromPkcs8 = await genJwtLikeIstio({ privateKeyPem: pkcs1PemToPkcs8Pem(KEY_PEM), now: T0 })
    expect(fromPkcs8).toBe(await genJwtLikeIstio({ privateKeyPem: KEY_PEM, now: T0 }))
  })

  it('rejects a PEM that holds no private key', async () => {
    await expect(genJwtLikeIstio({ privateKeyPem: 'not a key', now: T0 })).rejects.toThrow()
  })
})

describe('PKCS#1 to PKCS#8', () => {
  it('wraps the key in a PrivateKeyInfo with the rsaEncryption identifier', () => {
    const pem = pkcs1PemToPkcs8Pem(KEY_PEM)
    expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END PRIVATE KEY-----\n$/)
    const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\n/g, ''), 'base64')
    const pkcs1 = Buffer.from(KEY_PEM.replace(/-----[A-Z ]+-----|\n/g, ''), 'base64')
    // SEQUENCE (2-byte length), INTEGER 0, SEQUENCE { OID rsaEncryption, NULL }, OCTET STRING (2-byte length)
    expect(der.subarray(0, 2).toString('hex')).toBe('3082')
    expect(der.readUInt16BE(2)).toBe(der.length - 4)
    expect(der.subarray(4, 24).toString('hex')).toBe('020100300d06092a864886f70d01010105000482')
    expect(der.readUInt16BE(24)).toBe(pkcs1.length)
    expect(der.subarray(26)).toEqual(pkcs1)
  })
})

describe('a key pair generated in the browser', () => {
  it.each<SupportedAlg>(['RS256', 'ES256'])('signs %s tokens that verify against its own key set', async (alg) => {
    const { privateKey, publicJwk, jwks } = await generateKeyPair(alg)
    expect(publicJwk).toMatchObject({ alg, use: 'sig', kid: expect.stringMatching(/^[\w-]{43}$/) })
    expect(publicJwk).not.toHaveProperty('d')
    expect(jwks).toEqual({ keys: [publicJwk] })
    const uri = 'https://designer.example/jwks.json'
    const spec: JwtSpec = { issuer: 'me', audiences: [], jwksUri: uri, jwtHeaders: [], jwtParams: [], triggerRules: [] }
    const token = await signJwt({ privateKey, kid: publicJwk.kid!, alg, claims: { iss: 'me', sub: 'you', exp: T0 + 60 } })
    const check = await verifyJwtForSpec(token, { kind: 'authorization' }, spec, new Map([[uri, jwks]]), T0)
    expect(check).toMatchObject({ ok: true, principal: 'me/you' })
  })

  it('is unknown to the sample key set', async () => {
    const { privateKey, publicJwk } = await generateKeyPair('RS256')
    const token = await signJwt({ privateKey, kid: publicJwk.kid!, alg: 'RS256', claims: { iss: ISTIO_SAMPLE_ISSUER, exp: T0 + 60 } })
    const spec: JwtSpec = { issuer: ISTIO_SAMPLE_ISSUER, audiences: [], jwksUri: ISTIO_SAMPLE_JWKS_URI, jwtHeaders: [], jwtParams: [], triggerRules: [] }
    expect(await verifyJwtForSpec(token, { kind: 'authorization' }, spec, NO_KEY_SETS, T0)).toMatchObject({ reason: 'no-matching-key' })
  })
})

describe('canonical JSON', () => {
  it('sorts keys at every level, drops spaces and escapes non-ASCII like Python json.dumps', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 'é' } })).toBe('{"a":{"c":"\\u00e9","d":[{"y":2,"z":1}]},"b":1}')
  })
})
