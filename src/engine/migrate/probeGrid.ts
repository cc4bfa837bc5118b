/**
 * A grid as labelled cells, so two grids computed under different profiles (and so from different
 * objects) can be compared cell by cell: rows are clients (`sleep.foo`, `external`), columns service
 * ports (`httpbin.foo:8000`).
 */
import { buildModel } from '../index'
import { computeGrid } from '../evaluate/grid'
import { prepareEvaluation } from '../evaluate/prepare'
import { listClients, listTargets } from '../evaluate/targets'
import { NO_REQUEST, verdictById } from '../decide/verdicts'
import type { KeySets } from '../jwt/keySets'
import type { Diagnostic, EngineOptions, KubeObject, RequestProfile, Verdict } from '../types'

export interface LabelledGrid {
  rows: string[]
  columns: string[]
  /** rows x columns, row-major; undefined where no request goes (the external row's other columns). */
  cells: (Verdict | undefined)[]
  /** Admission and mesh findings of the objects under this profile. */
  diagnostics: Diagnostic[]
}

export interface GridRequest {
  request: RequestProfile
  /** The external row's request (`/headers`); absent: `request`. */
  ingressRequest?: RequestProfile
  keySets: KeySets
}

export async function labelledGrid(objects: readonly KubeObject[], options: EngineOptions, req: GridRequest): Promise<LabelledGrid> {
  const model = buildModel(objects, options)
  const { mesh } = model
  const external = mesh.gateways.length > 0
  const clients = listClients(mesh)
  const targets = listTargets(mesh)
  const ctx = await prepareEvaluation(mesh, req.request, req.keySets, options)
  const grid = computeGrid(ctx, clients, targets, { external: external && !req.ingressRequest })
  const width = grid.columns.length
  const cells: (Verdict | undefined)[] = Array.from(grid.cells, (id) => (id === NO_REQUEST ? undefined : verdictById(id)))
  const rows = grid.rows.map((r) => r.label)
  if (external && req.ingressRequest) {
    const ingressCtx = await prepareEvaluation(mesh, req.ingressRequest, req.keySets, options)
    const ingress = computeGrid(ingressCtx, [], targets, { external: true })
    rows.push('external')
    for (let j = 0; j < width; j++) {
      const id = ingress.cells[j] ?? NO_REQUEST
      cells.push(id === NO_REQUEST ? undefined : verdictById(id))
    }
  }
  return { rows, columns: grid.columnLabels, cells, diagnostics: model.diagnostics }
}

export function cellOf(grid: LabelledGrid, row: string, column: string): Verdict | undefined {
  const i = grid.rows.indexOf(row)
  const j = grid.columns.indexOf(column)
  if (i < 0 || j < 0) return undefined
  return grid.cells[i * grid.columns.length + j]
}
