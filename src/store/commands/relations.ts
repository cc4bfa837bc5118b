/**
 * What each Istio object acts on, read from the raw resources (so objects admission rejects still
 * show their intent). The canvas draws these as edges; it holds no Istio rules itself.
 */
import type { KubeObject, ResourceKey } from '../../engine'
import { appPortsIndex } from './apps'
import { hostTarget, type AttachTarget } from './hosts'
import { asArray, asRecord, findByKey, keyFor, keyOf, nsOf, specOf } from './objects'
import { isModernKind, modernTargets } from './modern'

export type Relation =
  /** A Policy/MeshPolicy acting on the mesh, a namespace, a service or one service port. */
  | { kind: 'policy'; from: ResourceKey; target: AttachTarget }
  /** A DestinationRule whose host selects the target. */
  | { kind: 'rule'; from: ResourceKey; target: AttachTarget }
  /** A VirtualService bound to a Gateway. */
  | { kind: 'gateway'; from: ResourceKey; gateway: ResourceKey }
  /** Route `index` of a VirtualService sending traffic to a service (port). */
  | { kind: 'route'; from: ResourceKey; index: number; target: AttachTarget }

/** A port selector (number or name) as the service port number, when the service has it. */
function portNumber(resources: readonly KubeObject[], ns: string, service: string, selector: unknown): number | undefined {
  const sel = asRecord(selector)
  const ports = appPortsIndex(resources)(keyFor('Service', ns, service))
  const hit = ports.find((p) => (sel.number !== undefined && p.port === Number(sel.number)) || (typeof sel.name === 'string' && p.name === sel.name))
  return hit?.port ?? (sel.number !== undefined ? Number(sel.number) : undefined)
}

function policyRelations(resources: readonly KubeObject[], policy: KubeObject): Relation[] {
  const from = keyOf(policy)
  if (policy.kind === 'MeshPolicy') return [{ kind: 'policy', from, target: { kind: 'mesh' } }]
  const ns = nsOf(policy)
  const targets = asArray(specOf(policy).targets).map(asRecord)
  if (targets.length === 0) return [{ kind: 'policy', from, target: { kind: 'namespace', ns } }]
  return targets.flatMap((t): Relation[] => {
    const service = typeof t.name === 'string' ? t.name : ''
    const ports = asArray(t.ports).map((p) => portNumber(resources, ns, service, p)).filter((n): n is number => n !== undefined)
    if (ports.length === 0) return [{ kind: 'policy', from, target: { kind: 'service', ns, service } }]
    return ports.map((port) => ({ kind: 'policy', from, target: { kind: 'port', ns, service, port } }))
  })
}

/** `name` (same namespace) or `namespace/name`, as VirtualService.gateways writes it. */
function gatewayKey(vs: KubeObject, ref: string): ResourceKey {
  const [ns, name] = ref.includes('/') ? (ref.split('/', 2) as [string, string]) : [nsOf(vs), ref]
  return keyFor('Gateway', ns, name)
}

function virtualServiceRelations(resources: readonly KubeObject[], vs: KubeObject): Relation[] {
  const from = keyOf(vs)
  const spec = specOf(vs)
  const out: Relation[] = []
  for (const ref of asArray(spec.gateways)) {
    if (typeof ref !== 'string' || ref === 'mesh') continue
    const gateway = gatewayKey(vs, ref)
    if (hasKey(resources, gateway)) out.push({ kind: 'gateway', from, gateway })
  }
  asArray(spec.http).forEach((route, index) => {
    for (const weighted of asArray(asRecord(route).route).map(asRecord)) {
      const destination = asRecord(weighted.destination)
      const target = typeof destination.host === 'string' ? hostTarget(destination.host, nsOf(vs)) : undefined
      if (target?.kind !== 'service') continue
      const port = destination.port === undefined ? undefined : portNumber(resources, target.ns, target.service, destination.port)
      out.push({ kind: 'route', from, index, target: port === undefined ? target : { ...target, kind: 'port', port } })
    }
  })
  return out
}

const keysCache = new WeakMap<readonly KubeObject[], Set<ResourceKey>>()

function hasKey(resources: readonly KubeObject[], key: ResourceKey): boolean {
  let keys = keysCache.get(resources)
  if (!keys) keysCache.set(resources, (keys = new Set(resources.map(keyOf))))
  return keys.has(key)
}

/** Every relation in the resources, in resource order. */
export function relationsOf(resources: readonly KubeObject[]): Relation[] {
  return resources.flatMap((o): Relation[] => {
    if (o.kind === 'Policy' || o.kind === 'MeshPolicy') return policyRelations(resources, o)
    if (o.kind === 'VirtualService') return virtualServiceRelations(resources, o)
    if (isModernKind(o.kind)) return modernTargets(resources, o).map((target) => ({ kind: 'policy', from: keyOf(o), target }))
    if (o.kind !== 'DestinationRule') return []
    const host = specOf(o).host
    const target = typeof host === 'string' ? hostTarget(host, nsOf(o)) : undefined
    return target ? [{ kind: 'rule', from: keyOf(o), target }] : []
  })
}
