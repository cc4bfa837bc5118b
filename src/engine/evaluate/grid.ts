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
import { identityOf, modernCellVerdict } from '../modern/cell'

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
  // Modern: a row depends on the client's namespace (DestinationRules, identity) and service account.
  if (ctx.modern) return `m:${w.sidecar ? 's' : 'p'}:${w.namespace}:${w.serviceAccount}`
  if (!w.sidecar) return 'plain'
  if (ctx.options.profile === '1.0') return 'sidecar'
  return ctx.mesh.ruleIndex.byNamespace.has(w.namespace) ? `sidecar:${w.namespace}` : 'sidecar:*'
}

/** Columns by service FQDN and by every `.suffix` of it: which columns a rule's host can touch. */
interface ColumnIndex {
  byFqdn: Map<string, number[]>
  bySuffix: Map<string, number[]>
}

function indexColumns(columns: readonly ColumnFacts[]): ColumnIndex {
  const byFqdn = new Map<string, number[]>()
  const bySuffix = new Map<string, number[]>()
  const add = (map: Map<string, number[]>, key: string, j: number) => {
    const list = map.get(key)
    if (list) list.push(j)
    else map.set(key, [j])
  }
  columns.forEach((c, j) => {
    add(byFqdn, c.service.fqdn, j)
    for (let dot = c.service.fqdn.indexOf('.'); dot >= 0; dot = c.service.fqdn.indexOf('.', dot + 1)) add(bySuffix, c.service.fqdn.slice(dot), j)
  })
  return { byFqdn, bySuffix }
}

/**
 * Istio 1.1, a client whose namespace holds DestinationRules: its row equals the row of a client
 * without own rules except where one of its own rules matches, so copy that row and redo only the
 * columns its rules can reach.
 */
function patchRow(ctx: EvaluationContext, w: Workload, columns: readonly ColumnFacts[], index: ColumnIndex, out: Uint8Array, offset: number): void {
  const own = ctx.mesh.ruleIndex.byNamespace.get(w.namespace)
  if (!own) return
  const touched = new Set<number>()
  if (own.star) columns.forEach((_, j) => touched.add(j))
  else {
    for (const host of own.exact.keys()) for (const j of index.byFqdn.get(host) ?? []) touched.add(j)
    for (const suffix of own.wildcard.keys()) for (const j of index.bySuffix.get(suffix) ?? []) touched.add(j)
  }
  for (const j of touched) {
    const column = columns[j] as ColumnFacts
    out[offset + j] = cellVerdict(ctx, column, true, transportFor(true, ruleForClient(ctx, column, w.namespace), column))
  }
}

function fillRow(ctx: EvaluationContext, w: Workload, columns: readonly ColumnFacts[], out: Uint8Array, offset: number): void {
  if (ctx.modern) {
    fillModernRow(ctx, w, columns, out, offset)
    return
  }
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j] as ColumnFacts
    const rule = w.sidecar ? ruleForClient(ctx, column, w.namespace) : undefined
    out[offset + j] = cellVerdict(ctx, column, w.sidecar, transportFor(w.sidecar, rule, column))
  }
}

function fillModernRow(ctx: EvaluationContext, w: Workload, columns: readonly ColumnFacts[], out: Uint8Array, offset: number): void {
  const id = identityOf(w)
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j] as ColumnFacts
    const rule = w.sidecar ? ruleForClient(ctx, column, w.namespace) : undefined
    out[offset + j] = modernCellVerdict(ctx, column, column.modern!, id, rule)
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
