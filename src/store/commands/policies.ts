/**
 * Authentication policies (istio-semantics.md 1-2). What admission allows decides the shapes here:
 * a namespace-wide Policy is named `default` and has no targets; any other Policy targets services;
 * the MeshPolicy is named `default`, is cluster-scoped and has no targets.
 */
import type { KubeObject, ResourceKey } from '../../engine'
import type { AttachTarget } from './hosts'
import { asArray, asRecord, AUTHN_API, clone, findByKey, keyFor, keyOf, numberedName, replaceByKey, specOf, uniqueName, withMeta, type Json } from './objects'
import { fail, type EditResult } from './result'

/** New policies require Istio mTLS (`mtls: {}` = STRICT), the seed's first step. */
const STRICT_PEERS = [{ mtls: {} }]

function hasMeshPolicy(resources: readonly KubeObject[], except?: ResourceKey): boolean {
  const key = keyFor('MeshPolicy', '', 'default')
  return resources.some((o) => keyOf(o) === key && key !== except)
}

export function addMeshPolicy(resources: readonly KubeObject[]): EditResult {
  if (hasMeshPolicy(resources)) return fail('The mesh already has its MeshPolicy "default"; there can be only one.')
  const policy: KubeObject = { apiVersion: AUTHN_API, kind: 'MeshPolicy', metadata: { name: 'default' }, spec: { peers: clone(STRICT_PEERS) } }
  return [...resources, policy]
}

/**
 * A new Policy in `namespace`, acting on the namespace (default) or on a service or port there.
 * @example addPolicy(resources, 'foo') // Policy/foo/default with peers [{mtls: {}}]
 */
export function addPolicy(resources: readonly KubeObject[], namespace: string, target?: AttachTarget): EditResult {
  const at: AttachTarget = target ?? { kind: 'namespace', ns: namespace }
  // Service policies are named after their service, as the seed does; attachPolicy moves the draft.
  const name = at.kind === 'service' || at.kind === 'port' ? uniqueName(resources, 'Policy', at.ns, at.service) : numberedName(resources, 'Policy', namespace, 'policy')
  const draft: KubeObject = {
    apiVersion: AUTHN_API,
    kind: 'Policy',
    metadata: { name, namespace: at.kind === 'mesh' ? namespace : at.ns },
    spec: { peers: clone(STRICT_PEERS) },
  }
  const withDraft = [...resources, draft]
  return attachPolicy(withDraft, keyOf(draft), at)
}

function targetsFor(target: Extract<AttachTarget, { kind: 'service' | 'port' }>): Json[] {
  return target.kind === 'port' ? [{ name: target.service, ports: [{ number: target.port }] }] : [{ name: target.service }]
}

function withSpec(object: KubeObject, spec: Json): KubeObject {
  return { ...object, spec }
}

/** Makes `policyKey` act on `target`, renaming/moving it as admission requires. In place. */
export function attachPolicy(resources: readonly KubeObject[], policyKey: ResourceKey, target: AttachTarget): EditResult {
  const policy = findByKey(resources, policyKey)
  if (!policy || (policy.kind !== 'Policy' && policy.kind !== 'MeshPolicy')) return fail(`There is no policy ${policyKey}.`)
  const spec = { ...asRecord(clone(policy.spec)) }
  delete spec.targets
  if (target.kind === 'mesh') {
    if (policy.kind === 'MeshPolicy') return [...resources]
    if (hasMeshPolicy(resources)) return fail('The mesh already has a MeshPolicy; edit it, or drop this policy on a namespace or service.')
    const mesh = withMeta({ ...policy, kind: 'MeshPolicy' }, { name: 'default', namespace: undefined })
    return replaceByKey(resources, policyKey, withSpec(mesh, spec))
  }
  if (target.kind === 'namespace') {
    const existing = keyFor('Policy', target.ns, 'default')
    if (existing !== policyKey && findByKey(resources, existing)) {
      return fail(`Namespace ${target.ns} already has its namespace-wide policy "default". Edit that one, or drop this policy on a service.`)
    }
    const moved = withMeta({ ...policy, kind: 'Policy' }, { name: 'default', namespace: target.ns })
    return replaceByKey(resources, policyKey, withSpec(moved, spec))
  }
  // Service-specific: a `default` (or mesh) policy takes the service's name, since `default` may not have targets.
  const base = policy.kind === 'MeshPolicy' || policy.metadata.name === 'default' ? target.service : policy.metadata.name
  const name = uniqueName(resources, 'Policy', target.ns, base, policyKey)
  const moved = withMeta({ ...policy, kind: 'Policy' }, { name, namespace: target.ns })
  return replaceByKey(resources, policyKey, withSpec(moved, { ...spec, targets: targetsFor(target) }))
}

function matchesTarget(t: Json, target: AttachTarget): boolean {
  return (target.kind === 'service' || target.kind === 'port') && t.name === target.service
}

/**
 * Stops a service-specific policy acting on one service (or port). A Policy cannot act on nothing,
 * so removing its last target, or detaching a namespace/mesh policy, is refused with a hint.
 */
export function detachPolicy(resources: readonly KubeObject[], policyKey: ResourceKey, target?: AttachTarget): EditResult {
  const policy = findByKey(resources, policyKey)
  if (!policy) return fail(`There is no policy ${policyKey}.`)
  const targets = asArray(specOf(policy).targets).map(asRecord)
  if (policy.kind === 'MeshPolicy') return fail('The MeshPolicy always applies to the whole mesh. Delete it instead.')
  if (targets.length === 0) return fail(`"${policy.metadata.name}" is the namespace-wide policy; it always applies to its namespace. Delete it, or drag its edge to a service.`)
  const kept = targets.flatMap((t): Json[] => {
    if (!target || !matchesTarget(t, target)) return target ? [t] : []
    if (target.kind !== 'port') return []
    // Dropping one port must not widen the target to every port: drop the target with its last port.
    const ports = asArray(t.ports).filter((p) => asRecord(p).number !== target.port && asRecord(p).name !== String(target.port))
    return ports.length > 0 ? [{ ...t, ports }] : []
  })
  if (kept.length === 0) return fail(`This is the only service "${policy.metadata.name}" acts on, and a Policy must act on something. Delete the policy instead.`)
  return replaceByKey(resources, policyKey, withSpec(clone(policy), { ...asRecord(clone(policy.spec)), targets: kept }))
}

/**
 * Adds a service (or port) to what a service-specific policy acts on; for a namespace or mesh
 * policy, or a service in another namespace, this is attachPolicy (a Policy targets its own namespace only).
 */
export function addPolicyTarget(resources: readonly KubeObject[], policyKey: ResourceKey, target: AttachTarget): EditResult {
  const policy = findByKey(resources, policyKey)
  const targets = policy ? asArray(specOf(policy).targets).map(asRecord) : []
  if (!policy || policy.kind !== 'Policy' || targets.length === 0 || (target.kind !== 'service' && target.kind !== 'port') || target.ns !== policy.metadata.namespace) {
    return attachPolicy(resources, policyKey, target)
  }
  const others = targets.filter((t) => t.name !== target.service)
  const same = targets.find((t) => t.name === target.service)
  const ports = target.kind === 'port' && same && asArray(same.ports).length > 0 ? [...asArray(same.ports), { number: target.port }] : undefined
  const added = ports ? { ...same, ports } : targetsFor(target)[0] as Json
  return replaceByKey(resources, policyKey, withSpec(clone(policy), { ...asRecord(clone(policy.spec)), targets: [...others, added] }))
}
