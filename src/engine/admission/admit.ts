/**
 * Admission of a list of objects, as `kubectl apply` against a cluster with Istio's validating
 * webhook would do it: each object is accepted or rejected on its own; nothing throws.
 */
import type { IstioResource } from '../istio'
import type { Diagnostic, IstioProfile, KubeObject, ObjectPath, ResourceKey } from '../types'
import { ADMISSION_CODES } from './codes'
import { checkObject } from './checkObject'
import { isClusterScoped } from './kinds'
import { snakeCase } from './names'
import { namespaceOf, resourceKeyOf } from './resourceKey'
import type { Report } from './walk'

export interface AdmitOptions {
  profile: IstioProfile
  /** Namespace for namespaced objects that name none, like kubectl's context namespace. */
  defaultNamespace?: string
}

export interface AdmittedObject {
  /** Position in the input list. */
  index: number
  key: ResourceKey
  /** The input object, with metadata.namespace filled in for namespaced kinds. */
  object: KubeObject
  /** Normalised form, for the Istio kinds (security.ts for PeerAuthentication, RequestAuthentication, AuthorizationPolicy). */
  istio?: IstioResource
}

export interface AdmissionResult {
  accepted: AdmittedObject[]
  rejected: { index: number; object: KubeObject }[]
  diagnostics: Diagnostic[]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Rules speak camelCase; the user may have written snake_case. Re-spell each step of `path` the way
 * the object spells it, so the YAML layer can find it.
 */
export function writtenPath(object: unknown, path: ObjectPath): ObjectPath {
  const out: (string | number)[] = []
  let node: unknown = object
  for (const step of path) {
    let key: string | number = step
    if (typeof step === 'string' && isObject(node) && !(step in node) && snakeCase(step) in node) key = snakeCase(step)
    out.push(key)
    node = isObject(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined
  }
  return out
}

function withNamespace(object: KubeObject, namespace: string): KubeObject {
  if (isClusterScoped(object.kind) || object.metadata.namespace === namespace) return object
  return { ...object, metadata: { ...object.metadata, namespace } }
}

function isShapedObject(object: unknown): object is KubeObject {
  return isObject(object) && typeof object.kind === 'string' && object.kind !== '' && isObject(object.metadata) && typeof object.metadata.name === 'string'
}

/**
 * @example
 * const { accepted, diagnostics } = admit(objects, { profile: '1.0', defaultNamespace: 'bar' })
 * // accepted[i].istio holds the normalised Policy / DestinationRule / Gateway / VirtualService
 */
export function admit(objects: readonly KubeObject[], opts: AdmitOptions): AdmissionResult {
  const defaultNamespace = opts.defaultNamespace ?? 'default'
  const result: AdmissionResult = { accepted: [], rejected: [], diagnostics: [] }
  objects.forEach((object, index) => {
    if (!isShapedObject(object)) {
      result.diagnostics.push({ code: 'K8S101', severity: 'error', message: 'the object needs a `kind` and a `metadata.name`', index, path: ['metadata', 'name'] })
      result.rejected.push({ index, object })
      return
    }
    const key = resourceKeyOf(object, defaultNamespace)
    let errors = 0
    const report: Report = (code, path, message) => {
      const severity = ADMISSION_CODES[code].severity
      if (severity === 'error') errors++
      result.diagnostics.push({ code, severity, message, resource: key, index, path: writtenPath(object, path) })
    }
    const namespace = namespaceOf(object, defaultNamespace)
    const id = { key, name: object.metadata.name, namespace, order: index }
    const istio = checkObject(object, id, { profile: opts.profile, report, errorCount: () => errors })
    if (errors > 0) {
      result.rejected.push({ index, object })
      return
    }
    const admitted: AdmittedObject = { index, key, object: withNamespace(object, namespace) }
    if (istio) admitted.istio = istio
    result.accepted.push(admitted)
  })
  return dropReplaced(result)
}

/**
 * R26: the same kind, namespace and name twice: the later object replaces the earlier, as
 * `kubectl apply` does; the earlier one gets the warning (at its name).
 */
function dropReplaced(result: AdmissionResult): AdmissionResult {
  const last = new Map<ResourceKey, AdmittedObject>()
  for (const a of result.accepted) last.set(a.key, a)
  if (last.size === result.accepted.length) return result
  const accepted: AdmittedObject[] = []
  for (const a of result.accepted) {
    const winner = last.get(a.key) as AdmittedObject
    if (winner === a) accepted.push(a)
    else {
      result.diagnostics.push({
        code: 'K8S106',
        severity: ADMISSION_CODES.K8S106.severity,
        message: `R26: ${a.key} appears again later in the input (object ${winner.index + 1}); the later one replaces this one, as kubectl apply does`,
        resource: a.key,
        index: a.index,
        path: ['metadata', 'name'],
      })
    }
  }
  return { ...result, accepted }
}
