import { describe, expect, it } from 'vitest'
import { seedTables, type SeedOp } from '../scenarios/seed'
import type { KubeObject } from '../engine'
import { envelopeText } from './autosave'
import { keyOf } from './keys'
import { codeAt, memoryStorage, testStore } from './testing'
import { STORAGE_KEY } from './autosave'
import { appKey, createFromPalette, deleteCascade, isEditError, setAppSidecar } from './commands'
import { diffGridViews } from './staging'
import type { GridView } from './types'

/** The MeshPolicy of the seed's state S1: mesh-wide mutual TLS, 503 between sidecars. */
function meshPolicy(): KubeObject {
  const op = seedTables.states.find((s) => s.id === 'S1')?.ops[0] as Extract<SeedOp, { op: 'apply' }>
  return structuredClone(op.object)
}

function configMap(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'foo' } }
}

async function openStore(storage = memoryStorage()) {
  const store = testStore({ storage, autosaveDelayMs: 0 })
  await store.getState().settled()
  return store
}

describe('Preview mode (staged edits)', () => {
  it('stages an edit: the grid shows it, the diff says before -> after and which object moved it, the history has no step', async () => {
    const store = await openStore()
    store.getState().upsertResource(configMap('committed'), 'inspector')
    const committed = store.getState().resources
    const steps = store.temporal.getState().pastStates.length

    store.getState().startPreview()
    store.getState().upsertResource(meshPolicy(), 'inspector')
    await store.getState().settled()
    const s = store.getState()
    expect(s.staging?.base.resources).toBe(committed)
    // The grid is the staged design's (after); the diff carries the committed one's (before).
    expect(codeAt(s.gridState.grid, 'sleep.foo', 'httpbin.foo:8000')).toBe('503')
    const cell = s.staging?.diff?.cells.find((c) => c.from === 'sleep.foo' && c.to === 'httpbin.foo:8000')
    expect(cell?.before?.code).toBe('200')
    expect(cell?.after?.code).toBe('503')
    expect(cell?.causes).toEqual(['MeshPolicy//default'])
    expect(s.staging?.diff?.objects.map((o) => o.key)).toEqual(['MeshPolicy//default'])
    // Staged edits have their own history: the design's is set aside, nothing was committed.
    expect(store.temporal.getState().pastStates).toHaveLength(1)
    store.getState().discardPreview()
    expect(store.temporal.getState().pastStates).toHaveLength(steps)
  })

  it('applies every staged edit as ONE undo step, and one undo takes them all back', async () => {
    const store = await openStore()
    const committed = store.getState().resources
    const steps = store.temporal.getState().pastStates.length
    store.getState().startPreview()
    store.getState().upsertResource(meshPolicy(), 'inspector')
    store.getState().upsertResource(configMap('a'), 'canvas')
    store.getState().gesture(() => store.getState().upsertResource(configMap('b'), 'canvas'))
    const staged = store.getState().resources
    store.getState().applyPreview()
    expect(store.getState().staging).toBeUndefined()
    expect(store.getState().resources).toBe(staged)
    expect(store.temporal.getState().pastStates).toHaveLength(steps + 1)
    expect(store.temporal.getState().futureStates).toHaveLength(0)
    store.getState().undo()
    expect(store.getState().resources.map(keyOf)).toEqual(committed.map(keyOf))
    await store.getState().settled()
    expect(codeAt(store.getState().gridState.grid, 'sleep.foo', 'httpbin.foo:8000')).toBe('200')
    store.getState().redo()
    expect(store.getState().resources).toBe(staged)
    await store.getState().settled()
  })

  it('discards: the design, its YAML, grid and history are as before, redo list included', async () => {
    const store = await openStore()
    store.getState().upsertResource(configMap('x'), 'inspector')
    store.getState().undo()
    const committed = store.getState().resources
    const yaml = store.getState().yaml
    const history = { past: store.temporal.getState().pastStates.length, future: store.temporal.getState().futureStates.length }
    expect(history.future).toBe(1)

    store.getState().startPreview()
    store.getState().upsertResource(meshPolicy(), 'inspector')
    store.getState().editYaml('workloads', `${store.getState().yaml.workloads}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: typed\n`)
    expect(store.getState().resources.map(keyOf)).toContain('Namespace//typed')
    await store.getState().settled()
    store.getState().discardPreview()
    const s = store.getState()
    expect(s.staging).toBeUndefined()
    expect(s.resources).toBe(committed)
    expect(s.yaml.istio).toBe(yaml.istio)
    expect(s.yaml.workloads).not.toContain('typed')
    expect(store.temporal.getState().pastStates).toHaveLength(history.past)
    expect(store.temporal.getState().futureStates).toHaveLength(history.future)
    await store.getState().settled()
    expect(codeAt(store.getState().gridState.grid, 'sleep.foo', 'httpbin.foo:8000')).toBe('200')
  })

  it('undo walks back staged edits one by one and stops at the committed design', async () => {
    const store = await openStore()
    store.getState().upsertResource(configMap('before-preview'), 'inspector')
    const steps = store.temporal.getState().pastStates.length
    store.getState().startPreview()
    store.getState().upsertResource(configMap('s1'), 'inspector')
    store.getState().upsertResource(configMap('s2'), 'inspector')
    store.getState().undo()
    expect(store.getState().resources.map(keyOf)).toContain('ConfigMap/foo/s1')
    expect(store.getState().resources.map(keyOf)).not.toContain('ConfigMap/foo/s2')
    store.getState().undo()
    store.getState().undo()
    store.getState().undo()
    // The committed edit made before the preview is not taken back from inside it.
    expect(store.getState().resources.map(keyOf)).toContain('ConfigMap/foo/before-preview')
    expect(store.getState().resources).toBe(store.getState().staging?.base.resources)
    await store.getState().settled()
    expect(store.getState().staging?.diff?.cells).toEqual([])
    // Apply with nothing staged records nothing.
    store.getState().applyPreview()
    expect(store.temporal.getState().pastStates).toHaveLength(steps)
  })

  it('autosave keeps the committed design while edits are staged, and the staged one once applied', async () => {
    const storage = memoryStorage()
    const store = await openStore(storage)
    store.getState().upsertResource(configMap('committed'), 'inspector')
    await new Promise((r) => setTimeout(r, 20))
    const saved = storage.getItem(STORAGE_KEY)
    expect(saved).toContain('"committed"')
    store.getState().startPreview()
    store.getState().upsertResource(configMap('staged'), 'inspector')
    expect(envelopeText(store.getState())).not.toContain('staged')
    await new Promise((r) => setTimeout(r, 20))
    // Not even rewritten: another tab would take a new save for a change of the design.
    expect(storage.getItem(STORAGE_KEY)).toBe(saved)
    store.getState().applyPreview()
    await new Promise((r) => setTimeout(r, 20))
    expect(storage.getItem(STORAGE_KEY) ?? '').toContain('"staged"')
    await store.getState().settled()
  })

  it('stages every kind of edit (canvas drop, sidecar switch, delete, YAML, import, reset) and applies them as one step', async () => {
    const store = await openStore()
    const committed = store.getState().resources
    const steps = store.temporal.getState().pastStates.length
    const edit = (run: (r: readonly KubeObject[]) => ReturnType<typeof setAppSidecar>) =>
      store.getState().applyEdit((r) => {
        const next = run(r)
        return isEditError(next) ? [...r] : next
      }, 'canvas')
    store.getState().startPreview()
    // A palette drop on namespace foo, as the canvas makes it (one gesture).
    store.getState().gesture(() => edit((r) => createFromPalette(r, 'policy', { namespace: 'foo', target: { kind: 'namespace', ns: 'foo' } }, '1.0')))
    edit((r) => setAppSidecar(r, appKey(r, 'Deployment/legacy/sleep'), true))
    store.getState().deleteResource('Deployment/bar/sleep', 'inspector')
    edit((r) => deleteCascade(r, 'Service/bar/httpbin'))
    store.getState().editYaml('workloads', `${store.getState().yaml.workloads}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: typed\n`)
    await store.getState().importYaml([{ name: 'cm.yaml', text: JSON.stringify(configMap('imported')) }], 'add')
    const staged = store.getState().resources.map(keyOf)
    expect(staged).toEqual(expect.arrayContaining(['Policy/foo/default', 'Namespace//typed', 'ConfigMap/foo/imported']))
    expect(staged).not.toContain('Deployment/bar/sleep')
    // Nothing reached the design's history.
    expect(store.getState().staging?.base.resources).toBe(committed)
    store.getState().applyPreview()
    expect(store.temporal.getState().pastStates).toHaveLength(steps + 1)
    store.getState().undo()
    expect(store.getState().resources.map(keyOf)).toEqual(committed.map(keyOf))

    // Even a whole new design is staged: Discard brings the seed back.
    store.getState().startPreview()
    store.getState().newEmptyDesign()
    expect(store.getState().resources).toEqual([])
    store.getState().discardPreview()
    expect(store.getState().resources.map(keyOf)).toEqual(committed.map(keyOf))
    await store.getState().settled()
  })

  it('names, per changed cell, the staged objects whose edit alone moves it', async () => {
    const store = await openStore()
    store.getState().startPreview()
    store.getState().upsertResource(meshPolicy(), 'inspector')
    store.getState().applyEdit((r) => {
      const next = setAppSidecar(r, appKey(r, 'Deployment/legacy/sleep'), true)
      return isEditError(next) ? [...r] : next
    }, 'canvas')
    await store.getState().settled()
    const diff = store.getState().staging?.diff
    const causes = (from: string, to: string) => diff?.cells.find((c) => c.from === from && c.to === to)?.causes
    // Two objects changed, but only the MeshPolicy moves a cell on its own (with no policy a sidecar changes no code).
    expect(diff?.objects.map((o) => o.key).sort()).toEqual(['Deployment/legacy/sleep', 'MeshPolicy//default'])
    expect(causes('sleep.foo', 'httpbin.foo:8000')).toEqual(['MeshPolicy//default'])
    // Together they make sleep.legacy a sidecar client sending plain text to a STRICT server: 503.
    expect(diff?.cells.find((c) => c.from === 'sleep.legacy' && c.to === 'httpbin.foo:8000')?.after?.code).toBe('503')
    expect(causes('sleep.legacy', 'httpbin.foo:8000')).toEqual(['MeshPolicy//default'])
    expect(diff?.compared).toBe(9)
    store.getState().discardPreview()
    await store.getState().settled()
  })

  it('diffGridViews compares by labels: cells only one side has count as changes', () => {
    const view = (rows: string[], columns: string[], cells: number[]): GridView => ({
      rows: rows.map((label) => ({ label, sidecar: true, external: false })),
      columns: columns.map((label) => ({ label, serviceKey: `Service/ns/${label}`, port: 80, portName: 'http', protocol: 'HTTP' })),
      cells: Uint8Array.from(cells),
    })
    const ok = 0
    const before = view(['a', 'b'], ['x'], [ok, ok])
    const after = view(['b', 'c'], ['x'], [ok, ok])
    const result = diffGridViews(before, after)
    expect(result.compared).toBe(3)
    expect(result.cells.map((c) => [c.from, c.before?.code, c.after?.code])).toEqual([
      ['a', before.cells[0] === ok ? expect.any(String) : undefined, undefined],
      ['c', undefined, expect.any(String)],
    ])
  })
})
