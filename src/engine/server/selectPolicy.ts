/**
 * Rule 5: the one authentication policy that applies to a service port. Service-level beats the
 * namespace `default` policy beats the MeshPolicy `default`; fields are never merged.
 */
import type { AuthnPolicy } from '../istio'
import type { Mesh, Service, ServicePort } from '../mesh/model'

export type PolicyLevel = 'service' | 'namespace' | 'mesh' | 'none'

export interface PolicyChoice {
  policy: AuthnPolicy | undefined
  level: PolicyLevel
  /** Plain words: why this policy (or none) applies. */
  reason: string
  /** Other service-level policies that also matched (a conflict Istio resolves at random). */
  conflicts: AuthnPolicy[]
  /** A policy that would have applied but Pilot drops (JWT origin without jwksUri). */
  dropped?: AuthnPolicy
}

function targetsPort(policy: AuthnPolicy, service: Service, port: ServicePort): boolean {
  return policy.targets.some(
    (t) =>
      t.name === service.name &&
      (t.ports.length === 0 || t.ports.some((s) => s.number === port.number || (s.name !== undefined && s.name === port.name))),
  )
}

function olderFirst(a: AuthnPolicy, b: AuthnPolicy): number {
  return a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
}

function describePort(service: Service, port: ServicePort): string {
  return `${service.name}.${service.namespace}:${port.number}${port.name ? ` (${port.name})` : ''}`
}

function selectCandidate(mesh: Mesh, service: Service, port: ServicePort): PolicyChoice {
  const inNamespace = mesh.policiesByNamespace.get(service.namespace) ?? []
  const serviceLevel = inNamespace.filter((p) => p.targets.length > 0 && targetsPort(p, service, port)).sort(olderFirst)
  const [first, ...rest] = serviceLevel
  if (first) {
    const selector = first.targets.find((t) => t.name === service.name)
    const byPort = selector && selector.ports.length > 0 ? ` and selects port ${port.number}` : ''
    return {
      policy: first,
      level: 'service',
      reason: `Policy ${first.namespace}/${first.name} targets ${service.name}${byPort}: a service-level policy replaces namespace and mesh policies completely`,
      conflicts: rest,
    }
  }
  const namespaceLevel = inNamespace.filter((p) => p.targets.length === 0).sort(olderFirst)[0]
  const skipped = inNamespace.filter((p) => p.targets.some((t) => t.name === service.name))
  const note = skipped.length > 0 ? ` (${skipped.map((p) => p.name).join(', ')} targets other ports of ${service.name})` : ''
  if (namespaceLevel) {
    return {
      policy: namespaceLevel,
      level: 'namespace',
      reason: `no service-level policy matches ${describePort(service, port)}; the namespace policy ${namespaceLevel.namespace}/${namespaceLevel.name} applies${note}`,
      conflicts: [],
    }
  }
  if (mesh.meshPolicy) {
    return {
      policy: mesh.meshPolicy,
      level: 'mesh',
      reason: `no Policy in namespace ${service.namespace} matches ${describePort(service, port)}; the MeshPolicy default applies${note}`,
      conflicts: [],
    }
  }
  return {
    policy: undefined,
    level: 'none',
    reason: `no Policy in namespace ${service.namespace} matches ${describePort(service, port)} and there is no MeshPolicy default${note}`,
    conflicts: [],
  }
}

export function selectPolicy(mesh: Mesh, service: Service, port: ServicePort): PolicyChoice {
  const choice = selectCandidate(mesh, service, port)
  const policy = choice.policy
  if (policy && policy.origins.some((o) => !o.jwksUri && !o.jwks)) {
    // Pilot tries OpenID discovery for a missing jwksUri; offline it fails and Pilot drops the policy.
    return {
      policy: undefined,
      level: 'none',
      reason: `${choice.reason}; but it has a JWT origin without jwksUri, so Pilot drops it and no policy applies`,
      conflicts: choice.conflicts,
      dropped: policy,
    }
  }
  return choice
}
