/**
 * Expectations laid over the grid the designer shows: which expectation governs each cell, and
 * whether the cell's outcome satisfies it. Pure; reads the GridView (the worker's plain data).
 */
import { NO_REQUEST, verdictById } from '../../engine'
import { formatOutcome, governingExpectation, outcomeHolds, type ClientRef, type Expectation, type TargetRef } from '../../engine/intent'
import type { GridView } from '../types'

export interface CellMark {
  /** Index of the governing expectation. */
  expectation: number
  /** `allow`, `deny`, `403`, `000/56`. */
  expect: string
  violated: boolean
}

export interface IntentMarks {
  /** By cellKey(row label, column label) (`row|column`). */
  cells: ReadonlyMap<string, CellMark>
  /** Violated cells in reading order. */
  violated: readonly { row: number; column: number }[]
  /** Cells an expectation governs. */
  total: number
}

export const NO_MARKS: IntentMarks = { cells: new Map(), violated: [], total: 0 }

export function clientOfRow(row: GridView['rows'][number]): ClientRef {
  if (row.external) return { kind: 'external' }
  const dot = row.label.indexOf('.')
  return { kind: 'workload', name: row.label.slice(0, dot), namespace: row.label.slice(dot + 1), sidecar: row.sidecar }
}

export function targetOfColumn(column: GridView['columns'][number]): TargetRef {
  // serviceKey is `Service/namespace/name`.
  const [, namespace = '', service = ''] = column.serviceKey.split('/')
  return { service, namespace, port: column.port, portName: column.portName }
}

/** Marks for the expectations of the current request (those with their own `request` are checked elsewhere). */
export function intentMarks(grid: GridView | undefined, expectations: readonly Expectation[]): IntentMarks {
  if (!grid || expectations.length === 0) return NO_MARKS
  const cells = new Map<string, CellMark>()
  const violated: { row: number; column: number }[] = []
  const targets = grid.columns.map(targetOfColumn)
  const width = grid.columns.length
  grid.rows.forEach((row, r) => {
    const client = clientOfRow(row)
    for (let c = 0; c < width; c++) {
      const index = governingExpectation(expectations, client, targets[c] as TargetRef)
      if (index < 0) continue
      const e = expectations[index] as Expectation
      const id = grid.cells[r * width + c] ?? NO_REQUEST
      if (id === NO_REQUEST && e.from.kind !== 'external') continue
      const holds = outcomeHolds(e.expect, id === NO_REQUEST ? undefined : verdictById(id))
      cells.set(`${row.label}|${grid.columns[c]?.label ?? ''}`, { expectation: index, expect: formatOutcome(e.expect), violated: !holds })
      if (!holds) violated.push({ row: r, column: c })
    }
  })
  return { cells, violated, total: cells.size }
}
