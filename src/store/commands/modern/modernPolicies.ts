/**
 * Creating, attaching and detaching PeerAuthentication, RequestAuthentication and AuthorizationPolicy
 * on the canvas. Where a policy is dropped decides its scope (M1, M15, M21): the mesh marker puts it in
 * the root namespace without selector, a namespace box in that namespace without selector, an app in
 * the app's namespace with the Service's selector, a port chip (PeerAuthentication) a port-level mode
 * for the workload port behind that Service port.
 */
import type { IstioProfile, KubeObject, ResourceKey } from '../../../engine'
import { atLeast } from '../../../engine'
import type { AttachTarget } from '../hosts'
import { asRecord, clone, findByKey, keyFor, numberedName, replaceByKey, specOf, uniqueName, type Json } from '../objects'
import { fail, type EditResult } from '../result'
import { workloadPortOf } from './ports'
import { ROOT_NAMESPACE, selectorForService, selectorOf, type ModernKind } from './scope'

/** v1 where the profile serves it for the kind (1.17 RA/AP, 1.22 PA), else v1beta1 (M35). */
export function securityApiFor(kind: ModernKind, profile: IstioProfile): string {
  const v1From: IstioProfile = kind === 'PeerAuthentication' ? '1.22' : '1.17'
  return atLeast(profile, v1From) ? 'security.istio.io/v1' : 'security.istio.io/v1beta1'
}

/** Istio's sample key set at the profile's release branch (the engine resolves any branch offline). */
export function sampleJwksUri(profile: IstioProfile): string {
  return `https://raw.githubusercontent.com/istio/istio/release-${profile}/security/tools/jwt/samples/jwks.json`
}

export const SAMPLE_ISSUER = 'testing@secure.istio.io'

function defaultSpec(kind: ModernKind, profile: IstioProfile): Json {
  switch (kind) {
    case 'PeerAuthentication':
      return { mtls: { mode: 'STRICT' } }
    case 'RequestAuthentication':
      return { jwtRules: [{ issuer: SAMPLE_ISSUER, jwksUri: sampleJwksUri(profile) }] }
    case 'AuthorizationPolicy':
      // "Require a valid JWT" (M27): the modern way to say what a v1alpha1 origin said.
      return { action: 'ALLOW', rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] }
  }
}

const NAME_PREFIX: Record<ModernKind, string> = { PeerAuthentication: 'peer', RequestAuthentication: 'jwt', AuthorizationPolicy: 'authz' }

function serviceOf(resources: readonly KubeObject[], target: Extract<AttachTarget, { kind: 'service' | 'port' }>): KubeObject | undefined {
  return findByKey(resources, keyFor('Service', target.ns, target.service))
}

/** Namespace, selector and (PeerAuthentication on a port) port-level mode for `target`. */
function scopeFor(resources: readonly KubeObject[], kind: ModernKind, target: AttachTarget): { ns: string; selector?: Record<string, string>; port?: number } | string {
  if (target.kind === 'mesh') return { ns: ROOT_NAMESPACE }
  if (target.kind === 'namespace') return { ns: target.ns }
  const service = serviceOf(resources, target)
  if (!service) return `There is no Service ${target.service} in ${target.ns}.`
  const selector = selectorForService(service)
  if (Object.keys(selector).length === 0) return `Service ${target.service} selects no pods: a policy cannot select them.`
  if (target.kind === 'port' && kind === 'PeerAuthentication') return { ns: target.ns, selector, port: workloadPortOf(service, target.port) }
  return { ns: target.ns, selector }
}

function withScope(spec: Json, scope: { selector?: Record<string, string>; port?: number }, mode: string): Json {
  const next: Json = { ...spec }
  delete next.selector
  if (scope.port !== undefined) {
    // A port chip: this port gets the mode; the rest of the workload inherits (no top-level mode).
    delete next.mtls
    next.portLevelMtls = { ...asRecord(spec.portLevelMtls), [String(scope.port)]: { mode } }
  } else if (!scope.selector) delete next.portLevelMtls // namespace/mesh policies cannot have port-level modes (M36)
  return scope.selector ? { selector: { matchLabels: scope.selector }, ...next } : next
}

/**
 * A new modern policy at a drop spot, auto-named (`peer-1`, or the service's name for an app).
 * @example addModernPolicy(seed, 'PeerAuthentication', { kind: 'service', ns: 'foo', service: 'httpbin' }, '1.30')
 * // PeerAuthentication foo/httpbin {selector: {matchLabels: {app: httpbin}}, mtls: {mode: STRICT}}
 */
export function addModernPolicy(resources: readonly KubeObject[], kind: ModernKind, target: AttachTarget, profile: IstioProfile): EditResult {
  const scope = scopeFor(resources, kind, target)
  if (typeof scope === 'string') return fail(scope)
  const name = target.kind === 'service' || target.kind === 'port' ? uniqueName(resources, kind, scope.ns, target.service) : numberedName(resources, kind, scope.ns, NAME_PREFIX[kind])
  const spec = withScope(defaultSpec(kind, profile), scope, 'STRICT')
  return [...resources, { apiVersion: securityApiFor(kind, profile), kind, metadata: { name, namespace: scope.ns }, spec }]
}

/** Moves/rescopes an existing modern policy to `target` (drag of its edge, or a drop on a new target). */
export function attachModernPolicy(resources: readonly KubeObject[], key: ResourceKey, target: AttachTarget): EditResult {
  const object = findByKey(resources, key)
  if (!object) return fail(`There is no ${key}.`)
  const kind = object.kind as ModernKind
  const scope = scopeFor(resources, kind, target)
  if (typeof scope === 'string') return fail(scope)
  const spec = specOf(object)
  const mode = String(asRecord(spec.mtls).mode ?? 'STRICT')
  const base = target.kind === 'service' || target.kind === 'port' ? target.service : object.metadata.name
  const name = scope.ns === object.metadata.namespace ? object.metadata.name : uniqueName(resources, kind, scope.ns, base, key)
  const next: KubeObject = { ...clone(object), metadata: { ...clone(object.metadata), name, namespace: scope.ns }, spec: withScope(clone(spec), scope, mode) }
  return replaceByKey(resources, key, next)
}

/**
 * Removes one edge of a modern policy. A port-level mode can go (the port then inherits); the policy's
 * scope itself cannot be removed, only moved or the policy deleted: a policy always acts on something.
 */
export function detachModernPolicy(resources: readonly KubeObject[], key: ResourceKey, target: AttachTarget | undefined): EditResult {
  const object = findByKey(resources, key)
  if (!object) return fail(`There is no ${key}.`)
  const spec = specOf(object)
  const levels = asRecord(spec.portLevelMtls)
  if (object.kind === 'PeerAuthentication' && target?.kind === 'port' && Object.keys(levels).length > 0) {
    const service = findByKey(resources, keyFor('Service', target.ns, target.service))
    const port = String(service ? workloadPortOf(service, target.port) : target.port)
    if (!(port in levels)) return fail(`${object.metadata.name} has no port-level mode for port ${port}.`)
    const rest = { ...levels }
    delete rest[port]
    const nextSpec: Json = { ...clone(spec) }
    if (Object.keys(rest).length > 0) nextSpec.portLevelMtls = rest
    else {
      delete nextSpec.portLevelMtls
      if (!nextSpec.mtls) return fail(`Port ${port} is all "${object.metadata.name}" sets. Delete the policy instead.`)
    }
    return replaceByKey(resources, key, { ...clone(object), spec: nextSpec })
  }
  const where = selectorOf(object) ? 'the workloads its selector picks' : object.metadata.namespace === ROOT_NAMESPACE ? 'the whole mesh' : `namespace ${object.metadata.namespace ?? ''}`
  return fail(`A ${object.kind} always acts on ${where}. Drag its edge to another target, or delete it.`)
}

