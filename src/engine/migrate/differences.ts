/**
 * M41: the cells where the converted design does not answer like the v1alpha1 one, each with the
 * reason in words. The reason is read from the two verdicts (code, curl exit, deciding rule) and
 * what the request carried; the M41 row it matches is named so the user can look it up.
 */
import type { Verdict } from '../types'
import { cellOf, type LabelledGrid } from './probeGrid'

export interface DifferenceContext {
  /** The request carried a token (any: valid, expired, malformed). */
  tokenSent: boolean
  /** Rows whose client has no sidecar (`sleep.legacy`). */
  plainClients: ReadonlySet<string>
}

export interface CellDifference {
  row: string
  column: string
  /** undefined: the cell does not exist on that side (a row or column only one grid has). */
  before: Verdict | undefined
  after: Verdict | undefined
  /** The M41 row (1-13) this difference is an instance of; undefined when none fits. */
  m41: number | undefined
  reason: string
}

/** `200`, `000 (56)`, `-` for no request: how both grids and the CLI print a cell. */
export function shownCode(v: Verdict | undefined): string {
  if (!v) return '-'
  return v.code === '000' ? `000 (${v.exit})` : v.code
}

function sameShown(a: Verdict | undefined, b: Verdict | undefined): boolean {
  return shownCode(a) === shownCode(b)
}

function explain(before: Verdict | undefined, after: Verdict | undefined, row: string, ctx: DifferenceContext): { m41: number | undefined; reason: string } {
  const b = shownCode(before)
  const a = shownCode(after)
  const plain = ctx.plainClients.has(row)
  if (b === '401' && before?.rule === 'R11' && a === '000 (56)')
    return { m41: 4, reason: 'the seed printed 401 for a plaintext client of a STRICT server with JWT; modern Istio resets the connection before any JWT check (M12)' }
  if (b === '401' && a === '403')
    return ctx.tokenSent
      ? { m41: 10, reason: 'the token is no longer found where the request puts it (M16), so the request has no principal and the converted DENY refuses it with 403' }
      : { m41: 1, reason: 'a missing token passes RequestAuthentication; the converted DENY rule (notRequestPrincipals: ["*"]) refuses the request with 403, not 401 (M22, M27)' }
  if (b === '401' && a === '200')
    return ctx.tokenSent
      ? { m41: 9, reason: 'the token expired less than 60 s ago: modern Envoy allows 60 s of clock skew (M18)' }
      : { m41: 7, reason: 'principalBinding USE_ORIGIN without origins required a token; the conversion drops principalBinding (M40.5)' }
  if (b === '200' && a === '401')
    return { m41: 2, reason: 'RequestAuthentication rejects an invalid token on every path and port, where the v1alpha1 origin was optional or not triggered (M17)' }
  if (b === '503' && a === '200')
    return plain
      ? { m41: 11, reason: 'the DestinationRule no longer decides the transport: without TLS settings for this port auto mTLS picks what the server accepts (M9, M10)' }
      : { m41: 3, reason: 'auto mTLS: the client sidecar now picks Istio mTLS or plaintext to match the server without a DestinationRule (M10), and a converted policy without mtls peer is PERMISSIVE (M40.2)' }
  if (a === '000 (52)')
    return { m41: 13, reason: 'on a TCP port the converted DENY loses its HTTP-only source (notRequestPrincipals) and closes every connection (M31)' }
  if (b === '200' && (a === '403' || a === '503' || a.startsWith('000')))
    return { m41: 5, reason: 'the converted policy selects pods by labels and applies to all their ports, where the v1alpha1 policy applied to one Service (M1, M4)' }
  if (b === '-' || a === '-') return { m41: undefined, reason: b === '-' ? 'this cell exists only after the migration' : 'this cell exists only before the migration' }
  return { m41: undefined, reason: `the modern rules decide ${a} where Istio's v1alpha1 rules decided ${b} (${after?.rule ?? '?'} instead of ${before?.rule ?? '?'}); compare the two explanations` }
}

/**
 * Every cell of either grid whose printed result differs, in the order of the `after` grid's rows and
 * columns (then cells only `before` has).
 */
export function gridDifferences(before: LabelledGrid, after: LabelledGrid, ctx: DifferenceContext): CellDifference[] {
  const out: CellDifference[] = []
  const seen = new Set<string>()
  const visit = (row: string, column: string) => {
    const key = `${row}|${column}`
    if (seen.has(key)) return
    seen.add(key)
    const b = cellOf(before, row, column)
    const a = cellOf(after, row, column)
    if (sameShown(b, a)) return
    out.push({ row, column, before: b, after: a, ...explain(b, a, row, ctx) })
  }
  for (const grid of [after, before]) for (const row of grid.rows) for (const column of grid.columns) visit(row, column)
  return out
}

/** `sleep.foo to httpbin.foo:8000: 401 -> 403 (M41 #1: ...)`: one line per differing cell, for the CLI. */
export function formatDifference(d: CellDifference): string {
  const tag = d.m41 !== undefined ? `M41 #${d.m41}: ` : ''
  return `${d.row} to ${d.column}: ${shownCode(d.before)} -> ${shownCode(d.after)} (${tag}${d.reason})`
}
