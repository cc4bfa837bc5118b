/**
 * How a verdict looks: a tone (the CSS colour set), a symbol that reads without colour, and words for
 * the legend and for screen readers. Presentation only; the engine says what the verdict is.
 */
import { NO_REQUEST, formatVerdict, verdictById, type HttpCode, type Verdict } from '../../engine'

export type VerdictTone = 'ok' | 'denied' | 'forbidden' | 'unavailable' | 'reset' | 'notfound' | 'none' | 'hidden'

export interface VerdictLook {
  tone: VerdictTone
  symbol: string
  /** What the cell prints: `200`, `000 (56)`, or an em dash for no request. */
  text: string
}

const BY_CODE: Record<HttpCode, { tone: VerdictTone; symbol: string }> = {
  '200': { tone: 'ok', symbol: '✓' },
  '401': { tone: 'denied', symbol: '⚠' },
  '403': { tone: 'forbidden', symbol: '⊖' },
  '503': { tone: 'unavailable', symbol: '✕' },
  '000': { tone: 'reset', symbol: '⌀' },
  '404': { tone: 'notfound', symbol: '?' },
  // R29: a TCP port accepted the connection; no HTTP code is invented.
  open: { tone: 'ok', symbol: '↔' },
}

const NONE: VerdictLook = { tone: 'none', symbol: '', text: '—' }

/** A cell the learner is still predicting: no code, no colour that would give it away. */
export const HIDDEN_LOOK: VerdictLook = { tone: 'hidden', symbol: '', text: '?' }

/** The look of a grid cell's verdict id (NO_REQUEST included). */
export function verdictLook(id: number): VerdictLook {
  return lookOfVerdict(id === NO_REQUEST ? undefined : verdictById(id))
}

export function lookOfVerdict(verdict: Verdict | undefined): VerdictLook {
  if (!verdict) return NONE
  return { ...BY_CODE[verdict.code], text: formatVerdict(verdict) }
}

/** The legend, in the order a reader meets the codes: a short word, and a sentence for the tooltip. */
export const LEGEND: readonly { tone: VerdictTone; symbol: string; code: string; short: string; meaning: string }[] = [
  { tone: 'ok', symbol: '✓', code: '200', short: 'OK', meaning: 'OK: the request reached the app' },
  { tone: 'denied', symbol: '⚠', code: '401', short: 'Unauthorized', meaning: 'Unauthorized: peer or origin authentication failed' },
  { tone: 'forbidden', symbol: '⊖', code: '403', short: 'Forbidden', meaning: 'Forbidden (Istio 1.5+): an AuthorizationPolicy denied the request, or the token\'s audience is not allowed' },
  { tone: 'unavailable', symbol: '✕', code: '503', short: 'Unavailable', meaning: 'Service unavailable: the client sidecar could not connect upstream' },
  { tone: 'reset', symbol: '⌀', code: '000', short: 'No response (exit)', meaning: 'No HTTP response; curl exit code in brackets: 56 reset, 52 closed without reply (TCP ports, 1.5+), 35 TLS handshake, 7 refused' },
  { tone: 'notfound', symbol: '?', code: '404', short: 'No route', meaning: 'Not found: the ingress gateway has no route for the request' },
]

/** Key of `GridState.changed`. */
export function cellKey(row: string, column: string): string {
  return `${row}|${column}`
}
