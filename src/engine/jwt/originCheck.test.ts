import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { JwtSpec, TriggerRule } from '../istio'
import type { IstioProfile, RequestProfile } from '../types'
import { NO_KEY_SETS } from './keySets'
import { checkJwtPeer, checkOrigins } from './originCheck'
import type { OriginPolicy } from './originCheck'
import { ISTIO_DEMO_JWT, ISTIO_SAMPLE_ISSUER, ISTIO_SAMPLE_JWKS_URI } from './samples'
import { genJwtLikeIstio } from './signToken'

const KEY_PEM = readFileSync(new URL('./fixtures/key.pem', import.meta.url), 'utf8')
const NOW_2026 = Date.UTC(2026, 10, 28) / 1000
const DEMO_PRINCIPAL = 'testing@secure.istio.io/testing@secure.istio.io'

function origin(overrides: Partial<JwtSpec> = {}): JwtSpec {
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

/** The seed's jwt-example policy: one origin, the sample jwksUri, USE_ORIGIN. */
function policy(overrides: Partial<OriginPolicy> = {}): OriginPolicy {
  return { origins: [origin()], originIsOptional: false, principalBinding: 'USE_ORIGIN', ...overrides }
}

function request(path: string, token?: string, now = NOW_2026): RequestProfile {
  return { path, headers: token === undefined ? {} : { Authorization: `Bearer ${token}` }, now }
}

function check(p: OriginPolicy, r: RequestProfile, profile: IstioProfile = '1.0') {
  return checkOrigins(p, r, NO_KEY_SETS, profile)
}

describe('origin authentication (rule 16)', () => {
  it('accepts the demo token and names its principal', async () => {
    const result = await check(policy(), request('/headers', ISTIO_DEMO_JWT))
    expect(result).toMatchObject({ pass: true, triggered: true, principal: DEMO_PRINCIPAL, tokenLocation: { kind: 'authorization' } })
    expect(result.perOrigin).toEqual([{ issuer: ISTIO_SAMPLE_ISSUER, check: expect.objectContaining({ ok: true }) }])
  })

  it('rejects a request without a token, saying where it looked', async () => {
    const result = await check(policy(), request('/headers'))
    expect(result.pass).toBe(false)
    expect(result.reason).toBe(
      'Origin authentication failed: no token in the request (issuer testing@secure.istio.io reads the Authorization: Bearer header or query parameter access_token)',
    )
  })

  it('replays the seed loop: a 5 s token gives 200 five times, then 401 five times', async () => {
    const t0 = 0 // seed-tables.json T14: issuedAt 0
    const token = await genJwtLikeIstio({ privateKeyPem: KEY_PEM, expireSeconds: 5, now: t0 })
    const codes = []
    for (let at = 0; at < 10; at++) {
      codes.push((await check(policy(), request('/headers', token, t0 + at))).pass ? '200' : '401')
    }
    expect(codes).toEqual(['200', '200', '200', '200', '200', '401', '401', '401', '401', '401'])
  })

  it('accepts a token for the second origin and reports the first as another issuer', async () => {
    const token = await genJwtLikeIstio({ privateKeyPem: KEY_PEM, iss: 'second@example.com', now: NOW_2026 })
    const twoOrigins = policy({ origins: [origin(), origin({ issuer: 'second@example.com' })] })
    const result = await check(twoOrigins, request('/ip', token))
    expect(result).toMatchObject({ pass: true, principal: 'second@example.com/second@example.com' })
    expect(result.perOrigin[0]?.check).toMatchObject({ ok: false, reason: 'issuer-mismatch' })
  })

  it('uses only the first token found: an expired bearer token hides a valid access_token', async () => {
    const expired = await genJwtLikeIstio({ privateKeyPem: KEY_PEM, expireSeconds: 5, now: NOW_2026 - 60 })
    const both = { path: `/ip?access_token=${ISTIO_DEMO_JWT}`, headers: { Authorization: `Bearer ${expired}` }, now: NOW_2026 }
    const result = await check(policy(), both)
    expect(result.pass).toBe(false)
    expect(result.perOrigin[0]?.check).toMatchObject({ reason: 'expired' })
  })

  it('accepts the token in ?access_token when the origin uses the default locations', async () => {
    expect((await check(policy(), request(`/ip?access_token=${ISTIO_DEMO_JWT}`))).pass).toBe(true)
  })
})

describe('policies without origins', () => {
  it('pass with USE_PEER', async () => {
    const result = await check(policy({ origins: [], principalBinding: 'USE_PEER' }), request('/ip'))
    expect(result).toMatchObject({ pass: true, triggered: false, perOrigin: [] })
  })

  it('fail with USE_ORIGIN, since no origin identity can exist', async () => {
    const result = await check(policy({ origins: [] }), request('/ip', ISTIO_DEMO_JWT))
    expect(result).toMatchObject({ pass: false, triggered: false })
    expect(result.reason).toContain('USE_ORIGIN')
  })

  it('pass with USE_ORIGIN when originIsOptional', async () => {
    expect((await check(policy({ origins: [], originIsOptional: true }), request('/ip'))).pass).toBe(true)
  })
})

describe('originIsOptional', () => {
  it('in 1.0 passes without evaluating the token, so there is no origin principal', async () => {
    const result = await check(policy({ originIsOptional: true }), request('/ip', ISTIO_DEMO_JWT), '1.0')
    expect(result).toMatchObject({ pass: true, perOrigin: [] })
    expect(result.principal).toBeUndefined()
  })

  it('in 1.1 evaluates the token and ignores its failure', async () => {
    const result = await check(policy({ originIsOptional: true }), request('/ip'), '1.1')
    expect(result.pass).toBe(true)
    expect(result.perOrigin[0]?.check).toMatchObject({ ok: false, reason: 'no-token' })
    expect(result.reason).toMatch(/^originIsOptional: failure ignored/)
  })

  it('in 1.1 still records the principal of a valid token', async () => {
    const result = await check(policy({ originIsOptional: true }), request('/ip', ISTIO_DEMO_JWT), '1.1')
    expect(result).toMatchObject({ pass: true, principal: DEMO_PRINCIPAL })
  })
})

describe('trigger rules (1.1 task, section 6.2)', () => {
  const excludeUserAgent: TriggerRule = { excludedPaths: [{ exact: '/user-agent' }], includedPaths: [] }
  const includeIp: TriggerRule = { excludedPaths: [], includedPaths: [{ exact: '/ip' }] }

  it.each([
    ['excludedPaths /user-agent', excludeUserAgent, '/user-agent', undefined, '200'],
    ['excludedPaths /user-agent', excludeUserAgent, '/headers', undefined, '401'],
    ['excludedPaths /user-agent', excludeUserAgent, '/headers', ISTIO_DEMO_JWT, '200'],
    ['includedPaths /ip', includeIp, '/user-agent', undefined, '200'],
    ['includedPaths /ip', includeIp, '/ip', undefined, '401'],
    ['includedPaths /ip', includeIp, '/ip', ISTIO_DEMO_JWT, '200'],
  ])('with %s, %s and token %s gives %s', async (_rule, rule, path, token, code) => {
    const result = await check(policy({ origins: [origin({ triggerRules: [rule] })] }), request(path, token), '1.1')
    expect(result.pass ? '200' : '401').toBe(code)
  })

  it('skip an untriggered origin, and pass even with USE_ORIGIN when none is triggered', async () => {
    const result = await check(policy({ origins: [origin({ triggerRules: [includeIp] })] }), request('/user-agent'), '1.1')
    expect(result).toEqual({
      pass: true,
      triggered: false,
      perOrigin: [{ issuer: ISTIO_SAMPLE_ISSUER, check: { skipped: 'not-triggered' } }],
      reason: 'no origin is triggered for this path',
    })
  })

  it('do not exist in 1.0: every origin applies', async () => {
    const result = await check(policy({ origins: [origin({ triggerRules: [includeIp] })] }), request('/user-agent'), '1.0')
    expect(result).toMatchObject({ pass: false, triggered: true })
  })
})

describe('jwt peers', () => {
  const peerSpec = origin({ issuer: 'peer@example.com', jwtHeaders: ['x-peer-jwt'] })
  const withJwtPeer = policy({ peers: [{ kind: 'jwt', jwt: peerSpec }] })

  it('add their token locations to the policy, where origins do not accept them', async () => {
    const token = await genJwtLikeIstio({ privateKeyPem: KEY_PEM, now: NOW_2026 })
    const result = await check(withJwtPeer, { path: '/ip', headers: { 'x-peer-jwt': token }, now: NOW_2026 })
    expect(result.perOrigin[0]?.check).toMatchObject({ ok: false, reason: 'location-not-allowed' })
  })

  it('are checked like an origin by checkJwtPeer', async () => {
    const token = await genJwtLikeIstio({ privateKeyPem: KEY_PEM, iss: 'peer@example.com', now: NOW_2026 })
    const peerCheck = await checkJwtPeer(peerSpec, withJwtPeer, { path: '/ip', headers: { 'X-Peer-Jwt': token }, now: NOW_2026 }, NO_KEY_SETS)
    expect(peerCheck).toMatchObject({ ok: true, principal: 'peer@example.com/peer@example.com' })
  })
})

describe('cost', () => {
  it('checks a thousand policies that share one token quickly, thanks to the key and verdict caches', async () => {
    const policies = Array.from({ length: 1000 }, (_, i) => policy({ origins: [origin({ audiences: i % 2 ? [] : ['x'] })] }))
    const started = performance.now()
    const results = await Promise.all(policies.map((p) => check(p, request('/ip', ISTIO_DEMO_JWT))))
    expect(performance.now() - started).toBeLessThan(2000)
    expect(results.filter((r) => r.pass)).toHaveLength(500)
  })
})
