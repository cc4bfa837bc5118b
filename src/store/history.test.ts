import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../engine'
import { seedWorkloads } from '../scenarios/seed'
import { keyOf } from './keys'
import { codeAt, testStore } from './testing'

/** Istio 1.5+: STRICT mutual TLS for httpbin in foo. */
const strictPeerAuthentication: KubeObject = {
  apiVersion: 'security.istio.io/v1beta1',
  kind: 'PeerAuthentication',
  metadata: { name: 'httpbin', namespace: 'foo' },
  spec: { selector: { matchLabels: { app: 'httpbin' } }, mtls: { mode: 'STRICT' } },
}

function configMap(i: number): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `step-${i}`, namespace: 'foo' } }
}

async function openStore() {
  const store = testStore()
  await store.getState().settled()
  return store
}

describe('Undo and redo', () => {
  it('walk back and forth through 120 steps', async () => {
    const store = await openStore()
    const start = store.getState().resources
    for (let i = 0; i < 120; i++) store.getState().upsertResource(configMap(i), 'inspector')
    const end = store.getState().resources
    expect(end).toHaveLength(start.length + 120)
    for (let i = 0; i < 120; i++) store.getState().undo()
    expect(store.getState().resources.map(keyOf)).toEqual(start.map(keyOf))
    expect(store.getState().lastOrigin).toBe('undo')
    expect(store.getState().yaml.workloads).not.toContain('step-0')
    for (let i = 0; i < 120; i++) store.getState().redo()
    expect(store.getState().resources).toBe(end)
    expect(store.getState().yaml.workloads).toContain('step-119')
    await store.getState().settled()
  })

  it('restores the canvas layout with the objects', async () => {
    const store = await openStore()
    store.getState().upsertResource(configMap(1), 'canvas')
    expect(store.getState().layout.positions['ConfigMap/foo/step-1']).toBeDefined()
    store.getState().undo()
    expect(store.getState().layout.positions['ConfigMap/foo/step-1']).toBeUndefined()
    store.getState().redo()
    expect(store.getState().layout.positions['ConfigMap/foo/step-1']).toBeDefined()
    await store.getState().settled()
  })

  it('does not record selection, grid or request changes', async () => {
    const store = await openStore()
    const steps = store.temporal.getState().pastStates.length
    store.getState().select({ kind: 'resource', key: 'Deployment/foo/httpbin' })
    store.getState().setRequest({ path: '/headers' })
    store.getState().setOptions({ profile: store.getState().options.profile })
    await store.getState().settled()
    expect(store.temporal.getState().pastStates.length).toBe(steps)
  })

  it('records a profile switch as one step; undo brings back the profile and its grid', async () => {
    const store = await openStore()
    store.getState().newEmptyDesign()
    store.getState().loadResources(seedWorkloads(), 'import')
    store.getState().upsertResource(strictPeerAuthentication, 'inspector')
    await store.getState().settled()
    expect(store.getState().options.profile).toBe('1.30')
    const grid130 = store.getState().gridState.grid
    // STRICT on foo: the plaintext client is reset under 1.30.
    expect(codeAt(grid130, 'sleep.legacy', 'httpbin.foo:8000')).toBe('000/56')
    const steps = store.temporal.getState().pastStates.length
    store.getState().setOptions({ profile: '1.5' })
    await store.getState().settled()
    expect(store.temporal.getState().pastStates.length).toBe(steps + 1)
    expect(store.getState().options.profile).toBe('1.5')
    store.getState().undo()
    await store.getState().settled()
    expect(store.getState().options.profile).toBe('1.30')
    expect(store.getState().lastOrigin).toBe('undo')
    expect(store.getState().gridState.grid?.cells).toEqual(grid130?.cells)
    store.getState().redo()
    await store.getState().settled()
    expect(store.getState().options.profile).toBe('1.5')
    // Undoing the import after the switch keeps 1.30 (the switch came later); the new design's undo goes back to 1.0.
    store.getState().undo()
    store.getState().undo()
    store.getState().undo()
    expect(store.getState().options.profile).toBe('1.30')
    store.getState().undo()
    expect(store.getState().options.profile).toBe('1.0')
  })

  it('groups the moves of one drag into one step', async () => {
    const store = await openStore()
    const before = store.getState().layout
    const steps = store.temporal.getState().pastStates.length
    for (let x = 0; x < 10; x++) store.getState().moveNode('Deployment/foo/httpbin', { x, y: 5 })
    store.getState().moveNode('Deployment/foo/sleep', { x: 1, y: 1 })
    expect(store.temporal.getState().pastStates.length).toBe(steps + 2)
    store.getState().undo()
    store.getState().undo()
    expect(store.getState().layout).toEqual(before)
  })

  it('undoes a reset to the seed and a new empty design', async () => {
    const store = await openStore()
    store.getState().upsertResource(configMap(1), 'inspector')
    store.getState().newEmptyDesign()
    expect(store.getState().resources).toEqual([])
    expect(store.getState().yaml).toEqual({ istio: '', workloads: '' })
    store.getState().undo()
    expect(store.getState().resources.map(keyOf)).toContain('ConfigMap/foo/step-1')
    store.getState().resetToSeed()
    expect(store.getState().resources.map(keyOf)).not.toContain('ConfigMap/foo/step-1')
    store.getState().undo()
    expect(store.getState().resources.map(keyOf)).toContain('ConfigMap/foo/step-1')
    await store.getState().settled()
  })
})
