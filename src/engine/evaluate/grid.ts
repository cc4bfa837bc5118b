/**
 * The connectivity grid: every client row x every service-port column, one verdict id per cell in
 * a byte array. Cells are computed per client class (sidecar or not; in 1.1 also the namespace when
 * it holds DestinationRules), since every client of a class gets the same row; other rows are copies.
 */
import { NO_REQUEST } from '../decide/verdicts'
import type { Workload } from '../mesh/model'
import { evaluateExternal, type ExternalOutcome } from '../ingress/externalVerdict'
import { cellVerdict, columnFacts, ruleForClient, transportFor, type ColumnFacts } from './columns'
import type { EvaluationContext } from './context'
import { clientLabel, targetLabel, type Target } from './targets'

export type GridRow = { kind: 'workload'; workload: Workload; label: string } | { kind: 'external'; label: string }

export interface Grid {
  rows: GridRow[]
  columns: ColumnFacts[]
  columnLabels: string[]
  /** rows.length x columns.length verdict ids (decide/verdicts.ts), row-major; NO_REQUEST where no request goes. */
  cells: Uint8Array
  external: ExternalOutcome | undefined
}

export interface GridOptions {
  /** Add the `external` row (the ingress path). */
  external?: boolean
}

function classOf(ctx: EvaluationContext, w: Workload): string {
  if (!w.sidecar) return 'plain'
  if (ctx.options.profile === '1.0') return 'sidecar'
  return ctx.mesh.ruleIndex.byNamespace.has(w.namespace) ? `sidecar:${w.namespace}` : 'sidecar:*'
}

function fillRow(ctx: EvaluationContext, w: Workload, columns: readonly ColumnFacts[], out: Uint8Array, offset: number): void {
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j] as ColumnFacts
    const rule = w.sidecar ? ruleForClient(ctx, column, w.namespace) : undefined
    out[offset + j] = cellVerdict(ctx, column, w.sidecar, transportFor(w.sidecar, rule, column))
  }
}

export function computeGrid(ctx: EvaluationContext, clients: readonly Workload[], targets: readonly Target[], options: GridOptions = {}): Grid {
  const columns = targets.map((t) => columnFacts(ctx, t))
  const rows: GridRow[] = clients.map((workload) => ({ kind: 'workload', workload, label: clientLabel(workload) }))
  const width = columns.length
  const external = options.external ? evaluateExternal(ctx, (fqdn, port) => columns.find((c) => c.service.fqdn === fqdn && c.port.number === port)) : undefined
  if (external) rows.push({ kind: 'external', label: 'external' })
  const cells = new Uint8Array(rows.length * width)
  const firstRowOfClass = new Map<string, number>()
  clients.forEach((w, i) => {
    const key = classOf(ctx, w)
    const first = firstRowOfClass.get(key)
    if (first === undefined) {
      firstRowOfClass.set(key, i)
      fillRow(ctx, w, columns, cells, i * width)
    } else cells.copyWithin(i * width, first * width, (first + 1) * width)
  })
  if (external) {
    const offset = clients.length * width
    cells.fill(NO_REQUEST, offset, offset + width)
    const route = external.route
    if (route.kind === 'routed') {
      const j = columns.findIndex((c) => c.service === route.target.service && c.port === route.target.port)
      if (j >= 0) cells[offset + j] = external.verdict
    }
  }
  return { rows, columns, columnLabels: columns.map(targetLabel), cells, external }
}
