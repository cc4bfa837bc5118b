import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { objectsAtState, type SeedTables } from '../../scenarios/seed/replay'
import { parseManifests } from '../../yaml'
import { parseIntent } from '../../intent/parseIntent'
import { DEFAULT_OPTIONS } from '../types'
import { checkObjects } from './check'
import { clientMatches, governingExpectation, specificity, targetMatches } from './match'
import { outcomeHolds } from './outcome'
import { parseClientSet, parseTargetSet } from './sets'
import type { ClientRef, TargetRef } from './types'

const seedTables = JSON.parse(readFileSync(new URL('../../scenarios/seed/seed-tables.json', import.meta.url), 'utf8')) as SeedTables
const seedWorkloads = () => parseManifests(readFileSync(new URL('../../scenarios/seed/workloads.yaml', import.meta.url), 'utf8'), 'workloads.yaml').objects

const sleepFoo: ClientRef = { kind: 'workload', name: 'sleep', namespace: 'foo', sidecar: true }
const sleepLegacy: ClientRef = { kind: 'workload', name: 'sleep', namespace: 'legacy', sidecar: false }
const external: ClientRef = { kind: 'external' }
const httpbinFoo: TargetRef = { service: 'httpbin', namespace: 'foo', port: 8000, portName: 'http' }
const set = <T>(p: { ok: true; value: T } | { ok: false; message: string }): T => {
  if (!p.ok) throw new Error(p.message)
  return p.value
}

describe('sets', () => {
  it.each([
    ['*', sleepFoo, true],
    ['*', external, true],
    ['external', external, true],
    ['external', sleepFoo, false],
    ['sidecar-less', sleepLegacy, true],
    ['sidecar-less', sleepFoo, false],
    ['with-sidecar', sleepFoo, true],
    ['*.foo', sleepFoo, true],
    ['*.foo', sleepLegacy, false],
    ['sleep.foo', sleepFoo, true],
    ['sleep.bar', sleepFoo, false],
  ] as const)('client set %s matches %j: %s', (text, client, matches) => {
    expect(clientMatches(set(parseClientSet(text)), client)).toBe(matches)
  })

  it.each([
    ['*', true],
    ['*.foo', true],
    ['*.bar', false],
    ['httpbin.foo', true],
    ['httpbin.foo:8000', true],
    ['httpbin.foo:http', true],
    ['httpbin.foo:9000', false],
    ['sleep.foo', false],
  ] as const)('target set %s matches httpbin.foo:8000: %s', (text, matches) => {
    expect(targetMatches(set(parseTargetSet(text)), httpbinFoo)).toBe(matches)
  })

  it.each(['sleep', 'sleep.foo.bar', 'Sleep.foo', '*.foo:80', 'httpbin.foo:', ''])('rejects %j', (text) => {
    expect(parseTargetSet(text).ok && parseClientSet(text).ok).toBe(false)
  })
})

describe('precedence', () => {
  const list = (text: string) => parseIntent(`expectations:\n${text}`).expectations

  it('the more specific expectation wins whatever the order', () => {
    const broad = '- {from: "*", to: "*", expect: allow}\n'
    const narrow = '- {from: "*.legacy", to: httpbin.foo, expect: deny}\n'
    expect(governingExpectation(list(broad + narrow), sleepLegacy, httpbinFoo)).toBe(1)
    expect(governingExpectation(list(narrow + broad), sleepLegacy, httpbinFoo)).toBe(0)
    expect(governingExpectation(list(narrow + broad), sleepFoo, httpbinFoo)).toBe(1)
  })

  it('ties: the one with the more specific target, then the one written last', () => {
    const e = list('- {from: sleep.legacy, to: "*.foo", expect: allow}\n- {from: "*.legacy", to: httpbin.foo, expect: deny}\n')
    expect(specificity(e[0] as never)).toBe(specificity(e[1] as never))
    expect(governingExpectation(e, sleepLegacy, httpbinFoo)).toBe(1)
    const same = list('- {from: sleep.legacy, to: httpbin.foo, expect: allow}\n- {from: sleep.legacy, to: httpbin.foo, expect: deny}\n')
    expect(governingExpectation(same, sleepLegacy, httpbinFoo)).toBe(1)
  })

  it('expectations with a request only govern that request', () => {
    const e = list('- {from: "*", to: "*", expect: allow}\n- {from: sleep.foo, to: httpbin.foo, expect: 401, request: {token: none}}\n')
    expect(governingExpectation(e, sleepFoo, httpbinFoo)).toBe(0)
    expect(governingExpectation(e, sleepFoo, httpbinFoo, '[null,null,"none"]')).toBe(1)
  })
})

describe('outcomes', () => {
  it.each([
    ['allow', '200', 0, true],
    ['allow', '503', 0, false],
    ['deny', '503', 0, true],
    ['deny', '000', 56, true],
    ['deny', '200', 0, false],
    ['000/56', '000', 56, true],
    ['000/56', '000', 35, false],
    ['000', '000', 35, true],
    ['403', '401', 0, false],
  ] as const)('%s holds for %s/%i: %s', (written, code, exit, holds) => {
    const e = parseIntent(`expectations:\n- {from: "*", to: "*", expect: "${written}"}\n`).expectations[0]
    expect(outcomeHolds(e?.expect ?? { kind: 'allow' }, { code, exit, rule: 'R12' })).toBe(holds)
  })
})

describe('checking the seed', () => {
  const input = { options: DEFAULT_OPTIONS, request: { path: '/ip', headers: {}, now: 1_700_000_000 }, keySets: new Map() }

  it('S1 (mesh-wide STRICT): legacy is refused, sidecars fail without a rule', async () => {
    const expectations = parseIntent('expectations:\n- {from: "*", to: "*", expect: allow}\n- {from: sidecar-less, to: "*.foo", expect: "000/56"}\n').expectations
    const result = await checkObjects(objectsAtState(seedTables, seedWorkloads(), 'S1'), expectations, input)
    const cell = (from: string, to: string) => result.checks.find((c) => c.from === from && c.to === to)
    expect(cell('sleep.legacy', 'httpbin.foo:8000')).toMatchObject({ expectation: 1, holds: true, got: { code: '000', exit: 56 } })
    expect(cell('sleep.foo', 'httpbin.bar:8000')).toMatchObject({ expectation: 0, holds: false, got: { code: '503' } })
    expect(cell('sleep.legacy', 'httpbin.legacy:8000')).toMatchObject({ expectation: 0, holds: true })
    expect(result.checks).toHaveLength(3 * 3)
    expect(result.violated.every((c) => c.expectation === 0)).toBe(true)
  })

  it('an expectation with a token is checked on its own grid', async () => {
    const expectations = parseIntent('expectations:\n- {from: "*", to: httpbin.foo, expect: 401}\n- {from: "*", to: httpbin.foo, expect: allow, request: {token: demo}}\n').expectations
    const objects = objectsAtState(seedTables, seedWorkloads(), 'S12')
    const result = await checkObjects(objects, expectations, { ...input, request: { path: '/headers', headers: {}, now: 1_700_000_000 } })
    const external = result.checks.filter((c) => c.from === 'external' && c.to === 'httpbin.foo:8000')
    expect(external.map((c) => [c.request === '' ? 'current' : 'demo', c.got?.code, c.holds])).toEqual([
      ['current', '401', true],
      ['demo', '200', true],
    ])
  })
})
