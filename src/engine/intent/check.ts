/**
 * Checks a design against its expectations: one grid per distinct request (the current request, and
 * each request an expectation names), then every cell an expectation governs, holding or violated.
 */
import type { Model } from '../index'
import { admit } from '../admission'
import { buildMesh } from '../mesh/buildMesh'
import { prepareEvaluation } from '../evaluate/prepare'
import { computeGrid, type Grid } from '../evaluate/grid'
import { listClients, listTargets } from '../evaluate/targets'
import { NO_REQUEST, verdictById } from '../decide/verdicts'
import { ISTIO_DEMO_JWT } from '../jwt/samples'
import type { KeySets } from '../jwt/keySets'
import type { EngineOptions, KubeObject, RequestProfile, Verdict } from '../types'
import { governingExpectation, requestKey } from './match'
import { outcomeHolds } from './outcome'
import type { ClientRef, Expectation, IntentRequest, TargetRef } from './types'

export interface CellCheck {
  /** Row label (`sleep.foo`, `external`) and column label (`httpbin.foo:8000`). */
  from: string
  to: string
  client: ClientRef
  target: TargetRef
  /** Index into the expectations list. */
  expectation: number
  /** requestKey() of the request this cell was evaluated with ('' = the current one). */
  request: string
  got: Verdict | undefined
  holds: boolean
}

export interface IntentCheck {
  checks: CellCheck[]
  violated: CellCheck[]
}

export interface CheckInput {
  options: EngineOptions
  /** The current request of the pods' clients. */
  request: RequestProfile
  /** The external row's request (its own path); default `request`. */
  ingressRequest?: RequestProfile
  keySets: KeySets
}

/** The current request with an expectation's overrides: path, method, token (as `Authorization: Bearer`). */
export function applyIntentRequest(base: RequestProfile, override: IntentRequest | undefined): RequestProfile {
  if (!override) return base
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(base.headers)) if (override.token === undefined || name.toLowerCase() !== 'authorization') headers[name] = value
  if (override.token !== undefined && override.token !== 'none') headers.Authorization = `Bearer ${override.token === 'demo' ? ISTIO_DEMO_JWT : override.token}`
  // Profiles that model HTTP methods (AuthorizationPolicy, M25) read the method; 1.0/1.1 ignore it.
  return { ...base, headers, ...(override.path !== undefined ? { path: override.path } : {}), ...(override.method !== undefined ? { method: override.method } : {}) }
}

export function clientRefOf(row: Grid['rows'][number]): ClientRef {
  return row.kind === 'external' ? { kind: 'external' } : { kind: 'workload', name: row.workload.name, namespace: row.workload.namespace, sidecar: row.workload.sidecar }
}

export function targetRefOf(column: Grid['columns'][number]): TargetRef {
  return { service: column.service.name, namespace: column.service.namespace, port: column.port.number, portName: column.port.name }
}

/** The distinct requests the expectations name, the current one ('') first. */
export function requestsOf(expectations: readonly Expectation[]): Map<string, IntentRequest | undefined> {
  const out = new Map<string, IntentRequest | undefined>([['', undefined]])
  for (const e of expectations) {
    const key = requestKey(e.request)
    if (!out.has(key)) out.set(key, e.request)
  }
  return out
}

function wantsExternal(model: Model, expectations: readonly Expectation[]): boolean {
  return model.mesh.gateways.length > 0 || expectations.some((e) => e.from.kind === 'external')
}

/** The grid of one request: workload rows, and the external row when the design or the intent needs it. */
export async function gridFor(model: Model, input: CheckInput, override: IntentRequest | undefined, external: boolean): Promise<Grid> {
  const { mesh } = model
  const ctx = await prepareEvaluation(mesh, applyIntentRequest(input.request, override), input.keySets, input.options)
  const targets = listTargets(mesh)
  const sameIngress = !input.ingressRequest || input.ingressRequest === input.request
  const grid = computeGrid(ctx, listClients(mesh), targets, { external: external && sameIngress })
  if (!external || sameIngress) return grid
  const ingressCtx = await prepareEvaluation(mesh, applyIntentRequest(input.ingressRequest as RequestProfile, override), input.keySets, input.options)
  const ingress = computeGrid(ingressCtx, [], targets, { external: true })
  const width = grid.columns.length
  const cells = new Uint8Array(grid.cells.length + width)
  cells.set(grid.cells)
  cells.set(ingress.cells.subarray(0, width), grid.cells.length)
  return { ...grid, rows: [...grid.rows, ...ingress.rows], cells, external: ingress.external }
}

/** Every cell each request's grid has that an expectation governs. */
export function checkGrid(grid: Grid, expectations: readonly Expectation[], key: string, out: CellCheck[]): void {
  const width = grid.columns.length
  const targets = grid.columns.map(targetRefOf)
  grid.rows.forEach((row, i) => {
    const client = clientRefOf(row)
    for (let j = 0; j < width; j++) {
      const target = targets[j] as TargetRef
      const index = governingExpectation(expectations, client, target, key)
      if (index < 0) continue
      const id = grid.cells[i * width + j] as number
      // Cells without a request (the ingress does not route there) count only for `from: external`.
      if (id === NO_REQUEST && (expectations[index] as Expectation).from.kind !== 'external') continue
      const got = id === NO_REQUEST ? undefined : verdictById(id)
      out.push({ from: row.label, to: grid.columnLabels[j] ?? '', client, target, expectation: index, request: key, got, holds: outcomeHolds((expectations[index] as Expectation).expect, got) })
    }
  })
}

export async function checkModel(model: Model, expectations: readonly Expectation[], input: CheckInput): Promise<IntentCheck> {
  const checks: CellCheck[] = []
  const external = wantsExternal(model, expectations)
  for (const [key, override] of requestsOf(expectations)) {
    if (key === '' && !expectations.some((e) => requestKey(e.request) === '')) continue
    checkGrid(await gridFor(model, input, override, external), expectations, key, checks)
  }
  return { checks, violated: checks.filter((c) => !c.holds) }
}

/** buildModel() of the engine's index, without importing the index (it re-exports this module). */
export function modelOf(objects: readonly KubeObject[], options: EngineOptions): Model {
  const admission = admit(objects, { profile: options.profile, defaultNamespace: 'default' })
  const mesh = buildMesh(admission.accepted, { profile: options.profile })
  return { admission, mesh, diagnostics: [...admission.diagnostics, ...mesh.diagnostics] }
}

export async function checkObjects(objects: readonly KubeObject[], expectations: readonly Expectation[], input: CheckInput): Promise<IntentCheck> {
  return checkModel(modelOf(objects, input.options), expectations, input)
}
