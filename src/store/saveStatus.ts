/**
 * What the page must tell the user about saving, at once: a saved design that could not be opened
 * (set aside, with "open anyway / export / discard"), a save that failed (storage full: export,
 * retry), a design kept in IndexedDB because it is too large for localStorage, and another tab
 * that saved the same design. A small store of its own, so the designer's state stays canonical.
 */
import { createStore } from 'zustand/vanilla'

export type SaveProblem =
  /** The saved entry could not be opened; its text is kept aside (never overwritten by the seed). */
  | { kind: 'set-aside'; reason: string; text: string }
  /** The last save did not reach any storage. */
  | { kind: 'not-saved'; reason: string }
  /** Another tab saved the same design; this tab's autosave waits for the user's choice. */
  | { kind: 'other-tab'; savedAt: string }

export interface SaveStatus {
  /** Where the last successful save went. */
  savedIn: 'none' | 'localStorage' | 'indexedDB'
  /** A large saved design is being read from IndexedDB at start. */
  loading: boolean
  problems: SaveProblem[]
}

export const saveStatus = createStore<SaveStatus>(() => ({ savedIn: 'none', loading: false, problems: [] }))

export function addProblem(problem: SaveProblem): void {
  const others = saveStatus.getState().problems.filter((p) => p.kind !== problem.kind)
  saveStatus.setState({ problems: [...others, problem] })
}

export function clearProblem(kind: SaveProblem['kind']): void {
  const { problems } = saveStatus.getState()
  if (problems.some((p) => p.kind === kind)) saveStatus.setState({ problems: problems.filter((p) => p.kind !== kind) })
}

/** Back to nothing to say (tests, and a store made anew). */
export function resetSaveStatus(): void {
  saveStatus.setState({ savedIn: 'none', loading: false, problems: [] })
}
