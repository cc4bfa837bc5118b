import { describe, expect, it, vi } from 'vitest'
import { decodeShareLink, encodeShareLink } from '../share'
import { envelopeText, loadSavedDesign } from '../autosave'
import { memoryStorage, codeAt } from '../testing'
import { useDesignerStore } from '../index'
import { createIntentStore, parsedIntent } from './intentStore'
import { intentMarks } from './intentMarks'
import { deleteSnapshot, readSnapshots, saveSnapshot } from './snapshots'
import { yamlDiffOf } from './yamlDiff'

// The fix search runs in this thread here (no Worker in Node), next to other work on a busy machine.
vi.setConfig({ testTimeout: 90_000 })

const MESH_POLICY = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default' }, spec: { peers: [{ mtls: {} }] } }
const INTENT = 'expectations:\n- {from: with-sidecar, to: "*", expect: allow}\n'

describe('intent in the design', () => {
  it('travels in share links', () => {
    const state = { resources: [], layout: { positions: {}, namespaces: {} }, options: { profile: '1.0' as const, r11: 'documented' as const }, intent: INTENT }
    const decoded = decodeShareLink(encodeShareLink(state))
    expect(decoded.ok && decoded.design.intent).toBe(INTENT)
  })

  it('is kept by the autosave and checked on the way back', () => {
    const storage = memoryStorage()
    storage.setItem('mesh-auth-designer:v1', envelopeText({ resources: [], layout: { positions: {}, namespaces: {} }, options: { profile: '1.0', r11: 'documented' }, request: { path: '/ip', headers: {} }, intent: INTENT }))
    expect(loadSavedDesign(storage, { path: '/ip', headers: {} })?.intent).toBe(INTENT)
    storage.setItem('mesh-auth-designer:v1', JSON.stringify({ v: 1, resources: [], intent: 42 }))
    expect(loadSavedDesign(storage, { path: '/ip', headers: {} })).toBeUndefined()
  })
})

describe('snapshots', () => {
  it('are saved by name, newest first, replaced by name, deleted', () => {
    const storage = memoryStorage()
    const snap = (name: string, n: number) => ({ name, savedAt: '2026-12-02T18:00:00.000Z', resources: Array.from({ length: n }, (_, i) => ({ kind: 'Namespace', metadata: { name: `ns${i}` } })), options: { profile: '1.0' as const, r11: 'documented' as const } })
    saveSnapshot(storage, snap('a', 1))
    saveSnapshot(storage, snap('b', 2))
    saveSnapshot(storage, snap('a', 3))
    expect(readSnapshots(storage).map((s) => [s.name, s.resources.length])).toEqual([
      ['a', 3],
      ['b', 2],
    ])
    expect(deleteSnapshot(storage, 'a').map((s) => s.name)).toEqual(['b'])
    storage.setItem('mesh-auth-designer:snapshots:v1', '[{"name":"x","savedAt":"t","resources":"no"}]')
    expect(readSnapshots(storage)).toEqual([])
  })
})

describe('yaml diff of a fix', () => {
  it('marks added and removed lines', () => {
    const before = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'legacy' } }]
    const after = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'legacy', labels: { 'istio-injection': 'enabled' } } }]
    expect(yamlDiffOf(before, after, ['Namespace//legacy'])).toEqual([
      {
        key: 'Namespace//legacy',
        change: 'changed',
        lines: [
          { op: ' ', text: 'apiVersion: v1' },
          { op: ' ', text: 'kind: Namespace' },
          { op: ' ', text: 'metadata:' },
          { op: ' ', text: '  name: legacy' },
          { op: '+', text: '  labels:' },
          { op: '+', text: '    istio-injection: enabled' },
        ],
      },
    ])
  })
})

describe('the designer with intent', () => {
  it('marks violations, finds the fix, applies it as one undo step', async () => {
    const designer = useDesignerStore.getState()
    designer.applyEdit((resources) => [...resources, MESH_POLICY], 'inspector')
    await useDesignerStore.getState().settled()
    const intent = createIntentStore(memoryStorage())
    intent.getState().cycleExpectation('sleep.foo', 'httpbin.foo:8000')
    intent.getState().cycleExpectation('*', 'httpbin.bar:8000')
    intent.getState().cycleExpectation('sleep.legacy', 'httpbin.bar:8000')
    intent.getState().cycleExpectation('sleep.legacy', 'httpbin.bar:8000')
    const text = useDesignerStore.getState().intent
    expect(parsedIntent(text).problems).toEqual([])
    const marks = () => intentMarks(useDesignerStore.getState().gridState.grid, parsedIntent(useDesignerStore.getState().intent).expectations)
    expect(marks().total).toBe(4)
    expect(marks().violated).toHaveLength(3)

    intent.getState().startSuggest()
    await expect.poll(() => intent.getState().suggest.status, { timeout: 80_000 }).toBe('done')
    const state = intent.getState().suggest
    expect(state.status === 'done' && state.result.fixes[0]?.edits.map((e) => e.id)).toEqual(['rule/mesh/*.local/ISTIO_MUTUAL'])

    const before = useDesignerStore.getState().resources
    intent.getState().applyFix(0)
    await useDesignerStore.getState().settled()
    expect(codeAt(useDesignerStore.getState().gridState.grid, 'sleep.foo', 'httpbin.foo:8000')).toBe('200')
    expect(marks().violated).toEqual([])
    useDesignerStore.getState().undo()
    await useDesignerStore.getState().settled()
    expect(useDesignerStore.getState().resources).toBe(before)
    expect(marks().violated).toHaveLength(3)
  })

  it('compares with a saved version and previews an edit', async () => {
    const intent = createIntentStore(memoryStorage())
    intent.getState().saveSnapshot('now')
    const withRule = [...useDesignerStore.getState().resources, { apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'default', namespace: 'default' }, spec: { host: '*.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } } }]
    intent.getState().previewEdit('rule', withRule)
    await expect.poll(() => intent.getState().preview?.diff?.cells.length, { timeout: 10_000 }).toBe(6)
    useDesignerStore.getState().applyEdit(() => withRule, 'inspector')
    expect(intent.getState().preview).toBeUndefined()
    const snapshot = intent.getState().snapshots[0]
    intent.getState().compareWith(snapshot?.name ?? '', snapshot?.resources ?? [])
    await expect.poll(() => intent.getState().comparison?.diff?.cells.map((c) => `${c.from}>${c.to}:${c.before?.code}>${c.after?.code}:${c.causes.join()}`)[0], { timeout: 10_000 }).toBe('sleep.foo>httpbin.foo:8000:503>200:DestinationRule/default/default')
  })
})
