import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BIG_KEY, LOCAL_LIMIT, OPENING_KEY, readSavedEntry, SET_ASIDE_KEY, STALE_OPENING_MS, STORAGE_KEY } from './autosave'
import { autosaveOf } from './designerStore'
import { keyOf } from './keys'
import { loadOtherTab, openSetAside } from './opening'
import { resetSaveStatus, saveStatus } from './saveStatus'
import { memoryBigStorage, memoryStorage, testStore } from './testing'

const POLICY = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'foo' }, spec: { peers: [{ mtls: {} }] } }
const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })

type Store = ReturnType<typeof testStore>
const persistence = (store: Store) => autosaveOf(store)!
const problems = () => saveStatus.getState().problems.map((p) => p.kind)

beforeEach(() => {
  resetSaveStatus()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('A saved design that cannot be opened', () => {
  it('is moved aside, never overwritten by the seed, and the page is told', async () => {
    const corrupt = '{"v":1,"resources":['
    const storage = memoryStorage({ [STORAGE_KEY]: corrupt })
    const store = testStore({ storage, elkLayout: false, autosaveDelayMs: 10 })
    expect(store.getState().resources.map(keyOf)).toContain('Namespace//foo')
    expect(storage.data.has(STORAGE_KEY)).toBe(false)
    expect(JSON.parse(storage.data.get(SET_ASIDE_KEY)!)).toMatchObject({ reason: 'it is not JSON', text: corrupt })
    expect(saveStatus.getState().problems).toEqual([{ kind: 'set-aside', reason: 'it is not JSON', text: corrupt }])
    // Edits are saved again, beside the set-aside entry.
    store.getState().upsertResource(POLICY, 'inspector')
    persistence(store).autosave.flush()
    await vi.waitFor(() => expect(storage.data.get(STORAGE_KEY)).toContain('"Policy"'))
    expect(JSON.parse(storage.data.get(SET_ASIDE_KEY)!).text).toBe(corrupt)
    await store.getState().settled()
  })

  it('is offered again at the next start until discarded, and "open anyway" opens another version', async () => {
    const future = JSON.stringify({ v: 2, resources: [POLICY], layout: { positions: {}, namespaces: {} } })
    const storage = memoryStorage({ [STORAGE_KEY]: future })
    testStore({ storage, elkLayout: false })
    resetSaveStatus()
    const again = testStore({ storage, elkLayout: false })
    expect(problems()).toEqual(['set-aside'])
    expect(openSetAside(again, persistence(again))).toEqual({ ok: true })
    expect(again.getState().resources.map(keyOf)).toEqual(['Policy/foo/default'])
    expect(storage.data.has(SET_ASIDE_KEY)).toBe(false)
    expect(problems()).toEqual([])
    await again.getState().settled()
  })

  it('is set aside when the page did not finish opening it last time; a fresh mark (another tab starting) is not', async () => {
    const saved = JSON.stringify({ v: 1, resources: [POLICY] })
    const fresh = memoryStorage({ [STORAGE_KEY]: saved, [OPENING_KEY]: String(Date.now() - 1000) })
    const opened = testStore({ storage: fresh, elkLayout: false })
    expect(opened.getState().lastOrigin).toBe('restore')
    await opened.getState().settled()
    await Promise.resolve()
    // The mark goes once the first grid is done.
    expect(fresh.data.has(OPENING_KEY)).toBe(false)

    const stale = memoryStorage({ [STORAGE_KEY]: saved, [OPENING_KEY]: String(Date.now() - STALE_OPENING_MS - 1000) })
    const recovered = testStore({ storage: stale, elkLayout: false })
    expect(recovered.getState().lastOrigin).toBe('init')
    expect(saveStatus.getState().problems[0]).toMatchObject({ kind: 'set-aside', reason: expect.stringContaining('did not finish opening'), text: saved })
    await recovered.getState().settled()
  })

  it('stays where it is when it cannot be moved (storage full), and autosave does not write over it', async () => {
    const storage = memoryStorage({ [STORAGE_KEY]: 'not json' })
    storage.setItem = () => {
      throw Object.assign(new Error('full'), { name: 'QuotaExceededError' })
    }
    const store = testStore({ storage, elkLayout: false, autosaveDelayMs: 10 })
    store.getState().upsertResource(POLICY, 'inspector')
    await new Promise((r) => setTimeout(r, 30))
    expect(storage.data.get(STORAGE_KEY)).toBe('not json')
    expect(problems()).toEqual(['set-aside'])
    await store.getState().settled()
  })
})

describe('Saving', () => {
  it('says at once when storage is full and nothing else takes the design, and retry works once there is room', async () => {
    const storage = memoryStorage()
    const setItem = storage.setItem
    storage.setItem = () => {
      throw Object.assign(new Error('full'), { name: 'QuotaExceededError' })
    }
    const store = testStore({ storage, elkLayout: false, autosaveDelayMs: 10 })
    store.getState().upsertResource(POLICY, 'inspector')
    persistence(store).autosave.flush()
    await vi.waitFor(() => expect(saveStatus.getState().problems[0]).toMatchObject({ kind: 'not-saved' }))
    expect(saveStatus.getState().problems[0]).toMatchObject({ kind: 'not-saved', reason: expect.stringContaining('storage for this page is full') })
    storage.setItem = setItem
    await persistence(store).autosave.saveNow()
    expect(problems()).toEqual([])
    expect(storage.data.get(STORAGE_KEY)).toContain('"Policy"')
    await store.getState().settled()
  })

  it('puts a design too large for localStorage in IndexedDB, and opens it from there', async () => {
    const storage = memoryStorage()
    const big = memoryBigStorage()
    const store = testStore({ storage, bigStorage: big, elkLayout: false, autosaveDelayMs: 10 })
    const many = Array.from({ length: 300 }, (_, i) => ({ ...namespace(`ns-${i}`), metadata: { name: `ns-${i}`, annotations: { filler: 'x'.repeat(4000) } } }))
    store.getState().loadResources(many, 'import')
    persistence(store).autosave.flush()
    await persistence(store).autosave.idle()
    expect(big.data.get(BIG_KEY)!.length).toBeGreaterThan(LOCAL_LIMIT)
    expect(JSON.parse(storage.data.get(STORAGE_KEY)!)).toMatchObject({ in: 'indexedDB' })
    expect(saveStatus.getState().savedIn).toBe('indexedDB')

    const reopened = testStore({ storage, bigStorage: big, elkLayout: false })
    expect(saveStatus.getState().loading).toBe(true)
    await vi.waitFor(() => expect(reopened.getState().resources).toHaveLength(300))
    expect(saveStatus.getState().loading).toBe(false)
    expect(reopened.getState().lastOrigin).toBe('restore')
    expect(reopened.temporal.getState().pastStates).toHaveLength(0)
    await reopened.getState().settled()
  })

  it('opens again every design it imported: no count of objects (6,000 here; the old limit was 5,000)', () => {
    const resources = Array.from({ length: 6_000 }, (_, i) => namespace(`n${i}`))
    const storage = memoryStorage({ [STORAGE_KEY]: JSON.stringify({ v: 1, resources }) })
    const entry = readSavedEntry(storage, { path: '/ip', headers: {} })
    expect(entry.kind === 'saved' && entry.design.resources).toHaveLength(6_000)
  })
})

describe('Two tabs on the same design', () => {
  it('stops saving when the other tab saved, until the user chooses; "load theirs" keeps mine one undo away', async () => {
    const storage = memoryStorage()
    const mine = testStore({ storage, elkLayout: false, autosaveDelayMs: 10 })
    const theirs = JSON.stringify({ v: 1, resources: [namespace('theirs')] })
    storage.setItem(STORAGE_KEY, theirs)
    persistence(mine).autosave.noticeOtherTab('2026-12-02T18:00:00Z')
    expect(problems()).toEqual(['other-tab'])
    mine.getState().upsertResource(POLICY, 'inspector')
    await new Promise((r) => setTimeout(r, 30))
    expect(storage.data.get(STORAGE_KEY)).toBe(theirs)

    expect(await loadOtherTab(mine, persistence(mine))).toEqual({ ok: true })
    expect(mine.getState().resources.map(keyOf)).toEqual(['Namespace//theirs'])
    mine.getState().undo()
    expect(mine.getState().resources.map(keyOf)).toContain('Policy/foo/default')
    expect(problems()).toEqual([])
    await mine.getState().settled()
  })

  it('"keep mine" saves this tab design over the other one, on purpose', async () => {
    const storage = memoryStorage()
    const mine = testStore({ storage, elkLayout: false, autosaveDelayMs: 10 })
    persistence(mine).autosave.noticeOtherTab('')
    mine.getState().upsertResource(POLICY, 'inspector')
    await persistence(mine).autosave.saveNow()
    expect(storage.data.get(STORAGE_KEY)).toContain('"Policy"')
    expect(problems()).toEqual([])
    await mine.getState().settled()
  })
})
