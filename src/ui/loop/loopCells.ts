/** Grid rows and columns as request loop choices, and back. */
import { NO_REQUEST } from '../../engine'
import type { GridView } from '../../store'
import type { LoopCell } from '../../store/tokens'

export const EXTERNAL = 'external'

export function cellOfGrid(grid: GridView | undefined, row: number, column: number): LoopCell | undefined {
  const r = grid?.rows[row]
  const c = grid?.columns[column]
  if (!r) return undefined
  if (r.external) return { kind: 'external' }
  if (!r.workloadKey || !c) return undefined
  return { kind: 'workload', workloadKey: r.workloadKey, serviceKey: c.serviceKey, port: c.port }
}

export const columnValue = (c: { serviceKey: string; port: number }) => `${c.serviceKey}|${c.port}`

/** The service port the external row reaches (its one cell with a request), if the ingress routes it. */
export function ingressRouteLabel(grid: GridView | undefined): string | undefined {
  const row = grid?.rows.findIndex((r) => r.external) ?? -1
  if (!grid || row < 0) return undefined
  const width = grid.columns.length
  const j = grid.columns.findIndex((_, c) => grid.cells[row * width + c] !== NO_REQUEST)
  return grid.columns[j]?.label
}
