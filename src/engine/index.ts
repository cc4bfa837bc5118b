/**
 * The engine's public surface: resources in, verdicts out. Pure and deterministic (time is part of
 * the request profile); runs in Node, in the browser and in a Web Worker.
 *
 * @example
 * const model = buildModel(objects, DEFAULT_OPTIONS)
 * const ctx = await prepareEvaluation(model.mesh, { path: '/ip', headers: {}, now }, new Map(), DEFAULT_OPTIONS)
 * const grid = computeGrid(ctx, listClients(model.mesh), listTargets(model.mesh))
 */
import { admit, type AdmissionResult } from './admission'
import { buildMesh } from './mesh/buildMesh'
import type { Mesh } from './mesh/model'
import type { Diagnostic, EngineOptions, KubeObject } from './types'

export interface Model {
  admission: AdmissionResult
  mesh: Mesh
  /** Admission findings then cross-object findings. */
  diagnostics: Diagnostic[]
}

/** Admission (reject what Istio's webhook would), then the mesh the rules reason about. */
export function buildModel(objects: readonly KubeObject[], options: EngineOptions, defaultNamespace = 'default'): Model {
  const admission = admit(objects, { profile: options.profile, defaultNamespace })
  const mesh = buildMesh(admission.accepted, { profile: options.profile })
  return { admission, mesh, diagnostics: [...admission.diagnostics, ...mesh.diagnostics] }
}

export * from './types'
export type * from './istio'
export type * from './security'
export { isSecurityResource, SECURITY_KINDS } from './security'
export * from './profile'
export type { Mesh, Service, ServicePort, Workload, Namespace } from './mesh/model'
export { prepareEvaluation } from './evaluate/prepare'
export type { EvaluationContext } from './evaluate/context'
export { computeGrid, type Grid, type GridRow, type GridOptions } from './evaluate/grid'
export { explainWorkloadCell, explainExternal, type CellExplanation, type ExplanationStep } from './evaluate/explain'
export { isPortServed, isPortDeclared } from './server/serverMode'
export { listClients, listTargets, targetLabel, clientLabel, type Target } from './evaluate/targets'
export { resolveTarget } from './evaluate/resolveTarget'
export { tlsCheckRows, formatTlsCheck, type TlsCheckRow } from './evaluate/tlsCheck'
export { verdictById, formatVerdict, verdictBody, sameShownOutcome, NO_REQUEST, VERDICTS } from './decide/verdicts'
export { evaluateExternal, type ExternalOutcome } from './ingress/externalVerdict'
export { MESH_CODES } from './diagnostics'
export { runRequestLoop, type LoopProbe, type LoopSpec } from './evaluate/requestLoop'
export { keySetDiagnostics } from './jwt/keySetDiagnostics'
export { jsonSchemaForManifests } from './admission'
export * as jwt from './jwt'
export { ISTIO_SAMPLE_PRIVATE_KEY_PEM } from './jwt/sampleKey'
export * as intent from './intent'
