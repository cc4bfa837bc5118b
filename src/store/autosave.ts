/**
 * Keeps the design in localStorage: written a moment after changes stop (typing in the editor makes
 * many changes a second), read back when the app starts. A value that is corrupt or written by
 * something else is ignored with a warning: the app then starts on the seed, it never fails to start.
 */
import { checkDesign, checkRequest, type Design } from './design'
import type { DesignerState, RequestSettings } from './types'

export const STORAGE_KEY = 'mesh-auth-designer:v1'

/** The part of the Web Storage API we use; tests pass an in-memory one. */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export interface SavedDesign extends Design {
  request: RequestSettings
}

type Saved = Pick<DesignerState, 'resources' | 'layout' | 'options' | 'request'> & Partial<Pick<DesignerState, 'view'>>

/** localStorage when the page may use it; access itself throws in some privacy modes. */
export function browserStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

export function loadSavedDesign(storage: StorageLike | undefined, fallbackRequest: RequestSettings): SavedDesign | undefined {
  let text: string | null
  try {
    text = storage?.getItem(STORAGE_KEY) ?? null
  } catch (error) {
    console.warn('Could not read the saved design:', error)
    return undefined
  }
  if (text === null) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    console.warn(`Ignoring the saved design in localStorage["${STORAGE_KEY}"]: it is not JSON.`)
    return undefined
  }
  const checked = checkDesign<SavedDesign>(value, (envelope, design) => ({ ...design, request: checkRequest(envelope.request, fallbackRequest) }))
  if (!checked.ok) {
    console.warn(`Ignoring the saved design in localStorage["${STORAGE_KEY}"]: ${checked.message}.`)
    return undefined
  }
  return checked.value
}

export function saveDesign(storage: StorageLike, state: Saved): void {
  const envelope = { v: 1, savedAt: new Date().toISOString(), resources: state.resources, layout: state.layout, options: state.options, request: state.request, ...(state.view ? { view: state.view } : {}) }
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(envelope))
  } catch (error) {
    // Quota exceeded or storage disabled: the design stays in memory; say so once per failure.
    console.warn('Could not save the design to localStorage:', error)
  }
}

interface Subscribable {
  getState(): Saved
  subscribe(listener: (state: Saved, previous: Saved) => void): () => void
}

/** Saves `delayMs` after the last change of a saved part. Returns a function that flushes and stops. */
export function startAutosave(store: Subscribable, storage: StorageLike, delayMs: number): { flush(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    if (timer === undefined) return
    clearTimeout(timer)
    timer = undefined
    saveDesign(storage, store.getState())
  }
  const unsubscribe = store.subscribe((s, p) => {
    if (s.resources === p.resources && s.layout === p.layout && s.options === p.options && s.request === p.request && s.view === p.view) return
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(flush, delayMs)
  })
  // Leaving the page inside the debounce window must not lose the last edit.
  const onHide = () => flush()
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide)
  return {
    flush,
    stop() {
      flush()
      unsubscribe()
      if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide)
    },
  }
}
