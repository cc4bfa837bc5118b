import { readFileSync } from 'node:fs'
import { calculateJwkThumbprint, CompactSign, exportJWK, importPKCS8 } from 'jose'
import { describe, expect, it } from 'vitest'
import type { JwtSpec } from '../istio'
import type { TokenLocation } from './extractToken'
import { NO_KEY_SETS } from './keySets'
import type { JwksJson, KeySets } from './keySets'
import { ISTIO_DEMO_JWT, ISTIO_SAMPLE_ISSUER, ISTIO_SAMPLE_JWKS, ISTIO_SAMPLE_JWKS_URI, ISTIO_SAMPLE_KID } from './samples'
import { genJwtLikeIstio, generateKeyPair, pkcs1PemToPkcs8Pem, signJwt } from './signToken'
import type { GenJwtOptions } from './signToken'
import { sanitizeAudience, verifyJwtForSpec } from './verifyToken'
import type { JwtCheck, JwtFailure } from './verifyToken'

const KEY_PEM = readFileSync(new URL('./fixtures/key.pem', import.meta.url), 'utf8')
const NOW_2026 = Date.UTC(2026, 10, 28) / 1000
const T0 = 1_780_000_000
const BEARER: TokenLocation = { kind: 'authorization' }

function spec(overrides: Partial<JwtSpec> = {}): JwtSpec {
  return {
    issuer: ISTIO_SAMPLE_ISSUER,
    audiences: [],
    jwksUri: ISTIO_SAMPLE_JWKS_URI,
    jwtHeaders: [],
    jwtParams: [],
    triggerRules: [],
    ...overrides,
  }
}

/** A token signed with Istio's demo key (so only the property under test can fail), issued at T0. */
function istioToken(options: Partial<GenJwtOptions> = {}): Promise<string> {
  return genJwtLikeIstio({ privateKeyPem: KEY_PEM, now: T0, ...options })
}

function verify(token: string, at: number, jwtSpec = spec(), keySets: KeySets = NO_KEY_SETS): Promise<JwtCheck> {
  return verifyJwtForSpec(token, BEARER, jwtSpec, keySets, at)
}

function segment(json: object): string {
  return Buffer.from(JSON.stringify(json)).toString('base64url')
}

function reasonOf(check: JwtCheck): JwtFailure | 'ok' {
  return check.ok ? 'ok' : check.reason
}

describe('a valid token', () => {
  it('the demo token verifies against the bundled JWKS in 2026', async () => {
    const check = await verify(ISTIO_DEMO_JWT, NOW_2026)
    expect(check).toMatchObject({ ok: true, principal: 'testing@secure.istio.io/testing@secure.istio.io' })
    expect(check.ok && check.claims['foo']).toBe('bar')
  })

  it('a token signed with key.pem verifies against the bundled JWKS', async () => {
    expect(await verify(await istioToken(), T0 + 10)).toMatchObject({ ok: true })
  })

  it('ignores nbf and iat even when they lie in the future', async () => {
    const token = await istioToken({ claims: { nbf: T0 + 1000, iat: T0 + 1000 } })
    expect(reasonOf(await verify(token, T0))).toBe('ok')
  })

  it('is accepted from a key without kid, or by trying every key when the token has no kid', async () => {
    const keyWithoutKid = { kty: 'RSA', n: ISTIO_SAMPLE_JWKS.keys[0]!['n'], e: 'AQAB' }
    const keySets = new Map([['https://example.com/jwks', { keys: [keyWithoutKid] } as JwksJson]])
    const withUserSet = spec({ jwksUri: 'https://example.com/jwks' })
    expect(reasonOf(await verify(await istioToken(), T0, withUserSet, keySets))).toBe('ok')
    const { privateKey } = await importDemoKey()
    const noKid = await signJwt({ privateKey, alg: 'RS256', claims: { iss: ISTIO_SAMPLE_ISSUER, exp: T0 + 5 } })
    expect(reasonOf(await verify(noKid, T0))).toBe('ok')
  })
})

describe('expiry (rule 19: valid iff now < exp)', () => {
  it('a 5 s token is valid at t0..t0+4 and expired at t0+5..t0+9, like the seed loop', async () => {
    const token = await istioToken({ expireSeconds: 5 })
    const results = []
    for (let at = 0; at < 10; at++) results.push(reasonOf(await verify(token, T0 + at)))
    expect(results).toEqual([...Array<string>(5).fill('ok'), ...Array<string>(5).fill('expired')])
  })

  it('says when the token expired and when the request was made', async () => {
    const token = await genJwtLikeIstio({ privateKeyPem: KEY_PEM, now: 1532393295, expireSeconds: 5 })
    expect(await verify(token, 1532393305)).toEqual({
      ok: false,
      reason: 'expired',
      detail: 'token expired at 2018-07-24T00:48:20Z (exp 1532393300); request time 1532393305',
    })
  })

  it('treats a token without exp as expired', async () => {
    const { privateKey, kid } = await importDemoKey()
    const token = await signJwt({ privateKey, kid, alg: 'RS256', claims: { iss: ISTIO_SAMPLE_ISSUER } })
    expect(reasonOf(await verify(token, T0))).toBe('no-exp')
  })
})

describe('a token that fails', () => {
  it('from another issuer, even though the demo key signed it', async () => {
    const check = await verify(await istioToken({ iss: 'evil@example.com' }), T0)
    expect(check).toEqual({
      ok: false,
      reason: 'issuer-mismatch',
      detail: 'issuer evil@example.com is not configured (expected testing@secure.istio.io)',
    })
  })

  it('for another audience', async () => {
    const check = await verify(await istioToken({ aud: 'bookinfo.com' }), T0, spec({ audiences: ['httpbin.foo'] }))
    expect(reasonOf(check)).toBe('audience-mismatch')
    expect(!check.ok && check.detail).toContain('bookinfo.com matches none of httpbin.foo')
  })

  it('without aud when the spec lists audiences', async () => {
    expect(reasonOf(await verify(await istioToken(), T0, spec({ audiences: ['httpbin.foo'] })))).toBe('audience-mismatch')
  })

  it('with a tampered payload (bad signature)', async () => {
    const [header, , signature] = (await istioToken()).split('.')
    const forged = segment({ exp: T0 + 3600, iat: T0, iss: ISTIO_SAMPLE_ISSUER, sub: 'admin' })
    expect(reasonOf(await verify(`${header}.${forged}.${signature}`, T0))).toBe('bad-signature')
  })

  it('signed with HS256 (unsupported)', async () => {
    const payload = new TextEncoder().encode(JSON.stringify({ iss: ISTIO_SAMPLE_ISSUER, exp: T0 + 60 }))
    const token = await new CompactSign(payload).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32))
    expect(await verify(token, T0)).toMatchObject({ ok: false, reason: 'unsupported-alg', detail: expect.stringContaining('HS256') })
  })

  it('whose kid the JWKS lacks', async () => {
    const otherKid = { ...ISTIO_SAMPLE_JWKS.keys[0]!, kid: 'another-kid' }
    const keySets = new Map([['https://example.com/jwks', { keys: [otherKid] }]])
    const check = await verify(await istioToken(), T0, spec({ jwksUri: 'https://example.com/jwks' }), keySets)
    expect(check).toMatchObject({ ok: false, reason: 'no-matching-key' })
    expect(!check.ok && check.detail).toContain(`kid ${ISTIO_SAMPLE_KID}`)
  })

  it('whose alg differs from the alg of the only key', async () => {
    const es256Key = { ...ISTIO_SAMPLE_JWKS.keys[0]!, alg: 'ES256' }
    const keySets = new Map([['https://example.com/jwks', { keys: [es256Key] }]])
    const check = await verify(await istioToken(), T0, spec({ jwksUri: 'https://example.com/jwks' }), keySets)
    expect(reasonOf(check)).toBe('no-matching-key')
  })

  it('against a key of the wrong type (bad signature, as in the proxy)', async () => {
    const { publicJwk } = await generateKeyPair('ES256')
    // No alg on the key, so only its type differs from what the RS256 token needs.
    const withoutAlg = Object.fromEntries(Object.entries(publicJwk).filter(([member]) => member !== 'alg'))
    const ecKeyWithSampleKid = { ...withoutAlg, kty: 'EC', kid: ISTIO_SAMPLE_KID }
    const keySets = new Map([['https://example.com/jwks', { keys: [ecKeyWithSampleKid] }]])
    const check = await verify(await istioToken(), T0, spec({ jwksUri: 'https://example.com/jwks' }), keySets)
    expect(reasonOf(check)).toBe('bad-signature')
  })

  it('for an unknown jwksUri (no key set)', async () => {
    const check = await verify(ISTIO_DEMO_JWT, NOW_2026, spec({ jwksUri: 'https://auth.example.com/jwks.json' }))
    expect(check).toEqual({ ok: false, reason: 'no-key-set', detail: 'no key set for jwksUri https://auth.example.com/jwks.json' })
  })

  it('when the user registered another key set under the sample URI', async () => {
    const { jwks } = await generateKeyPair('RS256')
    const check = await verify(ISTIO_DEMO_JWT, NOW_2026, spec(), new Map([[ISTIO_SAMPLE_JWKS_URI, jwks]]))
    expect(reasonOf(check)).toBe('no-matching-key')
  })

  it('when there is no token at all', async () => {
    const check = await verifyJwtForSpec(undefined, undefined, spec(), NO_KEY_SETS, T0)
    expect(check).toEqual({
      ok: false,
      reason: 'no-token',
      detail:
        'no token in the request (issuer testing@secure.istio.io reads the Authorization: Bearer header or query parameter access_token)',
    })
  })

  it('when found where this issuer does not look', async () => {
    const check = await verifyJwtForSpec(ISTIO_DEMO_JWT, { kind: 'header', name: 'x-jwt' }, spec(), NO_KEY_SETS, NOW_2026)
    expect(reasonOf(check)).toBe('location-not-allowed')
  })

  it.each([
    ['one part', 'abc'],
    ['two parts', 'abc.def'],
    ['a header that is not JSON', `${Buffer.from('nope').toString('base64url')}.${segment({})}.c2ln`],
    ['a header without alg', `${segment({ typ: 'JWT' })}.${segment({})}.c2ln`],
    ['a numeric kid', `${segment({ alg: 'RS256', kid: 7 })}.${segment({})}.c2ln`],
    ['a payload that is an array', `${segment({ alg: 'RS256' })}.${segment([1])}.c2ln`],
    ['a numeric aud', `${segment({ alg: 'RS256' })}.${segment({ aud: 1 })}.c2ln`],
    ['a fractional exp', `${segment({ alg: 'RS256' })}.${segment({ exp: 1.5 })}.c2ln`],
    ['an empty signature', `${segment({ alg: 'RS256' })}.${segment({})}.`],
    ['a signature in standard base64', `${segment({ alg: 'RS256' })}.${segment({})}.a+b/`],
  ])('with %s (malformed)', async (_what, token) => {
    expect(reasonOf(await verify(token, T0))).toBe('malformed')
  })
})

describe('the order of checks (the UI shows the first failure)', () => {
  it.each<[string, Partial<GenJwtOptions>, Partial<JwtSpec>, number, JwtFailure]>([
    ['issuer before expiry', { iss: 'evil@example.com', expireSeconds: 1 }, {}, T0 + 10, 'issuer-mismatch'],
    ['expiry before audience', { aud: 'other', expireSeconds: 1 }, { audiences: ['mine'] }, T0 + 10, 'expired'],
    ['audience before key set', { aud: 'other' }, { audiences: ['mine'], jwksUri: 'https://nowhere.example/jwks' }, T0, 'audience-mismatch'],
    ['expiry before key set', { expireSeconds: 1 }, { jwksUri: 'https://nowhere.example/jwks' }, T0 + 10, 'expired'],
  ])('%s', async (_what, token, jwtSpec, at, reason) => {
    expect(reasonOf(await verify(await istioToken(token), at, spec(jwtSpec)))).toBe(reason)
  })

  it('location after issuer', async () => {
    const token = await istioToken({ iss: 'evil@example.com' })
    const check = await verifyJwtForSpec(token, { kind: 'header', name: 'x-jwt' }, spec(), NO_KEY_SETS, T0)
    expect(reasonOf(check)).toBe('issuer-mismatch')
  })
})

describe('audience comparison', () => {
  it.each<[string | string[], string[], boolean]>([
    ['https://example.com/', ['example.com'], true],
    ['example.com', ['http://example.com/'], true],
    ['http://example.com', ['https://example.com'], true],
    [['a', 'http://b/'], ['b'], true],
    ['example.com//', ['example.com'], false],
    ['HTTPS://example.com', ['example.com'], false],
    ['example.com/path', ['example.com'], false],
    ['anything', [], true],
  ])('aud %j against audiences %j -> %s', async (aud, audiences, ok) => {
    expect((await verify(await istioToken({ aud }), T0, spec({ audiences }))).ok).toBe(ok)
  })

  it('strips one scheme and one trailing slash', () => {
    expect(sanitizeAudience('https://a.example/')).toBe('a.example')
    expect(sanitizeAudience('http://https://a/')).toBe('https://a')
  })
})

/** Istio's demo key and its kid, for tokens gen-jwt.py cannot make (no exp, no kid). */
async function importDemoKey() {
  const privateKey = await importPKCS8(pkcs1PemToPkcs8Pem(KEY_PEM), 'RS256', { extractable: true })
  return { privateKey, kid: await calculateJwkThumbprint(await exportJWK(privateKey)) }
}
