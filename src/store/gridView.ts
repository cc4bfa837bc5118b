/**
 * The engine's grid as plain data (GridView), the same whether it was computed here or in a worker,
 * and the cells that changed between two grids.
 */
import {
  computeGrid,
  prepareEvaluation,
  sameShownOutcome,
  type EngineOptions,
  type EvaluationContext,
  type Grid,
  type Mesh,
  type RequestProfile,
} from '../engine'
import type { JwksJson } from '../engine/jwt'
import { selectColumns, selectRows, type GridViewSpec } from './gridFilter'
import { ingressContext, withIngressRow } from './tokens/ingressRow'
import type { GridView } from './types'

export function toGridView(grid: Grid): GridView {
  const view: GridView = {
    rows: grid.rows.map((row) =>
      row.kind === 'workload'
        ? { label: row.label, workloadKey: row.workload.key, sidecar: row.workload.sidecar, external: false }
        : { label: row.label, sidecar: false, external: true },
    ),
    columns: grid.columns.map((c, j) => ({
      label: grid.columnLabels[j] ?? '',
      serviceKey: c.service.key,
      port: c.port.number,
      portName: c.port.name,
      protocol: c.port.protocol,
    })),
    cells: grid.cells,
  }
  if (grid.external) view.externalNote = grid.external.route.reason
  return view
}

/** The ingress row only makes sense once the design has a Gateway. */
export function wantsExternalRow(mesh: Mesh): boolean {
  return mesh.gateways.length > 0
}

/** How many cells the grid of `mesh` has: decides between the main thread and the worker. */
export function gridSize(mesh: Mesh, view?: GridViewSpec): number {
  return selectRows(mesh, view?.rows).length * selectColumns(mesh, view?.columns).length
}

export interface Evaluation {
  view: GridView
  context: EvaluationContext
  /** The external row's context (its own path and token checks); the clients' when they are the same. */
  ingressContext: EvaluationContext
}

/**
 * Token checks (async), then the grid (sync). `stillWanted` is asked in between: a change made while
 * the tokens were checked makes this grid useless, so it is not computed.
 */
export async function evaluateMesh(
  mesh: Mesh,
  request: RequestProfile,
  keySets: ReadonlyMap<string, JwksJson>,
  options: EngineOptions,
  stillWanted: () => boolean = () => true,
  ingressRequest?: RequestProfile,
  view?: GridViewSpec,
): Promise<Evaluation | undefined> {
  const context = await prepareEvaluation(mesh, request, keySets, options)
  const external = wantsExternalRow(mesh) ? await ingressContext(mesh, context, ingressRequest, keySets, options) : context
  if (!stillWanted()) return undefined
  return evaluatePrepared(mesh, context, external, view)
}

/** The synchronous half: the grid from prepared contexts (the external row's may be the clients'). */
export function evaluatePrepared(mesh: Mesh, context: EvaluationContext, external: EvaluationContext, view?: GridViewSpec): Evaluation {
  const targets = selectColumns(mesh, view?.columns)
  const separate = external !== context
  const grid = computeGrid(context, selectRows(mesh, view?.rows), targets, { external: wantsExternalRow(mesh) && !separate })
  return { view: toGridView(separate ? withIngressRow(grid, external, targets) : grid), context, ingressContext: external }
}

/** Cells (`row|column` labels) whose shown result differs; rows or columns that are new are not marked. */
export function changedCells(previous: GridView | undefined, next: GridView): Set<string> {
  const out = new Set<string>()
  if (!previous) return out
  const prevWidth = previous.columns.length
  const prevRows = new Map(previous.rows.map((r, i) => [r.label, i]))
  const prevColumns = new Map(previous.columns.map((c, j) => [c.label, j]))
  const width = next.columns.length
  // Column j of the new grid in the old one (-1: new column), found once rather than per cell.
  const oldColumn = next.columns.map((column) => prevColumns.get(column.label) ?? -1)
  next.rows.forEach((row, i) => {
    const pi = prevRows.get(row.label)
    if (pi === undefined) return
    for (let j = 0; j < width; j++) {
      const pj = oldColumn[j] as number
      if (pj < 0) continue
      const before = previous.cells[pi * prevWidth + pj]
      const after = next.cells[i * width + j]
      // Equal ids show the same; only different ids are compared by what they show.
      if (!sameShownOutcome(before, after)) out.add(`${row.label}|${(next.columns[j] as GridView['columns'][number]).label}`)
    }
  })
  return out
}
