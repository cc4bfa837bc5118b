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
import { identityOf, modernCellVerdict, rowIdentity } from '../modern/cell'
import { ROOT_NAMESPACE } from '../mesh/model'

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

/** `*.suffix` keys of every column's host, longest first, so own-namespace lookups allocate nothing. */
const suffixCache = new WeakMap<readonly ColumnFacts[], string[][]>()

function suffixesOf(columns: readonly ColumnFacts[]): string[][] {
  let list = suffixCache.get(columns)
  if (!list) {
    list = columns.map((c) => {
      const out: string[] = []
      const fqdn = c.service.fqdn
      for (let dot = fqdn.indexOf('.'); dot >= 0; dot = fqdn.indexOf('.', dot + 1)) out.push(fqdn.slice(dot))
      return out
    })
    suffixCache.set(columns, list)
  }
  return list
}

function fillModernRow(ctx: EvaluationContext, w: Workload, columns: readonly ColumnFacts[], out: Uint8Array, offset: number): void {
  fillModernCells(ctx, w, columns, out, offset, undefined)
}

/** The modern cells of one client row: all columns, or only `only`. */
function fillModernCells(ctx: EvaluationContext, w: Workload, columns: readonly ColumnFacts[], out: Uint8Array, offset: number, only: readonly number[] | undefined): void {
  const row = rowIdentity(identityOf(w))
  // ruleForClient, hoisted: the client's own namespace index is looked up once per row.
  const own = ctx.mesh.ruleIndex.byNamespace.get(w.namespace)
  const root = w.namespace === ROOT_NAMESPACE
  const suffixes = own && own.wildcard.size > 0 ? suffixesOf(columns) : undefined
  const cell = (j: number) => {
    const column = columns[j] as ColumnFacts
    let rule = undefined
    if (w.sidecar) {
      if (root) rule = ruleForClient(ctx, column, w.namespace)
      else {
        if (own) {
          rule = own.exact.get(column.service.fqdn)
          if (!rule && suffixes) for (const suffix of suffixes[j] as string[]) if ((rule = own.wildcard.get(suffix))) break
          rule ??= own.star
        }
        rule ??= w.namespace === column.service.namespace ? column.rootRule : column.fallbackRule
      }
    }
    out[offset + j] = modernCellVerdict(ctx, column, column.modern!, row, rule)
  }
  if (only) for (let k = 0; k < only.length; k++) cell(only[k] as number)
  else for (let j = 0; j < columns.length; j++) cell(j)
}

/**
 * Modern profiles: a cell depends on the client only through its sidecar, its namespace (own
 * DestinationRules, the service's namespace) and, where an AuthorizationPolicy rule reads it, its
 * identity. So every sidecar-less row is one row, and a sidecar row is a shared row patched where
 * the client can matter: identity-dependent columns, its own namespace's columns, and the columns its
 * namespace's DestinationRules can reach.
 */
function fillModernGrid(ctx: EvaluationContext, clients: readonly Workload[], columns: readonly ColumnFacts[], cells: Uint8Array): void {
  const width = columns.length
  const dynamic: number[] = []
  const byNamespace = new Map<string, number[]>()
  columns.forEach((c, j) => {
    if (c.modern!.authz.connectionDependent) dynamic.push(j)
    const list = byNamespace.get(c.service.namespace)
    if (list) list.push(j)
    else byNamespace.set(c.service.namespace, [j])
  })
  let plainRow: number | undefined
  let shared: Uint8Array | undefined
  let index: ColumnIndex | undefined
  clients.forEach((w, i) => {
    const offset = i * width
    if (!w.sidecar) {
      // Without a sidecar the client sends plaintext and has no peer identity: all such rows are equal.
      if (plainRow === undefined) {
        fillModernRow(ctx, w, columns, cells, offset)
        plainRow = i
      } else cells.copyWithin(offset, plainRow * width, (plainRow + 1) * width)
      return
    }
    if (w.namespace === ROOT_NAMESPACE) {
      fillModernRow(ctx, w, columns, cells, offset)
      return
    }
    if (!shared) {
      // A sidecar client in a namespace of its own, with no DestinationRules: the base row.
      shared = new Uint8Array(width)
      fillModernRow(ctx, { ...w, namespace: '' }, columns, shared, 0)
      index = indexColumns(columns)
    }
    cells.set(shared, offset)
    // Columns to redo; a column listed twice is computed twice with the same result.
    const touched: number[] = [...dynamic, ...(byNamespace.get(w.namespace) ?? [])]
    const own = ctx.mesh.ruleIndex.byNamespace.get(w.namespace)
    if (own) {
      const ci = index as ColumnIndex
      if (own.star) columns.forEach((_, j) => touched.push(j))
      else {
        for (const host of own.exact.keys()) touched.push(...(ci.byFqdn.get(host) ?? []))
        for (const suffix of own.wildcard.keys()) touched.push(...(ci.bySuffix.get(suffix) ?? []))
      }
    }
    fillModernCells(ctx, w, columns, cells, offset, touched)
  })
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
  if (ctx.modern) fillModernGrid(ctx, clients, columns, cells)
  else clients.forEach((w, i) => {
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
