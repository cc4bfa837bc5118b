/**
 * MESH007 in the model: a policy whose jwksUri has no key set is flagged wherever model diagnostics
 * show (canvas badges, the inspector, the problems list), and the flag follows the key sets panel.
 */
import { keySetDiagnostics, type Diagnostic, type Model } from '../../engine'
import type { JwksJson } from '../../engine/jwt'

/**
 * The model with its diagnostics recomputed as admission + mesh + key-set findings. Returns `model`
 * itself when nothing changes, so selectors of `model` do not re-render for nothing.
 */
export function withKeySetFindings(model: Model, keySets: Readonly<Record<string, JwksJson>> | undefined): Model {
  const found = keySetDiagnostics(model.mesh, new Map(Object.entries(keySets ?? {})))
  const diagnostics = [...model.admission.diagnostics, ...model.mesh.diagnostics, ...found]
  return sameDiagnostics(diagnostics, model.diagnostics) ? model : { ...model, diagnostics }
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || (d.code === b[i]?.code && d.message === b[i]?.message && d.resource === b[i]?.resource))
}
