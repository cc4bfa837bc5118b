/**
 * M40 over a whole design: admit it under its alpha profile, convert every MeshPolicy and Policy,
 * and keep everything else (workloads, DestinationRules, Gateways, ...) as it was.
 */
import { buildModel } from '../index'
import type { AuthnPolicy } from '../istio'
import { ROOT_NAMESPACE } from '../mesh/model'
import { DEFAULT_OPTIONS, type Diagnostic, type IstioProfile, type KubeObject } from '../types'
import { convertPolicy } from './convertPolicy'
import type { MigrationOptions, MigrationResult } from './types'

export interface AlphaInput {
  objects: readonly KubeObject[]
  /** The profile the design was written for: its admission decides what the alpha objects mean. */
  profile: IstioProfile
}

/** Admission errors that make the input unusable (the same objects a cluster would refuse). */
export function admissionErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error')
}

/**
 * @example
 * const { objects, errors } = migrateDesign({ objects: seedFinalState, profile: '1.0' })
 * // objects: the workloads, DestinationRules and ingress objects, then PeerAuthentication,
 * // RequestAuthentication and AuthorizationPolicy `foo/jwt-example-httpbin` where the Policy was
 */
export function migrateDesign(input: AlphaInput, options: MigrationOptions = {}): MigrationResult {
  const rootNamespace = options.rootNamespace ?? ROOT_NAMESPACE
  const model = buildModel(input.objects, { ...DEFAULT_OPTIONS, profile: input.profile }, options.defaultNamespace)
  const policyAt = new Map<number, AuthnPolicy>()
  for (const admitted of model.admission.accepted) {
    const istio = admitted.istio
    if (istio && (istio.kind === 'Policy' || istio.kind === 'MeshPolicy')) policyAt.set(admitted.index, istio)
  }
  const rejected = new Set(model.admission.rejected.map((r) => r.index))
  const result: MigrationResult = { objects: [], converted: [], errors: [] }
  input.objects.forEach((object, index) => {
    const policy = policyAt.get(index)
    if (!policy) {
      // A rejected alpha policy never existed on the cluster: there is nothing to convert.
      if (!(rejected.has(index) && (object.kind === 'Policy' || object.kind === 'MeshPolicy'))) result.objects.push(object)
      return
    }
    const out = convertPolicy(policy, model.mesh.services, rootNamespace)
    if ('error' in out) {
      result.errors.push({ resource: policy.key, message: out.error })
      return
    }
    result.converted.push({ from: policy.key, to: out.objects })
    result.objects.push(...out.objects)
  })
  return result
}
