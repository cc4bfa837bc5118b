/**
 * The canvas's one-line message (why a drop or a switch was refused). A tiny external store, so
 * node components, the palette and the canvas share it without prop drilling or new store state.
 */
import { useSyncExternalStore } from 'react'

export interface CanvasNotice {
  text: string
  id: number
}

let current: CanvasNotice | undefined
let nextId = 1
const listeners = new Set<() => void>()

function emit(): void {
  for (const listener of listeners) listener()
}

export function showNotice(text: string): void {
  current = { text, id: nextId++ }
  emit()
}

export function clearNotice(id?: number): void {
  if (id !== undefined && current?.id !== id) return
  current = undefined
  emit()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useCanvasNotice(): CanvasNotice | undefined {
  return useSyncExternalStore(subscribe, () => current)
}
