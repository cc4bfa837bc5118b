/**
 * Whether the inspector shows for the current selection. Selecting a node opens it; a node just made
 * by a drop or a click-add is only selected (the inspector would cover the canvas where the user is
 * working) until a double-click or Enter opens it. UI state only: not saved, not undoable.
 */
import { create } from 'zustand'
import type { Selection } from '../../store/types'

interface InspectorState {
  /** The selection the inspector stays closed for (see selectionId). */
  closedFor: string | undefined
  /** Keep the inspector closed while `selection` is selected. */
  keepClosed(selection: Selection): void
  open(): void
}

/** `ns:foo` for a namespace, the resource key for an object; undefined when nothing is inspectable. */
export function selectionId(selection: Selection): string | undefined {
  if (selection.kind === 'namespace') return `ns:${selection.name}`
  if (selection.kind === 'resource') return selection.key
  return undefined
}

export const useInspectorState = create<InspectorState>()((set) => ({
  closedFor: undefined,
  keepClosed: (selection) => set({ closedFor: selectionId(selection) }),
  open: () => set({ closedFor: undefined }),
}))
