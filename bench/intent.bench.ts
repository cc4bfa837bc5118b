/**
 * `npm run bench:intent`: how long the smallest-fix search takes on seed-sized designs (issue 14:
 * under a second). Several scenarios whose expectations and starting states really differ; one
 * warm-up run each, then RUNS timed runs; prints min / median / max and the designs checked.
 */
import { readFileSync } from 'node:fs'
import { DEFAULT_OPTIONS, type EngineOptions, type KubeObject } from '../src/engine'
import { searchFixes, type CheckInput } from '../src/engine/intent'
import { parseIntent } from '../src/intent/parseIntent'
import { objectsAtState, type SeedTables } from '../src/scenarios/seed/replay'
import { syntheticMesh } from '../src/scenarios/synthetic/syntheticMesh'
import { modernTaskWorkloads } from '../src/scenarios/modern/taskWorkloads'
import { parseManifests } from '../src/yaml'

const RUNS = 9
const seed = JSON.parse(readFileSync(new URL('../src/scenarios/seed/seed-tables.json', import.meta.url), 'utf8')) as SeedTables
const workloads = parseManifests(readFileSync(new URL('../src/scenarios/seed/workloads.yaml', import.meta.url), 'utf8'), 'workloads.yaml').objects

interface Scenario {
  name: string
  objects: KubeObject[]
  intent: string
  options: EngineOptions
}

const SCENARIOS: Scenario[] = [
  {
    name: 'seed S1: sidecars allow, legacy denied',
    objects: objectsAtState(seed, workloads, 'S1'),
    intent: '- {from: with-sidecar, to: ["*.foo", "*.bar"], expect: allow}\n- {from: sidecar-less, to: "*.foo", expect: deny}\n',
    options: DEFAULT_OPTIONS,
  },
  {
    name: 'seed S0: legacy -> foo denied',
    objects: objectsAtState(seed, workloads, 'S0'),
    intent: '- {from: "*", to: "*", expect: allow}\n- {from: sidecar-less, to: "*.foo", expect: deny}\n',
    options: DEFAULT_OPTIONS,
  },
  {
    name: 'seed S7 (1.1): everything allowed again',
    objects: objectsAtState(seed, workloads, 'S7'),
    intent: '- {from: "*", to: "*", expect: allow}\n',
    options: { ...DEFAULT_OPTIONS, profile: '1.1' },
  },
  {
    name: 'task workloads (1.24): legacy -> foo denied',
    objects: modernTaskWorkloads('1.24'),
    intent: '- {from: "*", to: "*", expect: allow}\n- {from: sleep.legacy, to: "*.foo", expect: deny}\n',
    options: { ...DEFAULT_OPTIONS, profile: '1.24' },
  },
  {
    name: 'seed S0: conflict (no fix exists)',
    objects: objectsAtState(seed, workloads, 'S0'),
    intent: '- {from: sleep.foo, to: httpbin.foo, expect: allow}\n- {from: sleep.bar, to: httpbin.foo, expect: 503}\n',
    options: DEFAULT_OPTIONS,
  },
  {
    name: 'synthetic 6 ns: no fix (JWT origins)',
    objects: syntheticMesh(6),
    intent: '- {from: "*", to: "*", expect: allow}\n',
    options: DEFAULT_OPTIONS,
  },
]

function stats(values: number[]): string {
  const s = [...values].sort((a, b) => a - b)
  const f = (v: number | undefined) => (v ?? 0).toFixed(0).padStart(6)
  return `${f(s[0])} ${f(s[Math.floor(s.length / 2)])} ${f(s[s.length - 1])}`
}

async function main(): Promise<void> {
  console.log('smallest-fix search, milliseconds per search (Node, one thread)')
  console.log('scenario                                     min median    max  candidates  designs  fixes')
  for (const sc of SCENARIOS) {
    const expectations = parseIntent(`expectations:\n${sc.intent}`).expectations
    const input: CheckInput = { options: sc.options, request: { path: '/ip', headers: {}, now: 1_795_000_000 }, keySets: new Map() }
    const first = await searchFixes(sc.objects, expectations, input)
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      await searchFixes(sc.objects, expectations, input)
      times.push(performance.now() - start)
    }
    console.log(`${sc.name.padEnd(44)} ${stats(times)}  ${String(first.candidates).padStart(10)}  ${String(first.evaluated).padStart(7)}  ${String(first.fixes.length).padStart(5)}`)
  }
}

void main()
