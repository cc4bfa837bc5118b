/**
 * Palette → canvas requests. The palette may live outside the canvas's ReactFlowProvider (the app
 * shell decides), so a click asks the mounted canvas to create the item at its centre.
 */
import type { PaletteKind } from '../../store/commands'

/** The drag payload type of palette items. */
export const PALETTE_MIME = 'application/x-mesh-designer-kind'

type Handler = (kind: PaletteKind) => void
const handlers = new Set<Handler>()

export function requestCreate(kind: PaletteKind): void {
  for (const handler of handlers) handler(kind)
}

export function onCreateRequest(handler: Handler): () => void {
  handlers.add(handler)
  return () => handlers.delete(handler)
}

export const PALETTE_KINDS: readonly PaletteKind[] = ['namespace', 'service', 'client', 'meshpolicy', 'policy', 'destinationrule', 'ingress', 'peerauthentication', 'requestauthentication', 'authorizationpolicy']

export function isPaletteKind(value: string): value is PaletteKind {
  return (PALETTE_KINDS as readonly string[]).includes(value)
}
