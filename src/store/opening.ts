/**
 * How the app starts on a saved design, and the recovery choices the page offers when it could not.
 * Startup always survives: an entry that is unreadable, refused, or that the page did not finish
 * opening last time is set aside (autosave.ts) and the app opens the seed beside it.
 */
import type { StoreApi } from 'zustand'
import type { TemporalState } from 'zundo'
import {
  BIG_KEY,
  checkSavedText,
  discardSetAside,
  OPENING_KEY,
  readSavedEntry,
  readSetAside,
  setAside,
  withTabTokens,
  type Autosave,
  type BigStorage,
  type SavedDesign,
  type StorageLike,
} from './autosave'
import { checkDesign, checkRequest, isPlainRecord, type Design } from './design'
import { EMPTY_LAYOUT } from './placeNodes'
import { addProblem, clearProblem, saveStatus } from './saveStatus'
import type { ChangeOrigin, DesignerStore, RequestSettings } from './types'

export interface Opening {
  design: Design
  request: RequestSettings
  origin: ChangeOrigin
  /** Autosave starts paused: the saved entry is still being read, or could not be moved aside. */
  paused: boolean
  /** The saved design is in IndexedDB and is read after the store exists. */
  fromIndexedDb?: boolean
  /** A saved design is being opened: the opening mark is cleared once its first grid is done. */
  marked?: boolean
}

interface Persistence {
  autosave: Autosave
  storage: StorageLike
  big: BigStorage | undefined
}

type Store = StoreApi<DesignerStore> & { temporal: StoreApi<TemporalState<unknown>> }

/** Decides what the store opens on; the seed only when nothing saved can be opened. */
export function readOpening(storage: StorageLike | undefined, fallbackRequest: RequestSettings, seed: () => Design, tab?: StorageLike): Opening {
  const aside = readSetAside(storage)
  if (aside) addProblem({ kind: 'set-aside', ...aside })
  const entry = readSavedEntry(storage, fallbackRequest)
  const seeded = (paused: boolean): Opening => ({ design: seed(), request: fallbackRequest, origin: 'init', paused })
  switch (entry.kind) {
    case 'none':
      return seeded(false)
    case 'unreadable': {
      console.warn(`The saved design was set aside: ${entry.reason}.`)
      // Not moved (storage full): autosave must not write over it until the user has chosen.
      return seeded(!setAside(storage!, entry.reason, entry.text))
    }
    case 'in-indexeddb':
      saveStatus.setState({ loading: true })
      return { design: { resources: [], layout: EMPTY_LAYOUT, options: seed().options }, request: fallbackRequest, origin: 'restore', paused: true, fromIndexedDb: true }
    case 'saved': {
      let marked = false
      try {
        storage!.setItem(OPENING_KEY, String(Date.now()))
        marked = true
      } catch {
        // Without the mark a frozen start is not detected next time; the design still opens.
      }
      return { design: entry.design, request: withTabTokens(tab, entry.design.request), origin: 'restore', paused: false, marked }
    }
  }
}

function clearMark(storage: StorageLike): void {
  try {
    if (storage.removeItem) storage.removeItem(OPENING_KEY)
    else storage.setItem(OPENING_KEY, '')
  } catch {
    // A stale mark only sets the design aside once more; the user can open it anyway.
  }
}

function openSaved(store: Store, design: SavedDesign): void {
  store.getState().openDesign(design, 'restore')
  // Opening the saved design is where the session starts, not a step to undo.
  store.temporal.getState().clear()
}

/** Finishes opening once the store exists: clears the mark, or reads the design from IndexedDB. */
export function afterOpening(store: Store, opening: Opening, persistence: Persistence): void {
  const { storage, big, autosave } = persistence
  if (opening.marked) void store.getState().settled().then(() => clearMark(storage))
  if (!opening.fromIndexedDb) return
  const fallback = store.getState().request
  const done = () => saveStatus.setState({ loading: false })
  if (!big) {
    done()
    setAside(storage, 'it was saved in IndexedDB, which this page cannot use now', storage.getItem('mesh-auth-designer:v1') ?? '')
    autosave.resume()
    return
  }
  void big.get(BIG_KEY).then(
    (text) => {
      done()
      const entry = text === undefined ? undefined : checkSavedText(text, fallback)
      if (entry?.kind === 'saved') {
        openSaved(store, entry.design)
      } else {
        const reason = entry?.kind === 'unreadable' ? entry.reason : 'IndexedDB no longer holds it'
        addProblem({ kind: 'set-aside', reason, text: text ?? '' })
        if (text !== undefined) void big.set('set-aside', text).catch(() => undefined)
      }
      autosave.resume()
    },
    (error: unknown) => {
      done()
      addProblem({ kind: 'set-aside', reason: `IndexedDB could not be read (${String(error)})`, text: '' })
      autosave.resume()
    },
  )
}

/** "Open it anyway": the set-aside design, even one from another version when its shape allows. */
export function openSetAside(store: Store, persistence: Persistence): { ok: true } | { ok: false; message: string } {
  const problem = saveStatus.getState().problems.find((p) => p.kind === 'set-aside')
  if (!problem || problem.kind !== 'set-aside') return { ok: false, message: 'There is no set-aside design.' }
  let value: unknown
  try {
    value = JSON.parse(problem.text)
  } catch {
    return { ok: false, message: 'The set-aside design is not valid JSON, so it cannot be opened; export it to keep it.' }
  }
  // Another version's envelope: try its parts with this version's checks.
  const envelope = isPlainRecord(value) ? { ...value, v: 1 } : value
  const fallback = store.getState().request
  const checked = checkDesign<SavedDesign>(envelope, (e, design) => ({ ...design, request: checkRequest(e.request, fallback) }))
  if (!checked.ok) return { ok: false, message: `The set-aside design cannot be opened: ${checked.message}. Export it to keep it.` }
  store.getState().openDesign(checked.value, 'restore')
  discardSetAside(persistence.storage)
  return { ok: true }
}

export function discardSetAsideDesign(persistence: Persistence): void {
  discardSetAside(persistence.storage)
  void persistence.big?.del('set-aside').catch(() => undefined)
}

/** "Load the other tab's version": this tab's current design stays one undo away. */
export async function loadOtherTab(store: Store, persistence: Persistence): Promise<{ ok: true } | { ok: false; message: string }> {
  const entry = readSavedEntry(persistence.storage, store.getState().request, 0)
  let design: SavedDesign | undefined
  if (entry.kind === 'saved') design = entry.design
  else if (entry.kind === 'in-indexeddb' && persistence.big) {
    const text = await persistence.big.get(BIG_KEY)
    const big = text === undefined ? undefined : checkSavedText(text, store.getState().request)
    if (big?.kind === 'saved') design = big.design
  }
  if (!design) return { ok: false, message: "The other tab's design could not be read; yours is kept and still not saved." }
  store.getState().openDesign(design, 'restore')
  clearProblem('other-tab')
  persistence.autosave.resume()
  return { ok: true }
}
