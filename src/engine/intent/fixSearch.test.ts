import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { objectsAtState, type SeedTables } from '../../scenarios/seed/replay'
import { parseManifests } from '../../yaml'
import { DEFAULT_OPTIONS, type EngineOptions } from '../types'
import { parseIntent } from '../../intent/parseIntent'
import { checkObjects, type CheckInput } from './check'
import { searchFixes } from './fix/search'

const seedTables = JSON.parse(readFileSync(new URL('../../scenarios/seed/seed-tables.json', import.meta.url), 'utf8')) as SeedTables
const seedWorkloads = () => parseManifests(readFileSync(new URL('../../scenarios/seed/workloads.yaml', import.meta.url), 'utf8'), 'workloads.yaml').objects

const input = (options: EngineOptions = DEFAULT_OPTIONS): CheckInput => ({ options, request: { path: '/ip', headers: {}, now: 1_700_000_000 }, keySets: new Map() })
const intent = (text: string) => {
  const parsed = parseIntent(`expectations:\n${text}`)
  expect(parsed.problems).toEqual([])
  return parsed.expectations
}
const at = (state: string) => objectsAtState(seedTables, seedWorkloads(), state)

describe('smallest fix on the seed', () => {
  it('after the mesh-wide policy (S1), sidecar to sidecar allow: the *.local ISTIO_MUTUAL rule', async () => {
    const expectations = intent(`- {from: with-sidecar, to: "*.foo", expect: allow}\n- {from: with-sidecar, to: "*.bar", expect: allow}\n- {from: sidecar-less, to: "*.foo", expect: deny}\n`)
    const before = await checkObjects(at('S1'), expectations, input())
    expect(before.violated.length).toBeGreaterThan(0)
    const result = await searchFixes(at('S1'), expectations, input())
    const best = result.fixes[0]
    expect(best?.edits.map((e) => e.id)).toEqual(['rule/mesh/*.local/ISTIO_MUTUAL'])
    const rule = best?.objects.find((o) => o.kind === 'DestinationRule')
    expect(rule?.spec).toEqual({ host: '*.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } })
    expect((await checkObjects(best?.objects ?? [], expectations, input())).violated).toEqual([])
  })

  it('prefers the narrower scope when one object does it: one service host', async () => {
    const expectations = intent(`- {from: sleep.foo, to: httpbin.foo:8000, expect: allow}\n- {from: sleep.foo, to: httpbin.bar, expect: 503}\n`)
    const result = await searchFixes(at('S1'), expectations, input())
    expect(result.fixes[0]?.edits.map((e) => e.id)).toEqual(['rule/workload/httpbin.foo.svc.cluster.local/ISTIO_MUTUAL'])
    expect(result.fixes.length).toBeLessThanOrEqual(3)
  })

  it('nothing to do when every expectation holds', async () => {
    const result = await searchFixes(at('S0'), intent(`- {from: "*", to: "*", expect: allow}\n`), input())
    expect(result).toMatchObject({ fixes: [], violatedBefore: 0 })
  })

  it('says which expectations conflict when nothing satisfies all', async () => {
    // Under 1.0 two sidecar clients always get the same answer from the same port; and a sidecar
    // client never sees a reset (its proxy answers 503).
    const expectations = intent(`- {from: sleep.foo, to: httpbin.foo:8000, expect: allow}\n- {from: sleep.bar, to: httpbin.foo:8000, expect: 503}\n- {from: sleep.foo, to: httpbin.bar:8000, expect: "000/56"}\n`)
    const result = await searchFixes(at('S0'), expectations, input())
    expect(result.fixes).toEqual([])
    expect(result.conflicts).toEqual([
      { expectation: 1, with: [0] },
      { expectation: 2, with: [] },
    ])
  })
})
