/**
 * Canvas node ids. A Service and the workloads it selects are one "app" node on the canvas (what a
 * user thinks of as "httpbin"), named by the first such workload's key; namespaces are `ns:<name>`;
 * every other object is its own node, named by its resource key.
 */
import type { KubeObject, ResourceKey } from '../engine'
import { keyOf, namespaceOf } from './keys'

/** Kinds whose pods a Service selector can match (the engine's workload kinds). */
const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod'])

export function namespaceNodeId(name: string): string {
  return `ns:${name}`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Pod labels: the template's for controllers, the object's own for a bare Pod. */
function podLabels(object: KubeObject): Record<string, unknown> {
  if (object.kind === 'Pod') return isRecord(object.metadata.labels) ? object.metadata.labels : {}
  const spec = isRecord(object.spec) ? object.spec : {}
  const template = isRecord(spec.template) ? spec.template : {}
  const metadata = isRecord(template.metadata) ? template.metadata : {}
  return isRecord(metadata.labels) ? metadata.labels : {}
}

function serviceSelector(object: KubeObject): Record<string, unknown> | undefined {
  const spec = isRecord(object.spec) ? object.spec : {}
  const selector = isRecord(spec.selector) ? spec.selector : undefined
  // An empty or missing selector selects nothing (a Service for external endpoints).
  return selector && Object.keys(selector).length > 0 ? selector : undefined
}

function selects(selector: Record<string, unknown>, labels: Record<string, unknown>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v)
}

/**
 * Node id of every resource key. Services and the workloads they select are joined into groups
 * (union-find, so two Services sharing a Deployment end up on one node too); a group is named by its
 * first workload in resource order.
 */
export function appNodeIds(resources: readonly KubeObject[]): Map<ResourceKey, string> {
  const keys = resources.map(keyOf)
  const parent = keys.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  const workloads = resources.flatMap((o, i) => (WORKLOAD_KINDS.has(o.kind) ? [i] : []))
  resources.forEach((service, i) => {
    if (service.kind !== 'Service') return
    const selector = serviceSelector(service)
    if (!selector) return
    const ns = namespaceOf(service)
    for (const w of workloads) {
      const workload = resources[w] as KubeObject
      if (namespaceOf(workload) === ns && selects(selector, podLabels(workload))) parent[find(i)] = find(w)
    }
  })
  const firstWorkloadOf = new Map<number, number>()
  for (const w of workloads) if (!firstWorkloadOf.has(find(w))) firstWorkloadOf.set(find(w), w)
  const ids = new Map<ResourceKey, string>()
  resources.forEach((object, i) => {
    const key = keys[i] as string
    if (object.kind === 'Namespace') ids.set(key, namespaceNodeId(object.metadata.name))
    else ids.set(key, keys[firstWorkloadOf.get(find(i)) ?? i] as string)
  })
  return ids
}

/**
 * @example appNodeIdFor('Service/foo/httpbin', seed) // 'Deployment/foo/httpbin'
 * @example appNodeIdFor('Namespace//foo', seed) // 'ns:foo'
 */
export function appNodeIdFor(resourceKey: ResourceKey, resources: readonly KubeObject[]): string {
  return appNodeIds(resources).get(resourceKey) ?? resourceKey
}

export interface CanvasNode {
  id: string
  /** The namespace box it sits in; undefined for cluster-scoped objects (a MeshPolicy). */
  namespace: string | undefined
  /** Resource keys shown by this node, in resource order. */
  members: ResourceKey[]
}

/** The nodes of the canvas other than namespace boxes, in resource order, and the namespaces used. */
export function canvasNodes(resources: readonly KubeObject[]): { nodes: CanvasNode[]; namespaces: string[] } {
  const ids = appNodeIds(resources)
  const nodes = new Map<string, CanvasNode>()
  const namespaces = new Set<string>()
  for (const object of resources) {
    const key = keyOf(object)
    const ns = namespaceOf(object)
    if (object.kind === 'Namespace') {
      namespaces.add(object.metadata.name)
      continue
    }
    if (ns !== '') namespaces.add(ns)
    const id = ids.get(key) ?? key
    const node = nodes.get(id) ?? { id, namespace: ns === '' ? undefined : ns, members: [] }
    node.members.push(key)
    nodes.set(id, node)
  }
  return { nodes: [...nodes.values()], namespaces: [...namespaces] }
}
