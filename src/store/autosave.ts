/**
 * Keeps the design in the browser: written a moment after changes stop (typing in the editor makes
 * many changes a second), read back when the app starts. Nothing is ever lost silently:
 *
 * - A saved entry that cannot be opened (corrupt, another version, refused by the checks, or the
 *   page did not finish starting with it last time) is moved aside, never overwritten by the seed;
 *   the page offers "open anyway / export / discard" (saveStatus.ts).
 * - A design too large for localStorage goes to IndexedDB, with a small pointer in localStorage.
 *   When neither takes it, the page says so at once and offers an export and a retry.
 * - Another tab saving the same design pauses this tab's autosave until the user chooses whose
 *   version to keep.
 */
import { checkDesign, checkRequest, isPlainRecord, storableResources, type Design } from './design'
import { addProblem, clearProblem, saveStatus } from './saveStatus'
import { readTokenSettings } from './tokens/savedSettings'
import type { DesignerState, RequestSettings } from './types'

export const STORAGE_KEY = 'mesh-auth-designer:v1'
/** A saved entry that could not be opened: `{reason, at, text}` (text: the entry as it was). */
export const SET_ASIDE_KEY = 'mesh-auth-designer:v1:set-aside'
/** Set while the page opens a saved design, cleared when its first grid is done. */
export const OPENING_KEY = 'mesh-auth-designer:v1:opening'
/** Tokens the user keeps only for this tab, in sessionStorage: `[SavedToken...]`. */
export const TAB_TOKENS_KEY = 'mesh-auth-designer:v1:tab-tokens'
/** The IndexedDB key of a design too large for localStorage. */
export const BIG_KEY = 'design'
/**
 * Designs larger than this (in characters) go to IndexedDB: localStorage holds about 5 million
 * characters per origin, shared with the workshop's progress and the tokens.
 */
export const LOCAL_LIMIT = 1_000_000
/**
 * An opening mark older than this means the page that set it never finished starting (it froze
 * or was closed while frozen). Younger marks may belong to another tab that is starting now.
 */
export const STALE_OPENING_MS = 15_000

/** The part of the Web Storage API we use; tests pass an in-memory one. */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem?(key: string): void
}

/** The part of IndexedDB we use (idb-keyval in the browser); tests pass an in-memory one. */
export interface BigStorage {
  get(key: string): Promise<string | undefined>
  set(key: string, value: string): Promise<void>
  del(key: string): Promise<void>
}

export interface SavedDesign extends Design {
  request: RequestSettings
}

type Saved = Pick<DesignerState, 'resources' | 'layout' | 'options' | 'request'> & Partial<Pick<DesignerState, 'intent' | 'view' | 'staging'>>

/** localStorage when the page may use it; access itself throws in some privacy modes. */
export function browserStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

/** IndexedDB through idb-keyval, loaded only when a design is too large for localStorage. */
export function browserBigStorage(): BigStorage | undefined {
  if (typeof indexedDB === 'undefined') return undefined
  const lib = import('idb-keyval').then((idb) => ({ idb, store: idb.createStore('mesh-auth-designer', 'designs') }))
  return {
    get: async (key) => {
      const { idb, store } = await lib
      const value: unknown = await idb.get(key, store)
      return typeof value === 'string' ? value : undefined
    },
    set: async (key, value) => {
      const { idb, store } = await lib
      await idb.set(key, value, store)
    },
    del: async (key) => {
      const { idb, store } = await lib
      await idb.del(key, store)
    },
  }
}

function removeKey(storage: StorageLike, key: string): void {
  if (storage.removeItem) storage.removeItem(key)
  else storage.setItem(key, '')
}

function safeGet(storage: StorageLike, key: string, warn = false): string | null {
  try {
    const text = storage.getItem(key)
    return text === '' ? null : text
  } catch (error) {
    if (warn) console.warn('Could not read the saved design:', error)
    return null
  }
}

export type SavedEntry =
  | { kind: 'none' }
  | { kind: 'saved'; design: SavedDesign }
  /** The design is in IndexedDB; read it with readBigEntry. */
  | { kind: 'in-indexeddb' }
  | { kind: 'unreadable'; reason: string; text: string }

function isPointer(value: unknown): boolean {
  return isPlainRecord(value) && value.in === 'indexedDB'
}

/** Checks the text of a saved design (from localStorage or IndexedDB). */
export function checkSavedText(text: string, fallbackRequest: RequestSettings): SavedEntry {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { kind: 'unreadable', reason: 'it is not JSON', text }
  }
  if (isPointer(value)) return { kind: 'in-indexeddb' }
  const checked = checkDesign<SavedDesign>(value, (envelope, design) => ({ ...design, request: checkRequest(envelope.request, fallbackRequest) }))
  return checked.ok ? { kind: 'saved', design: checked.value } : { kind: 'unreadable', reason: checked.message, text }
}

/**
 * The saved entry, checked. `now` (milliseconds) tells a stale opening mark from a fresh one: a
 * stale mark means the last start with this entry never finished, so it is not opened again.
 */
export function readSavedEntry(storage: StorageLike | undefined, fallbackRequest: RequestSettings, now = Date.now()): SavedEntry {
  if (!storage) return { kind: 'none' }
  const text = safeGet(storage, STORAGE_KEY, true)
  if (text === null) return { kind: 'none' }
  const mark = Number(safeGet(storage, OPENING_KEY))
  if (Number.isFinite(mark) && mark > 0 && now - mark > STALE_OPENING_MS) {
    return { kind: 'unreadable', reason: 'the page did not finish opening it last time (it may be too large or too slow to evaluate)', text }
  }
  return checkSavedText(text, fallbackRequest)
}

/** Kept for callers that only want a design or nothing. */
export function loadSavedDesign(storage: StorageLike | undefined, fallbackRequest: RequestSettings): SavedDesign | undefined {
  const entry = readSavedEntry(storage, fallbackRequest)
  return entry.kind === 'saved' ? entry.design : undefined
}

/**
 * Moves an entry that could not be opened out of the way, so that the next save cannot overwrite
 * it, and tells the page. Returns false when it could not be moved (storage full): the entry then
 * stays where it is, and autosave must not write over it until the user has chosen.
 */
export function setAside(storage: StorageLike, reason: string, text: string): boolean {
  addProblem({ kind: 'set-aside', reason, text })
  try {
    storage.setItem(SET_ASIDE_KEY, JSON.stringify({ reason, at: new Date().toISOString(), text }))
    removeKey(storage, STORAGE_KEY)
    removeKey(storage, OPENING_KEY)
    return true
  } catch {
    return false
  }
}

/** An entry set aside by an earlier start that the user has not dealt with yet. */
export function readSetAside(storage: StorageLike | undefined): { reason: string; text: string } | undefined {
  const raw = storage && safeGet(storage, SET_ASIDE_KEY)
  if (!raw) return undefined
  try {
    const value: unknown = JSON.parse(raw)
    if (isPlainRecord(value) && typeof value.reason === 'string' && typeof value.text === 'string') return { reason: value.reason, text: value.text }
  } catch {
    // Not ours or damaged: offer it as it is.
  }
  return { reason: 'it could not be opened', text: raw }
}

export function discardSetAside(storage: StorageLike | undefined): void {
  try {
    if (storage) removeKey(storage, SET_ASIDE_KEY)
  } catch {
    // Nothing to free if storage refuses even this.
  }
  clearProblem('set-aside')
}

/** The request as localStorage may keep it: tokens kept only for this tab stay out. */
function storableRequest(request: RequestSettings): RequestSettings {
  if (!request.tokens?.some((t) => t.tabOnly)) return request
  const tokens = request.tokens.filter((t) => !t.tabOnly)
  const kept: RequestSettings = { ...request, tokens }
  if (request.tokenId !== undefined && !tokens.some((t) => t.id === request.tokenId) && request.tokens.some((t) => t.id === request.tokenId)) delete kept.tokenId
  return kept
}

/** In preview mode the committed design is saved, not the staged edits: a reload is a Discard. */
export function envelopeText(state: Saved): string {
  const { resources, layout } = state.staging?.base ?? state
  return JSON.stringify({ v: 1, savedAt: new Date().toISOString(), resources: storableResources(resources), layout, options: state.options, request: storableRequest(state.request), ...(state.intent ? { intent: state.intent } : {}), ...(state.view ? { view: state.view } : {}) })
}

/** sessionStorage when the page may use it. */
export function tabStorage(): StorageLike | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage
  } catch {
    return undefined
  }
}

/** Writes this tab's tab-only tokens (and the one in use, if it is one) to `tab`. */
export function saveTabTokens(tab: StorageLike | undefined, request: RequestSettings): void {
  if (!tab) return
  const tokens = (request.tokens ?? []).filter((t) => t.tabOnly)
  try {
    if (tokens.length === 0) removeKey(tab, TAB_TOKENS_KEY)
    else tab.setItem(TAB_TOKENS_KEY, JSON.stringify({ tokens, tokenId: tokens.some((t) => t.id === request.tokenId) ? request.tokenId : undefined }))
  } catch {
    // sessionStorage full or off: these tokens then live in memory only, which is what "this tab" asks.
  }
}

/** Adds this tab's tab-only tokens back to a request read from localStorage. */
export function withTabTokens(tab: StorageLike | undefined, request: RequestSettings): RequestSettings {
  const raw = tab && safeGet(tab, TAB_TOKENS_KEY)
  if (!raw) return request
  try {
    const value: unknown = JSON.parse(raw)
    if (!isPlainRecord(value)) return request
    const read = readTokenSettings({ tokens: value.tokens, tokenId: value.tokenId })
    const known = new Set((request.tokens ?? []).map((t) => t.id))
    const tokens = [...(request.tokens ?? []), ...(read.tokens ?? []).filter((t) => !known.has(t.id)).map((t) => ({ ...t, tabOnly: true }))]
    return { ...request, tokens, ...(read.tokenId !== undefined && request.tokenId === undefined ? { tokenId: read.tokenId } : {}) }
  } catch {
    return request
  }
}

function reasonOf(error: unknown): string {
  const name = error instanceof Error ? error.name : ''
  if (name === 'QuotaExceededError' || /quota/i.test(String(error))) return "the browser's storage for this page is full"
  return `the browser refused to store it (${error instanceof Error ? error.message : String(error)})`
}

interface Subscribable {
  getState(): Saved
  subscribe(listener: (state: Saved, previous: Saved) => void): () => void
}

export interface AutosaveOptions {
  big?: BigStorage | undefined
  /** Where tokens kept only for this tab go (sessionStorage in the page). */
  tab?: StorageLike | undefined
  /** Start without saving (an entry is still being read, or could not be moved aside). */
  paused?: boolean
  /** Called when another tab saved the design (tests call `noticeOtherTab` themselves). */
  listenToOtherTabs?: boolean
}

export interface Autosave {
  /** Saves now if a save is pending. */
  flush(): void
  /** Saves now, pending or not (the "retry" and "keep mine" buttons). */
  saveNow(): Promise<void>
  pause(): void
  resume(): void
  /** Another tab wrote the saved design: stop saving until the user chooses. */
  noticeOtherTab(savedAt: string): void
  /** Resolves when the last save started has finished (IndexedDB is asynchronous). */
  idle(): Promise<void>
  stop(): void
}

/** Saves `delayMs` after the last change of a saved part. */
export function startAutosave(store: Subscribable, storage: StorageLike, delayMs: number, options: AutosaveOptions = {}): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined
  let paused = options.paused ?? false
  let lastWritten: string | undefined
  let writing: Promise<void> = Promise.resolve()
  let sequence = 0

  const failed = (reason: string) => {
    console.warn(`The design was not saved: ${reason}.`)
    addProblem({ kind: 'not-saved', reason })
  }
  const succeeded = (where: 'localStorage' | 'indexedDB') => {
    saveStatus.setState({ savedIn: where })
    clearProblem('not-saved')
  }

  const writeLocal = (text: string): string | undefined => {
    try {
      storage.setItem(STORAGE_KEY, text)
      lastWritten = text
      return undefined
    } catch (error) {
      return reasonOf(error)
    }
  }

  const save = (): Promise<void> => {
    saveTabTokens(options.tab, store.getState().request)
    const text = envelopeText(store.getState())
    const mine = ++sequence
    const localProblem = text.length <= LOCAL_LIMIT ? writeLocal(text) : `it is ${Math.round(text.length / 1000)} kB, more than localStorage takes`
    if (localProblem === undefined) {
      succeeded('localStorage')
      // A large design saved before is now stale.
      writing = options.big ? options.big.del(BIG_KEY).catch(() => undefined) : Promise.resolve()
      return writing
    }
    const big = options.big
    if (!big) {
      failed(`${localProblem}, and IndexedDB is not available`)
      return Promise.resolve()
    }
    writing = big.set(BIG_KEY, text).then(
      () => {
        if (mine !== sequence) return
        const pointer = JSON.stringify({ v: 1, in: 'indexedDB', savedAt: new Date().toISOString(), chars: text.length })
        let problem = writeLocal(pointer)
        if (problem !== undefined) {
          // The old (large) entry may be what fills localStorage: the pointer replaces it.
          try {
            removeKey(storage, STORAGE_KEY)
          } catch {
            // Reported below if the pointer still does not fit.
          }
          problem = writeLocal(pointer)
        }
        if (problem === undefined) succeeded('indexedDB')
        else failed(`the design went to IndexedDB, but ${problem}, so the page cannot find it again`)
      },
      (error: unknown) => {
        if (mine === sequence) failed(`${localProblem}, and IndexedDB refused it too: ${reasonOf(error)}`)
      },
    )
    return writing
  }

  const flush = () => {
    if (timer === undefined) return
    clearTimeout(timer)
    timer = undefined
    if (!paused) void save()
  }
  const unsubscribe = store.subscribe((s, p) => {
    // Staged edits (preview mode) are not saved: only a change of the committed design is.
    const now = s.staging?.base ?? s
    const before = p.staging?.base ?? p
    if (now.resources === before.resources && now.layout === before.layout && s.options === p.options && s.request === p.request && s.intent === p.intent && s.view === p.view) return
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(flush, delayMs)
  })

  const noticeOtherTab = (savedAt: string) => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    paused = true
    addProblem({ kind: 'other-tab', savedAt })
  }
  // The storage event fires in every other tab of this origin when one tab writes the key.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY || event.newValue === null || event.newValue === lastWritten) return
    let savedAt = ''
    try {
      const value: unknown = JSON.parse(event.newValue)
      if (isPlainRecord(value) && typeof value.savedAt === 'string') savedAt = value.savedAt
    } catch {
      // Still another tab's write.
    }
    noticeOtherTab(savedAt)
  }
  const listening = options.listenToOtherTabs !== false && typeof window !== 'undefined'
  if (listening) window.addEventListener('storage', onStorage)
  // Leaving the page inside the debounce window must not lose the last edit.
  const onHide = () => flush()
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide)
  return {
    flush,
    saveNow() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      paused = false
      clearProblem('other-tab')
      return save()
    },
    pause() {
      paused = true
    },
    resume() {
      paused = false
    },
    noticeOtherTab,
    idle: () => writing,
    stop() {
      flush()
      unsubscribe()
      if (listening) window.removeEventListener('storage', onStorage)
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide)
    },
  }
}
