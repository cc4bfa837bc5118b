import { afterEach, describe, expect, it, vi } from 'vitest'
import { STORAGE_KEY } from './autosave'
import { keyOf } from './keys'
import { codes, memoryStorage, testStore } from './testing'

const POLICY = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'foo' }, spec: { peers: [{ mtls: {} }] } }

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('Autosave', () => {
  it('writes the design a moment after the last change, and a new store opens on it', async () => {
    vi.useFakeTimers()
    const storage = memoryStorage()
    const first = testStore({ storage, elkLayout: false })
    first.getState().upsertResource(POLICY, 'inspector')
    first.getState().setRequest({ path: '/headers', frozenNow: 1_800_000_000 })
    first.getState().moveNode('Deployment/foo/sleep', { x: 3, y: 4 })
    expect(storage.data.has(STORAGE_KEY)).toBe(false)
    vi.advanceTimersByTime(350)
    const saved = JSON.parse(storage.data.get(STORAGE_KEY) as string) as { v: number }
    expect(saved.v).toBe(1)
    vi.useRealTimers()

    const second = testStore({ storage, elkLayout: false })
    const state = second.getState()
    expect(state.lastOrigin).toBe('restore')
    expect(state.resources.map(keyOf)).toEqual(first.getState().resources.map(keyOf))
    expect(state.request).toEqual({ path: '/headers', headers: {}, frozenNow: 1_800_000_000 })
    expect(state.layout.positions['Deployment/foo/sleep']).toEqual({ x: 3, y: 4 })
    await state.settled()
    expect(codes(second.getState().gridState.grid)[2]).toEqual(['000/56', '200', '200'])
  })

  it('ignores a corrupt value with a warning and opens on the seed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = testStore({ storage: memoryStorage({ [STORAGE_KEY]: '{"v":1,"resources":[' }) })
    expect(store.getState().resources.map(keyOf)).toContain('Namespace//foo')
    expect(store.getState().lastOrigin).toBe('init')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not JSON'))
    await store.getState().settled()
  })

  it('ignores a value written by something else', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const store = testStore({ storage: memoryStorage({ [STORAGE_KEY]: JSON.stringify({ theme: 'dark' }) }) })
    expect(store.getState().resources.length).toBeGreaterThan(0)
    expect(warn).toHaveBeenCalledTimes(1)
    await store.getState().settled()
  })

  it('survives a storage that throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const broken = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    vi.useFakeTimers()
    const store = testStore({ storage: broken, elkLayout: false })
    store.getState().upsertResource(POLICY, 'inspector')
    vi.advanceTimersByTime(1000)
    expect(warn).toHaveBeenCalledTimes(2)
    vi.useRealTimers()
    await store.getState().settled()
  })
})
