/**
 * The connectivity grid: every client row x every service-port column, one verdict id per cell in
 * a byte array. Istio 1.0/1.1: cells are computed per client class (sidecar or not; in 1.1 also the
 * namespace when it holds DestinationRules), since every client of a class gets the same row; other
 * rows are copies. The modern profiles share rows their own way (modern/grid.ts).
 */
import { NO_REQUEST } from '../decide/verdicts'
import type { Workload } from '../mesh/model'
import { evaluateExternal, type ExternalOutcome } from '../ingress/externalVerdict'
import { cellVerdict, columnFacts, ruleForClient, transportFor, type ColumnFacts } from './columns'
import type { EvaluationContext } from './context'
import { clientLabel, targetLabel, type Target } from './targets'
import { columnsReachedBy, indexColumns, type ColumnIndex } from './columnIndex'
import { fillModernGrid } from '../modern/grid'

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

/**
 * Istio 1.1, a client whose namespace holds DestinationRules: its row equals the row of a client
 * without own rules except where one of its own rules matches, so copy that row and redo only the
 * columns its rules can reach.
 */
function patchRow(ctx: EvaluationContext, w: Workload, columns: readonly ColumnFacts[], index: ColumnIndex, out: Uint8Array, offset: number): void {
  const own = ctx.mesh.ruleIndex.byNamespace.get(w.namespace)
  if (!own) return
  const touched: number[] = []
  columnsReachedBy(own, index, columns.length, touched)
  for (const j of touched) {
    const column = columns[j] as ColumnFacts
    out[offset + j] = cellVerdict(ctx, column, true, transportFor(true, ruleForClient(ctx, column, w.namespace), column))
  }
}

function fillRow(ctx: EvaluationContext, w: Workload, columns: readonly ColumnFacts[], out: Uint8Array, offset: number): void {
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j] as ColumnFacts
    const rule = w.sidecar ? ruleForClient(ctx, column, w.namespace) : undefined
    out[offset + j] = cellVerdict(ctx, column, w.sidecar, transportFor(w.sidecar, rule, column))
  }
}

/** Istio 1.0/1.1: one row per client class (classOf), 1.1 rows of namespaces with own rules patched. */
function fillClassicGrid(ctx: EvaluationContext, clients: readonly Workload[], columns: readonly ColumnFacts[], cells: Uint8Array): void {
  const width = columns.length
  const firstRowOfClass = new Map<string, number>()
  let sharedSidecarRow: Uint8Array | undefined
  let columnIndex: ColumnIndex | undefined
  clients.forEach((w, i) => {
    const key = classOf(ctx, w)
    const first = firstRowOfClass.get(key)
    if (first !== undefined) {
      cells.copyWithin(i * width, first * width, (first + 1) * width)
      return
    }
    firstRowOfClass.set(key, i)
    if (!key.startsWith('sidecar:') || key === 'sidecar:*') {
      fillRow(ctx, w, columns, cells, i * width)
      return
    }
    if (!sharedSidecarRow) {
      // A sidecar client in a namespace with no rules of its own: the base every 1.1 row patches.
      sharedSidecarRow = new Uint8Array(width)
      fillRow(ctx, { ...w, namespace: '' }, columns, sharedSidecarRow, 0)
      columnIndex = indexColumns(columns)
    }
    cells.set(sharedSidecarRow, i * width)
    patchRow(ctx, w, columns, columnIndex as ColumnIndex, cells, i * width)
  })
}

export function computeGrid(ctx: EvaluationContext, clients: readonly Workload[], targets: readonly Target[], options: GridOptions = {}): Grid {
  const columns = targets.map((t) => columnFacts(ctx, t))
  const rows: GridRow[] = clients.map((workload) => ({ kind: 'workload', workload, label: clientLabel(workload) }))
  const width = columns.length
  const external = options.external ? evaluateExternal(ctx, (fqdn, port) => columns.find((c) => c.service.fqdn === fqdn && c.port.number === port)) : undefined
  if (external) rows.push({ kind: 'external', label: 'external' })
  const cells = new Uint8Array(rows.length * width)
  if (ctx.modern) fillModernGrid(ctx, clients, columns, cells)
  else fillClassicGrid(ctx, clients, columns, cells)
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
