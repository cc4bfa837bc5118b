import { describe, expect, it } from 'vitest'
import { jsonSyntaxErrorOffset, NO_KEY_SETS, parseJwks, resolveKeySet } from './keySets'
import type { JwksJson } from './keySets'
import { ISTIO_SAMPLE_JWKS, ISTIO_SAMPLE_JWKS_URI } from './samples'

const USER_JWKS: JwksJson = { keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'mine' }] }

describe('resolving a jwksUri to a key set', () => {
  it("resolves Istio's sample URI to the bundled jwks.json", () => {
    expect(resolveKeySet(ISTIO_SAMPLE_JWKS_URI, NO_KEY_SETS)).toBe(ISTIO_SAMPLE_JWKS)
  })

  it('prefers the key set the user registered, even for the sample URI', () => {
    const keySets = new Map([[ISTIO_SAMPLE_JWKS_URI, USER_JWKS]])
    expect(resolveKeySet(ISTIO_SAMPLE_JWKS_URI, keySets)).toBe(USER_JWKS)
  })

  it('finds a user key set by its exact URI', () => {
    const keySets = new Map([['https://auth.example.com/jwks', USER_JWKS]])
    expect(resolveKeySet('https://auth.example.com/jwks', keySets)).toBe(USER_JWKS)
  })

  it('has no key set for any other URI, so every token will fail', () => {
    expect(resolveKeySet('https://auth.example.com/jwks', NO_KEY_SETS)).toBeUndefined()
  })
})

describe('checking a pasted key set', () => {
  it('accepts the sample jwks.json', () => {
    expect(parseJwks(JSON.stringify(ISTIO_SAMPLE_JWKS))).toEqual({ ok: true, jwks: ISTIO_SAMPLE_JWKS })
  })

  it.each([
    ['a trailing comma', '{\n  "keys": [\n    {"kty": "RSA",}\n  ]\n}', /^Not valid JSON at line 3, column 19: /],
    ['an unquoted name', '{keys: []}', /^Not valid JSON at line 1, column 2: /],
    ['a truncated paste', '{"keys": [\n  {"kty": "RSA"', /^Not valid JSON at line 2, column 16: /],
    ['a missing value', '{"keys": }', /^Not valid JSON at line 1, column 10: Unexpected token '}'\.$/],
    ['text after the object', '{"keys": []} x', /^Not valid JSON at line 1, column 14: /],
    ['an empty text', '   ', /^The key set is empty/],
    ['an array at the top', '[]', /^A key set must be a JSON object with a "keys" array\.$/],
    ['no keys member', '{"key": []}', /^The key set has no "keys" member\.$/],
    ['keys that are not an array', '{"keys": {}}', /^"keys" must be an array of keys\.$/],
    ['no key at all', '{"keys": []}', /^"keys" is empty: no token could ever verify\.$/],
    ['a key that is not an object', '{"keys": ["RSA"]}', /^keys\[0\] is not a JSON object\.$/],
    ['a key without kty', '{"keys": [{"kty": "RSA", "n": "a", "e": "b"}, {"n": "a"}]}', /^keys\[1\] has no "kty"/],
    ['an RSA key without its exponent', '{"keys": [{"kty": "RSA", "n": "a"}]}', /^keys\[0\] \(kty RSA\) lacks "e"\.$/],
    ['an EC key without coordinates', '{"keys": [{"kty": "EC", "crv": "P-256"}]}', /^keys\[0\] \(kty EC\) lacks "x", "y"\.$/],
    ['a numeric kid', '{"keys": [{"kty": "RSA", "n": "a", "e": "b", "kid": 1}]}', /^keys\[0\] has a "kid" that is not a string\.$/],
  ])('rejects %s with a sentence saying where', (_what, text, message) => {
    const result = parseJwks(text)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(message)
  })

  it.each([
    ['{"keys": }', 9],
    ['{"a": 01}', 7],
    ['{"a": "\\x"}', 7],
    ['{"a": tru}', 6],
    ['{"a": 1,}', 8],
    ['[1 2]', 3],
    ['"unterminated', 13],
    ['{"a": [1, 2], "b": {"c": null}}', -1],
  ])('locates the first JSON syntax error in %s at offset %i', (text, offset) => {
    expect(jsonSyntaxErrorOffset(text)).toBe(offset)
  })
})
