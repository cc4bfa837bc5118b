import { describe, expect, it } from 'vitest'
import type { JwtSpec } from '../istio'
import { extractToken, locationAllowedFor, parseQueryParameters } from './extractToken'
import type { TokenLocation } from './extractToken'

function spec(overrides: Partial<JwtSpec> = {}): JwtSpec {
  return { issuer: 'testing@secure.istio.io', audiences: [], jwtHeaders: [], jwtParams: [], triggerRules: [], ...overrides }
}

const DEFAULTS = spec()
const CUSTOM_HEADER = spec({ issuer: 'header@example.com', jwtHeaders: ['X-Jwt-Assertion'] })
const CUSTOM_PARAM = spec({ issuer: 'param@example.com', jwtParams: ['token'] })

describe('extracting the token of a request', () => {
  it.each([
    ['Authorization', 'Bearer abc'],
    ['authorization', 'bearer abc'],
    ['AUTHORIZATION', 'BEARER abc'],
    ['Authorization', 'BeArEr abc'],
  ])('reads %s: %s as a bearer token (prefix compared case-insensitively)', (name, value) => {
    expect(extractToken([DEFAULTS], { path: '/ip', headers: { [name]: value } })).toEqual({
      token: 'abc',
      location: { kind: 'authorization' },
    })
  })

  it('ignores an Authorization header of another scheme', () => {
    expect(extractToken([DEFAULTS], { path: '/ip', headers: { Authorization: 'Basic abc' } })).toBeUndefined()
  })

  it('then falls back to ?access_token', () => {
    const request = { path: '/headers?access_token=abc', headers: { Authorization: 'Basic xyz' } }
    expect(extractToken([DEFAULTS], request)).toEqual({ token: 'abc', location: { kind: 'query', name: 'access_token' } })
  })

  it('reads a configured header raw, without stripping Bearer, and whatever the case of its name', () => {
    const request = { path: '/ip', headers: { 'x-JWT-assertion': 'Bearer abc' } }
    expect(extractToken([CUSTOM_HEADER], request)).toEqual({
      token: 'Bearer abc',
      location: { kind: 'header', name: 'x-jwt-assertion' },
    })
  })

  it('reads a configured query parameter', () => {
    expect(extractToken([CUSTOM_PARAM], { path: '/ip?a=1&token=abc', headers: {} })).toEqual({
      token: 'abc',
      location: { kind: 'query', name: 'token' },
    })
  })

  it('does not read the default locations when no spec uses them', () => {
    const request = { path: '/ip?access_token=abc', headers: { Authorization: 'Bearer abc' } }
    expect(extractToken([CUSTOM_HEADER, CUSTOM_PARAM], request)).toBeUndefined()
  })

  it('takes Authorization first, then configured headers, then query parameters', () => {
    const specs = [CUSTOM_PARAM, CUSTOM_HEADER, DEFAULTS]
    const all = { path: '/ip?token=q&access_token=a', headers: { Authorization: 'Bearer h', 'X-Jwt-Assertion': 'x' } }
    expect(extractToken(specs, all)?.location).toEqual({ kind: 'authorization' })
    expect(extractToken(specs, { ...all, headers: { 'X-Jwt-Assertion': 'x' } })?.location).toEqual({
      kind: 'header',
      name: 'x-jwt-assertion',
    })
    // Query parameter names are tried in sorted order, as the proxy keeps them in a std::map.
    expect(extractToken(specs, { ...all, headers: {} })?.location).toEqual({ kind: 'query', name: 'access_token' })
  })

  it('tries configured headers in alphabetical order, as the proxy does', () => {
    const request = { path: '/', headers: { 'x-b': 'b', 'x-a': 'a' } }
    expect(extractToken([spec({ jwtHeaders: ['x-b', 'x-a'] })], request)?.token).toBe('a')
  })

  it('finds nothing in a request without a token', () => {
    expect(extractToken([DEFAULTS, CUSTOM_HEADER, CUSTOM_PARAM], { path: '/ip', headers: {} })).toBeUndefined()
  })
})

describe('parsing the query string as Envoy did', () => {
  it('keeps the first occurrence and does not percent-decode', () => {
    expect(parseQueryParameters('/p?access_token=a%2Eb&access_token=c&flag')).toEqual(
      new Map([
        ['access_token', 'a%2Eb'],
        ['flag', ''],
      ]),
    )
  })

  it('splits a value only at the first =', () => {
    expect(parseQueryParameters('/p?t=a=b').get('t')).toBe('a=b')
  })
})

describe('whether an issuer accepts a token from where it was found', () => {
  const authorization: TokenLocation = { kind: 'authorization' }
  const accessToken: TokenLocation = { kind: 'query', name: 'access_token' }
  const header: TokenLocation = { kind: 'header', name: 'x-jwt-assertion' }
  const param: TokenLocation = { kind: 'query', name: 'token' }

  it.each([
    ['default locations', DEFAULTS, authorization, true],
    ['default locations', DEFAULTS, accessToken, true],
    ['default locations', DEFAULTS, header, false],
    ['default locations', DEFAULTS, param, false],
    ['a custom header', CUSTOM_HEADER, header, true],
    ['a custom header', CUSTOM_HEADER, authorization, false],
    ['a custom header', CUSTOM_HEADER, accessToken, false],
    ['a custom parameter', CUSTOM_PARAM, param, true],
    ['a custom parameter', CUSTOM_PARAM, accessToken, false],
    ['a custom access_token parameter', spec({ jwtParams: ['access_token'] }), accessToken, true],
  ])('a spec with %s: %j -> %s', (_what, jwtSpec, location, allowed) => {
    expect(locationAllowedFor(jwtSpec, location)).toBe(allowed)
  })
})
