/**
 * Which end-user auth tool is open (tokens, key sets, request loop) and what it was opened with. UI
 * state only: not saved, not undoable.
 */
import { create } from 'zustand'
import type { LoopCell } from '../../store/tokens'

export type AuthTool = 'tokens' | 'keysets' | 'loop'

interface AuthToolsState {
  open: AuthTool | undefined
  /** The cell the request loop was opened on (from an explanation), with a nonce so a repeat applies. */
  loopCell: { cell: LoopCell; nonce: number } | undefined
  /** A jwksUri to add a key set for (from a "missing key set" finding). */
  keySetUri: { uri: string; nonce: number } | undefined
  /** The token to show in the workbench. */
  shownTokenId: string | undefined
  show(tool: AuthTool): void
  toggle(tool: AuthTool): void
  close(): void
  runLoopOn(cell: LoopCell): void
  addKeySetFor(uri: string): void
  showToken(id: string | undefined): void
}

let nonce = 0

export const useAuthTools = create<AuthToolsState>()((set, get) => ({
  open: undefined,
  loopCell: undefined,
  keySetUri: undefined,
  shownTokenId: undefined,
  show: (tool) => set({ open: tool }),
  toggle: (tool) => set({ open: get().open === tool ? undefined : tool }),
  close: () => set({ open: undefined }),
  runLoopOn: (cell) => set({ open: 'loop', loopCell: { cell, nonce: ++nonce } }),
  addKeySetFor: (uri) => set({ open: 'keysets', keySetUri: { uri, nonce: ++nonce } }),
  showToken: (id) => set({ shownTokenId: id }),
}))
