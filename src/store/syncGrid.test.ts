/**
 * One render per edit (issue 12): an edit whose token checks are already known gets its grid in the
 * same store update; anything that could change a token check waits for a real evaluation.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_OPTIONS, type KubeObject } from '../engine'
import { seedWorkloads } from '../scenarios/seed'
import { syntheticMesh } from '../scenarios/synthetic/syntheticMesh'
import { addPolicy, setAppSidecar } from './commands'
import { EMPTY_LAYOUT } from './placeNodes'
import { codeAt, testStore } from './testing'

function storeOn(namespaces: number, deps: Parameters<typeof testStore>[0] = {}) {
  return testStore({ elkLayout: false, initial: { resources: syntheticMesh(namespaces, 2), layout: EMPTY_LAYOUT, options: DEFAULT_OPTIONS }, ...deps })
}

describe('the grid of an edit', () => {
  it('is in the store when the edit returns, with the changed cells marked', async () => {
    const store = storeOn(6)
    await store.getState().settled()
    expect(codeAt(store.getState().gridState.grid, 'client.ns-1', 'web.ns-0:8000')).toBe('200')
    store.getState().applyEdit((r) => setAppSidecar(r, 'Deployment/ns-1/client', false) as never, 'canvas')
    const { gridState } = store.getState()
    expect(gridState.computing).toBe(false)
    // ns-0 has a namespace-wide STRICT policy: a client without a sidecar is refused.
    expect(codeAt(gridState.grid, 'client.ns-1', 'web.ns-0:8000')).toBe('000/56')
    expect(gridState.changed.has('client.ns-1|web.ns-0:8000')).toBe(true)
  })

  it('is evaluated (asynchronously) when a policy changed, and synchronous again after that', async () => {
    const store = storeOn(6)
    await store.getState().settled()
    store.getState().applyEdit((r) => addPolicy(r, 'ns-3') as never, 'canvas')
    expect(store.getState().gridState.computing).toBe(true)
    await store.getState().settled()
    expect(codeAt(store.getState().gridState.grid, 'client.ns-2', 'web.ns-3:8000')).toBe('000/56')
    store.getState().applyEdit((r) => setAppSidecar(r, 'Deployment/ns-1/client', false) as never, 'canvas')
    expect(store.getState().gridState.computing).toBe(false)
  })

  it('waits for the token checks when the request carries headers and the clock moved', async () => {
    let now = 1_795_000_000
    const store = storeOn(6, { clock: () => now })
    store.getState().setRequest({ headers: { Authorization: 'Bearer not-a-token' } })
    await store.getState().settled()
    now += 5
    store.getState().applyEdit((r) => setAppSidecar(r, 'Deployment/ns-1/client', false) as never, 'canvas')
    expect(store.getState().gridState.computing).toBe(true)
    await store.getState().settled()
    expect(store.getState().gridState.computing).toBe(false)
  })

  it('goes to the worker above the threshold, never synchronously', async () => {
    const calls: number[] = []
    const store = storeOn(6, {
      workerThreshold: 10,
      startWorker: () => Promise.resolve({ evaluate: () => (calls.push(1), Promise.reject(new Error('no worker here'))) }),
    })
    const warn = console.warn
    console.warn = () => undefined
    try {
      await store.getState().settled()
      store.getState().applyEdit((r) => setAppSidecar(r, 'Deployment/ns-1/client', false) as never, 'canvas')
      expect(store.getState().gridState.computing).toBe(true)
      await store.getState().settled()
      // The failed worker is not asked again: the main thread evaluates from then on.
      expect(calls.length).toBe(1)
      expect(store.getState().gridState.computing).toBe(false)
    } finally {
      console.warn = warn
    }
  })

  it('modern profiles: a request or workload edit is evaluated with the AuthorizationPolicies (not without them)', async () => {
    const allowGetFromFoo: KubeObject = {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'httpbin', namespace: 'foo' },
      spec: { selector: { matchLabels: { app: 'httpbin' } }, action: 'ALLOW', rules: [{ from: [{ source: { namespaces: ['foo'] } }], to: [{ operation: { methods: ['GET'] } }] }] },
    }
    const store = testStore({ elkLayout: false, initial: { resources: [...seedWorkloads(), allowGetFromFoo], layout: EMPTY_LAYOUT, options: { ...DEFAULT_OPTIONS, profile: '1.30' } } })
    const code = (row: string) => codeAt(store.getState().gridState.grid, row, 'httpbin.foo:8000')
    await store.getState().settled()
    expect([code('sleep.foo'), code('sleep.bar'), code('sleep.legacy')]).toEqual(['200', '403', '403'])
    // The method is no part of the token checks' key: the same prepared policies, another request.
    store.getState().setRequest({ method: 'POST' })
    await store.getState().settled()
    expect([code('sleep.foo'), code('sleep.bar'), code('sleep.legacy')]).toEqual(['403', '403', '403'])
    store.getState().setRequest({ method: 'GET' })
    await store.getState().settled()
    expect([code('sleep.foo'), code('sleep.bar'), code('sleep.legacy')]).toEqual(['200', '403', '403'])
    // Without its sidecar, sleep.foo has no peer identity, so no namespace (M26).
    store.getState().applyEdit((r) => setAppSidecar(r, 'Deployment/foo/sleep', false) as never, 'canvas')
    await store.getState().settled()
    expect(code('sleep.foo')).toBe('403')
  })
})
