/**
 * The external row has a request of its own (`curl $INGRESS_HOST/headers`, not the pods' `/ip`): its
 * token checks are prepared with that request, and its row is computed in that context and appended
 * to the clients' grid.
 */
import { computeGrid, prepareEvaluation, type EngineOptions, type EvaluationContext, type Grid, type Mesh, type RequestProfile, type Target } from '../../engine'
import type { JwksJson } from '../../engine/jwt'

export function sameRequest(a: RequestProfile, b: RequestProfile): boolean {
  if (a.path !== b.path || a.now !== b.now) return false
  const ka = Object.keys(a.headers)
  return ka.length === Object.keys(b.headers).length && ka.every((k) => b.headers[k] === a.headers[k])
}

/** The ingress context: the clients' own when both requests are the same, else one prepared for it. */
export function ingressContext(mesh: Mesh, clients: EvaluationContext, ingress: RequestProfile | undefined, keySets: ReadonlyMap<string, JwksJson>, options: EngineOptions): Promise<EvaluationContext> | EvaluationContext {
  return ingress === undefined || sameRequest(ingress, clients.request) ? clients : prepareEvaluation(mesh, ingress, keySets, options)
}

/** `grid` (clients only) with the external row computed in `ingress` appended. */
export function withIngressRow(grid: Grid, ingress: EvaluationContext, targets: readonly Target[]): Grid {
  const external = computeGrid(ingress, [], targets, { external: true })
  const cells = new Uint8Array(grid.cells.length + external.cells.length)
  cells.set(grid.cells, 0)
  cells.set(external.cells, grid.cells.length)
  return { ...grid, rows: [...grid.rows, ...external.rows], cells, external: external.external }
}
