/**
 * The built-in lesson "Authentication Policy" against the seed task: every step's resources are the
 * seed state it names, its requests are the seed table's requests, and the engine prints exactly the
 * codes the lesson expects and the task printed.
 */
import { describe, expect, it } from 'vitest'
import { parseManifests } from '../yaml'
import seedWorkloads from '../scenarios/seed/workloads.yaml?raw'
import { objectsAtState, type SeedTable } from '../scenarios/seed/replay'
import type { KubeObject } from '../engine'
import { builtinLessons, computeStepGrid, lessonStepRequests, lessonStepResources, type Lesson, type TokenSpec } from '.'
import { refKey } from './resources'
import { GRID_DEPS, SEED_TABLES, seedCellKey, seedCode, sorted } from './testSupport'

const lesson = builtinLessons().find((l) => l.id === 'authentication-policy') as Lesson
const workloads = parseManifests(seedWorkloads).objects

function tableOf(id: string | undefined): SeedTable | undefined {
  return SEED_TABLES.tables.find((t) => t.id === id)
}

/** Objects by kubectl identity, with the namespace kubectl would give them, as canonical JSON. */
function canonical(objects: readonly KubeObject[]): [string, string][] {
  const stable = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(stable) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, stable(x)])) : v
  return objects
    .map((o): [string, string] => {
      const key = refKey(o.kind, o.metadata.name, o.metadata.namespace)
      const { namespace: _ns, ...metadata } = o.metadata
      return [key, JSON.stringify(stable({ ...o, metadata }))]
    })
    .sort(([a], [b]) => (a < b ? -1 : 1))
}

const SEED_TOKEN: Record<string, TokenSpec> = {
  none: 'none',
  demo: 'demo',
  'k8s-serviceaccount': 'serviceaccount',
  'gen-jwt-expire-5': { generate: { expireSeconds: 5 } },
}

describe('the built-in lesson "Authentication Policy" (Istio 1.0, R11 as documented)', () => {
  it('follows the task from setup to the last cleanup in 22 steps', () => {
    expect(lesson.steps.map((s) => s.id)).toHaveLength(22)
    expect(lesson.profile).toBe('1.0')
    expect(lesson.r11).toBe('documented')
  })

  it('has a step for every table the task prints, in the task order', () => {
    const tables = lesson.steps.flatMap((s) => (s.seedTable ? [s.seedTable] : []))
    expect(tables).toEqual(SEED_TABLES.tables.map((t) => t.id))
  })

  it('passes through every state of the task, in order', () => {
    const states = [...new Set(lesson.steps.flatMap((s) => (s.seedState ? [s.seedState] : [])))]
    expect(states).toEqual(SEED_TABLES.states.map((s) => s.id))
  })

  it('names, for each printed table, the state the task prints it in', () => {
    for (const step of lesson.steps) {
      if (step.seedTable) expect(`${step.id}: ${step.seedState}`).toBe(`${step.id}: ${tableOf(step.seedTable)?.state}`)
    }
  })

  lesson.steps.forEach((step, i) => {
    describe(`step ${i + 1} "${step.id}"${step.seedTable ? ` (${step.seedTable})` : ''}`, () => {
      if (step.seedState) {
        it(`has exactly the resources of seed state ${step.seedState}`, () => {
          expect(canonical(lessonStepResources(lesson, i))).toEqual(canonical(objectsAtState(SEED_TABLES, workloads, step.seedState as string)))
        })
      }

      const table = tableOf(step.seedTable)
      if (table) {
        it(`sends the requests of table ${table.id}: same clients, URLs, tokens and times`, () => {
          const loop = step.request.loop !== undefined
          const probes = lessonStepRequests(lesson, i).map((p) => ({ key: p.key, url: p.url, token: p.token, at: p.at }))
          const printed = (table.implied ?? table.requests).map((r) => ({ key: seedCellKey(r, loop), url: r.url, token: SEED_TOKEN[r.token], at: r.at ?? 0 }))
          expect(probes).toEqual(printed)
        })

        it(`expects exactly what the task prints${table.implied ? ' (with the lines it elides)' : ''}`, () => {
          const loop = step.request.loop !== undefined
          const printed = Object.fromEntries((table.implied ?? table.requests).map((r) => [seedCellKey(r, loop), seedCode(r)]))
          expect(sorted(step.expect.grid)).toEqual(sorted(printed))
          for (const r of table.requests) expect(step.expect.grid[seedCellKey(r, loop)]).toBe(seedCode(r))
        })
      }

      it('prints, through the engine, the grid the step expects', async () => {
        expect(sorted(await computeStepGrid(lesson, i, GRID_DEPS))).toEqual(sorted(step.expect.grid))
      })
    })
  })

  it('shows real Istio for the last table when R11 is switched to "as implemented": 000 (56)', async () => {
    const implemented: Lesson = { ...lesson, r11: 'implemented' }
    const i = lesson.steps.findIndex((s) => s.seedTable === 'T16')
    expect(await computeStepGrid(implemented, i, GRID_DEPS)).toEqual({ 'sleep.legacy -> httpbin.foo:8000': '000 (56)' })
  })
})
