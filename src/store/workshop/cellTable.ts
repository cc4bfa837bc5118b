/**
 * A step's expected grid as a table: its cell keys (`sleep.foo -> httpbin.foo:8000`, loops
 * `external -> istio-ingressgateway.istio-system:80 @t+3`) split into rows and columns, in the order
 * the lesson lists them. Pure.
 */

export interface CellRef {
  key: string
  from: string
  target: string
  /** Seconds after the step's first request, for a loop's iterations. */
  at?: number
}

export interface CellTable {
  /** Row headers: clients, or the loop's instants (`t+3 s`). */
  rows: string[]
  columns: string[]
  /** The cell at row r, column c; undefined where the step sends no request. */
  cells: (CellRef | undefined)[][]
  /** A loop: rows are instants of one client's requests. */
  loop: boolean
}

const KEY = /^(.+?) -> (.+?)(?: @t\+(\d+))?$/

export function parseCellKey(key: string): CellRef | undefined {
  const match = KEY.exec(key)
  if (!match) return undefined
  const [, from = '', target = '', at] = match
  return at === undefined ? { key, from, target } : { key, from, target, at: Number(at) }
}

/** `t+3 s` */
export function instantLabel(at: number): string {
  return `t+${at} s`
}

/** How a cell is named to people: `sleep.foo to httpbin.foo:8000`, `… at t+3 s`. */
export function cellName(cell: CellRef): string {
  return `${cell.from} to ${cell.target}${cell.at === undefined ? '' : ` at ${instantLabel(cell.at)}`}`
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}

export function cellTable(keys: readonly string[]): CellTable {
  const refs = keys.map(parseCellKey).filter((c): c is CellRef => c !== undefined)
  const loop = refs.some((c) => c.at !== undefined)
  // A loop of one client to one target reads best as a column over time; several pairs get a column each.
  const rowOf = (c: CellRef) => (loop ? instantLabel(c.at ?? 0) : c.from)
  const columnOf = (c: CellRef) => (loop ? `${c.from} -> ${c.target}` : c.target)
  const rows = distinct(refs.map(rowOf))
  const columns = distinct(refs.map(columnOf))
  const cells = rows.map((row) => columns.map((column) => refs.find((c) => rowOf(c) === row && columnOf(c) === column)))
  return { rows, columns: loop ? columns.map((c) => c.split(' -> ')[1] ?? c) : columns, cells, loop }
}
