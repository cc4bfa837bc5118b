import { afterEach, describe, expect, it, vi } from 'vitest'
import { seedTables, type SeedOp } from '../scenarios/seed'
import { buildModel, type EngineOptions, type KubeObject, type RequestProfile } from '../engine'
import { evaluateMesh } from './gridView'
import type { GridView } from './types'
import { codeAt, codes, testStore } from './testing'

/** The MeshPolicy the seed applies in its state S1 (mesh-wide mutual TLS). */
function s1MeshPolicy(): KubeObject {
  const op = seedTables.states.find((s) => s.id === 'S1')?.ops[0] as Extract<SeedOp, { op: 'apply' }>
  return structuredClone(op.object)
}

afterEach(() => vi.restoreAllMocks())

describe('A new designer store', () => {
  it('opens on the seed workloads with a 3x3 grid of 200s', async () => {
    const store = testStore()
    await store.getState().settled()
    const { gridState, resources, lastOrigin } = store.getState()
    expect(lastOrigin).toBe('init')
    expect(resources.map((o) => o.kind)).toContain('Deployment')
    expect(gridState.grid?.rows.map((r) => r.label)).toEqual(['sleep.foo', 'sleep.bar', 'sleep.legacy'])
    expect(gridState.grid?.columns.map((c) => c.label)).toEqual(['httpbin.foo:8000', 'httpbin.bar:8000', 'httpbin.legacy:8000'])
    expect(codes(gridState.grid)).toEqual([
      ['200', '200', '200'],
      ['200', '200', '200'],
      ['200', '200', '200'],
    ])
    expect(gridState.computing).toBe(false)
    expect(gridState.changed.size).toBe(0)
  })

  it('shows the workloads in their tab and nothing in the Istio tab', async () => {
    const store = testStore()
    const { yaml, problems, yamlBroken } = store.getState()
    expect(yaml.istio).toBe('')
    expect(yaml.workloads).toContain('kind: Namespace')
    expect(problems).toEqual([])
    expect(yamlBroken).toEqual({ istio: false, workloads: false })
    await store.getState().settled()
  })

  it('lays out one box per namespace with its two apps inside', async () => {
    const store = testStore()
    await store.getState().settled()
    const { layout } = store.getState()
    expect(Object.keys(layout.namespaces).sort()).toEqual(['bar', 'foo', 'legacy'])
    expect(Object.keys(layout.positions)).toHaveLength(6)
    expect(layout.positions['Deployment/foo/httpbin']).toBeDefined()
  })
})

describe('Adding the MeshPolicy of seed state S1', () => {
  it('gives 503 between sidecars and marks the cells that changed', async () => {
    const store = testStore()
    await store.getState().settled()
    store.getState().upsertResource(s1MeshPolicy(), 'inspector')
    expect(store.getState().yaml.istio).toContain('kind: MeshPolicy')
    expect(store.getState().gridState.computing).toBe(true)
    await store.getState().settled()
    const { gridState } = store.getState()
    expect(codeAt(gridState.grid, 'sleep.foo', 'httpbin.foo:8000')).toBe('503')
    expect(codeAt(gridState.grid, 'sleep.bar', 'httpbin.bar:8000')).toBe('503')
    expect(gridState.changed.has('sleep.foo|httpbin.foo:8000')).toBe(true)
    expect(gridState.changed.has('sleep.foo|httpbin.legacy:8000')).toBe(false)
    expect(gridState.millis).toBeGreaterThanOrEqual(0)
  })

  it('clears the marks at the next edit and marks only what that edit changed', async () => {
    const store = testStore()
    await store.getState().settled()
    store.getState().upsertResource(s1MeshPolicy(), 'inspector')
    await store.getState().settled()
    store.getState().setOptions({ r11: 'implemented' })
    expect(store.getState().gridState.changed.size).toBe(0)
    await store.getState().settled()
    // r11 only matters with JWT policies: nothing visible changes.
    expect(store.getState().gridState.changed.size).toBe(0)
    store.getState().deleteResource('MeshPolicy//default', 'canvas')
    await store.getState().settled()
    expect(store.getState().gridState.changed.has('sleep.foo|httpbin.foo:8000')).toBe(true)
    expect(codeAt(store.getState().gridState.grid, 'sleep.foo', 'httpbin.foo:8000')).toBe('200')
  })

  it('explains a cell with the policy that decided it', async () => {
    const store = testStore()
    await store.getState().settled()
    store.getState().upsertResource(s1MeshPolicy(), 'inspector')
    await store.getState().settled()
    const explanation = await store.getState().explainCell(0, 0)
    expect(explanation?.verdict.code).toBe('503')
    expect(explanation?.client).toBe('sleep.foo')
    expect(explanation?.policy.key).toBe('MeshPolicy//default')
    expect(await store.getState().explainCell(99, 0)).toBeUndefined()
  })
})

describe('The newest evaluation', () => {
  it('wins over an older one that finishes later', async () => {
    const store = testStore()
    await store.getState().settled()
    store.getState().upsertResource(s1MeshPolicy(), 'inspector')
    store.getState().deleteResource('MeshPolicy//default', 'inspector')
    await store.getState().settled()
    expect(codeAt(store.getState().gridState.grid, 'sleep.foo', 'httpbin.foo:8000')).toBe('200')
  })

  it('takes the grid from the worker for big grids', async () => {
    const evaluate = vi.fn(async (job: { resources: KubeObject[]; options: EngineOptions; request: RequestProfile }) => {
      const model = buildModel(job.resources, job.options)
      const evaluation = await evaluateMesh(model.mesh, job.request, new Map(), job.options)
      return { view: evaluation?.view as GridView, millis: 1 }
    })
    const store = testStore({ workerThreshold: 4, startWorker: () => Promise.resolve({ evaluate }) })
    await store.getState().settled()
    expect(evaluate).toHaveBeenCalledTimes(1)
    expect(evaluate.mock.calls[0]?.[0].request.now).toBe(1_795_000_000)
    expect(codes(store.getState().gridState.grid)[1]).toEqual(['200', '200', '200'])
  })

  it('runs in the worker for big grids and falls back to the main thread when the worker fails', async () => {
    const evaluate = vi.fn(() => Promise.reject(new Error('worker crashed')))
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = testStore({ workerThreshold: 0, startWorker: () => Promise.resolve({ evaluate }) })
    await store.getState().settled()
    expect(evaluate).toHaveBeenCalledTimes(1)
    expect(codes(store.getState().gridState.grid)[0]).toEqual(['200', '200', '200'])
  })
})
