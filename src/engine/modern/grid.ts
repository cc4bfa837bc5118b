/**
 * The modern (1.5+) grid's cells. A cell depends on the client only through its sidecar, its
 * namespace (its own DestinationRules; whether it is the service's namespace) and, where an
 * AuthorizationPolicy rule reads it, its peer identity. So rows are shared as far as that allows:
 * - clients with the same sidecar, namespace and service account get one row (copied);
 * - every sidecar-less row is the same row (plaintext, no identity);
 * - sidecar rows start as one shared row, that of a client in no namespace;
 * - an identity-dependent column is computed once per class of clients its rules cannot tell apart
 *   (peerClasses.ts), with the DestinationRule a client of another namespace uses;
 * - last, each row redoes its own namespace's columns and the columns its DestinationRules reach.
 * Root-namespace clients (their own rule-9 lookup) are computed cell by cell. `modernRowByCell` is
 * that cell-by-cell reference for any client; the sharing must equal it (grid.test.ts).
 */
import { lookupRule, type RuleIndex } from '../client/ruleIndex'
import { columnsReachedBy, indexColumns } from '../evaluate/columnIndex'
import { ruleForClient, type ColumnFacts } from '../evaluate/columns'
import type { EvaluationContext } from '../evaluate/context'
import { ROOT_NAMESPACE, type ResolvedRule, type Workload } from '../mesh/model'
import { identityOf, modernCellVerdict, rowIdentity, type RowIdentity } from './cell'
import { buildPeerTable, columnProbes, peerClasses, type PeerClasses } from './peerClasses'

/** One client row's inputs, looked up once per row rather than per cell. */
interface RowInputs {
  w: Workload
  row: RowIdentity
  /** The client namespace's own DestinationRules (rule 9, first stage). */
  own: RuleIndex | undefined
}

function rowInputs(ctx: EvaluationContext, w: Workload, row = rowIdentity(identityOf(w))): RowInputs {
  return { w, row, own: ctx.mesh.ruleIndex.byNamespace.get(w.namespace) }
}

/** The DestinationRule the client's sidecar uses for this column: ruleForClient, with the own-namespace index looked up once per row. */
function clientRule(ctx: EvaluationContext, r: RowInputs, column: ColumnFacts): ResolvedRule | undefined {
  const w = r.w
  if (!w.sidecar) return undefined
  if (w.namespace === ROOT_NAMESPACE) return ruleForClient(ctx, column, w.namespace)
  const own = r.own ? lookupRule(r.own, column.service.fqdn) : undefined
  return own ?? (w.namespace === column.service.namespace ? column.rootRule : column.fallbackRule)
}

function cellOf(ctx: EvaluationContext, r: RowInputs, columns: readonly ColumnFacts[], j: number): number {
  const column = columns[j] as ColumnFacts
  return modernCellVerdict(ctx, column, column.modern!, r.row, clientRule(ctx, r, column))
}

/** Every cell of one client's row, each computed on its own. */
export function modernRowByCell(ctx: EvaluationContext, w: Workload, columns: readonly ColumnFacts[], out: Uint8Array, offset: number): void {
  const r = rowInputs(ctx, w)
  for (let j = 0; j < columns.length; j++) out[offset + j] = cellOf(ctx, r, columns, j)
}

/** Clients with the same key have the same row. */
function rowKey(w: Workload): string {
  return w.sidecar ? `s:${w.namespace}:${w.serviceAccount}` : 'plain'
}

export function fillModernGrid(ctx: EvaluationContext, clients: readonly Workload[], columns: readonly ColumnFacts[], cells: Uint8Array): void {
  const width = columns.length
  const firstWithKey = new Map<string, number>()
  /** Pairs (row, row it copies). */
  const copies: number[] = []
  /** Sidecar rows outside the root namespace, one per identity. */
  const peerRows: number[] = []
  clients.forEach((w, i) => {
    const key = rowKey(w)
    const first = firstWithKey.get(key)
    if (first !== undefined) {
      copies.push(i, first)
      return
    }
    firstWithKey.set(key, i)
    if (w.sidecar && w.namespace !== ROOT_NAMESPACE) peerRows.push(i)
    else modernRowByCell(ctx, w, columns, cells, i * width)
  })
  if (peerRows.length > 0) fillPeerRows(ctx, clients, peerRows, columns, cells)
  for (let k = 0; k < copies.length; k += 2) {
    const from = (copies[k + 1] as number) * width
    cells.copyWithin((copies[k] as number) * width, from, from + width)
  }
}

/** Sidecar rows outside the root namespace (one per identity): shared row, then classes, then own columns. */
function fillPeerRows(ctx: EvaluationContext, clients: readonly Workload[], peerRows: readonly number[], columns: readonly ColumnFacts[], cells: Uint8Array): void {
  const width = columns.length
  const shared = sharedRow(ctx, clients[peerRows[0] as number] as Workload, columns)
  for (const i of peerRows) cells.set(shared, i * width)
  const identities = peerRows.map((i) => rowIdentity(identityOf(clients[i] as Workload)))
  fillIdentityColumns(ctx, peerRows, identities, columns, cells)
  redoOwnColumns(ctx, clients, peerRows, identities, columns, cells)
}

/** The row of a sidecar client in no namespace, without its identity-dependent cells (the classes write those for every row). */
function sharedRow(ctx: EvaluationContext, anyPeer: Workload, columns: readonly ColumnFacts[]): Uint8Array {
  const out = new Uint8Array(columns.length)
  const neutral = rowInputs(ctx, { ...anyPeer, namespace: '' })
  for (let j = 0; j < columns.length; j++) if (!(columns[j] as ColumnFacts).modern!.authz.connectionDependent) out[j] = cellOf(ctx, neutral, columns, j)
  return out
}

/** Every identity-dependent column, one cell per class of peers its rules cannot tell apart. */
function fillIdentityColumns(ctx: EvaluationContext, peerRows: readonly number[], identities: readonly RowIdentity[], columns: readonly ColumnFacts[], cells: Uint8Array): void {
  const table = buildPeerTable(identities.map((r) => r.peer.peer!))
  const classOf = new Int32Array(table.size)
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j] as ColumnFacts
    const authz = column.modern!.authz
    if (authz.connectionDependent) fillColumnByClass(ctx, column, j, columns.length, peerRows, identities, peerClasses(table, columnProbes(authz), classOf), cells)
  }
}

/** Cell by cell, each row's columns where its namespace matters: its own namespace's services and what its DestinationRules reach. */
function redoOwnColumns(ctx: EvaluationContext, clients: readonly Workload[], peerRows: readonly number[], identities: readonly RowIdentity[], columns: readonly ColumnFacts[], cells: Uint8Array): void {
  const width = columns.length
  const byNamespace = columnsByNamespace(columns)
  const ownRules = peerRows.map((i) => ctx.mesh.ruleIndex.byNamespace.get((clients[i] as Workload).namespace))
  const index = indexColumns(columns, ownRules.filter((r) => r !== undefined))
  const redo: number[] = []
  peerRows.forEach((i, k) => {
    const w = clients[i] as Workload
    redo.length = 0
    for (const j of byNamespace.get(w.namespace) ?? []) redo.push(j)
    const own = ownRules[k]
    if (own) columnsReachedBy(own, index, width, redo)
    if (redo.length === 0) return
    const r = rowInputs(ctx, w, identities[k])
    for (const j of redo) cells[i * width + j] = cellOf(ctx, r, columns, j)
  })
}

/** Column j for every peer row, one verdict per class, with the rule of a client of another namespace. */
function fillColumnByClass(ctx: EvaluationContext, column: ColumnFacts, j: number, width: number, peerRows: readonly number[], identities: readonly RowIdentity[], classes: PeerClasses, cells: Uint8Array): void {
  const verdicts = new Int16Array(classes.count).fill(-1)
  for (let k = 0; k < peerRows.length; k++) {
    const c = classes.of[k] as number
    let v = verdicts[c] as number
    if (v < 0) {
      v = modernCellVerdict(ctx, column, column.modern!, identities[k] as RowIdentity, column.fallbackRule)
      verdicts[c] = v
    }
    cells[(peerRows[k] as number) * width + j] = v
  }
}

function columnsByNamespace(columns: readonly ColumnFacts[]): Map<string, number[]> {
  const out = new Map<string, number[]>()
  columns.forEach((c, j) => {
    const list = out.get(c.service.namespace)
    if (list) list.push(j)
    else out.set(c.service.namespace, [j])
  })
  return out
}
