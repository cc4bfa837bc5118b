import { describe, expect, it } from 'vitest'
import { ISTIO_DEMO_JWT } from '../../engine/jwt'
import { loopShellCommand, summarizeCodes } from './loop'
import { activeToken, describePlacement, placementNameProblem, requestFor, tokenEntries, withToken } from './profile'
import { DEMO_TOKEN_ID } from './types'

const base = { path: '/ip', headers: { Host: 'example.com', authorization: 'Bearer old' } }

describe('withToken', () => {
  it('puts the token in Authorization: Bearer, replacing a typed Authorization header', () => {
    expect(withToken(base, 'abc', { kind: 'bearer' })).toEqual({ path: '/ip', headers: { Host: 'example.com', Authorization: 'Bearer abc' } })
  })

  it('puts the token in a header of its own', () => {
    expect(withToken(base, 'abc', { kind: 'header', name: 'x-jwt-assertion' }).headers['x-jwt-assertion']).toBe('abc')
  })

  it('appends the token as a query parameter, after any query already in the path', () => {
    expect(withToken(base, 'abc', { kind: 'query', name: 'access_token' }).path).toBe('/ip?access_token=abc')
    expect(withToken({ path: '/get?a=1', headers: {} }, 'abc', { kind: 'query', name: 't' }).path).toBe('/get?a=1&t=abc')
  })

  it('sends no token when none is chosen, and never changes its input', () => {
    const sent = withToken(base, undefined, { kind: 'bearer' })
    expect(sent).toEqual(base)
    expect(sent.headers).not.toBe(base.headers)
  })
})

describe('requestFor', () => {
  const settings = { path: '/ip', headers: {}, tokenId: DEMO_TOKEN_ID, frozenNow: 42 }

  it('gives the pods /ip and the ingress /headers by default, both with the chosen token', () => {
    expect(requestFor(settings, 'client', 7)).toEqual({ path: '/ip', headers: { Authorization: `Bearer ${ISTIO_DEMO_JWT}` }, now: 7 })
    expect(requestFor(settings, 'ingress', 7).path).toBe('/headers')
    expect(requestFor({ ...settings, ingressPath: '/status/200' }, 'ingress', 7).path).toBe('/status/200')
  })

  it('sends no token for a removed token id', () => {
    expect(requestFor({ ...settings, tokenId: 'gone' }, 'client', 7).headers).toEqual({})
  })
})

describe('tokens', () => {
  it('lists the built-in demo token first', () => {
    const entries = tokenEntries({ tokens: [{ id: 'a', name: 'A', jwt: 'x.y.z', source: 'pasted' }] })
    expect(entries.map((t) => [t.id, t.builtIn])).toEqual([
      [DEMO_TOKEN_ID, true],
      ['a', false],
    ])
    expect(activeToken({ tokenId: 'a', tokens: entries.slice(1) })?.name).toBe('A')
  })

  it('describes and checks placements', () => {
    expect(describePlacement({ kind: 'query', name: 'access_token' })).toBe('?access_token=')
    expect(placementNameProblem({ kind: 'header', name: 'bad header' })).toMatch(/not a valid header name/)
    expect(placementNameProblem({ kind: 'query', name: 'a&b' })).toMatch(/cannot be a query parameter/)
    expect(placementNameProblem({ kind: 'header', name: 'x-jwt' })).toBeUndefined()
  })
})

describe('the request loop words', () => {
  it('summarizes codes as runs', () => {
    expect(summarizeCodes(['200', '200', '401', '401', '401'])).toBe('2 × 200, then 3 × 401')
    expect(summarizeCodes(['200', '401', '200'])).toBe('1 × 200, 1 × 401, then 1 × 200')
    expect(summarizeCodes(['200'])).toBe('1 × 200')
  })

  it('writes the seed loop with the token as $TOKEN', () => {
    expect(loopShellCommand({ base: '$INGRESS_HOST', path: '/headers?access_token=a.b.c', headers: { Authorization: 'Bearer a.b.c' }, jwt: 'a.b.c', count: 10, intervalSeconds: 1 })).toBe(
      'for i in $(seq 1 10); do curl "$INGRESS_HOST/headers?access_token=$TOKEN" --header "Authorization: Bearer $TOKEN" -s -o /dev/null -w "%{http_code}\\n"; sleep 1; done',
    )
  })
})
