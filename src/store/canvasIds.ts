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

/** Per resources array: the derivations below are asked for many times per change (store, canvas, edges). */
function cachedOn<T>(cache: WeakMap<readonly KubeObject[], T>, resources: readonly KubeObject[], compute: () => T): T {
  const hit = cache.get(resources)
  if (hit !== undefined) return hit
  const value = compute()
  cache.set(resources, value)
  return value
}

const idCache = new WeakMap<readonly KubeObject[], Map<ResourceKey, string>>()

/**
 * Node id of every resource key. Services and the workloads they select are joined into groups
 * (union-find, so two Services sharing a Deployment end up on one node too); a group is named by its
 * first workload in resource order. Workloads are indexed by namespace and label, so each Service
 * only looks at the workloads carrying its selector's first label (linear in the design's size).
 * NOTE the map is shared by every caller for the same resources array: do not mutate it.
 */
export function appNodeIds(resources: readonly KubeObject[]): Map<ResourceKey, string> {
  return cachedOn(idCache, resources, () => computeAppNodeIds(resources))
}

function computeAppNodeIds(resources: readonly KubeObject[]): Map<ResourceKey, string> {
  const keys = resources.map(keyOf)
  const parent = keys.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  const workloads = resources.flatMap((o, i) => (WORKLOAD_KINDS.has(o.kind) ? [i] : []))
  // namespace -> label -> value -> workloads, in resource order
  const byLabel = new Map<string, number[]>()
  const byNamespace = new Map<string, number[]>()
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key)
    if (list) list.push(i)
    else map.set(key, [i])
  }
  for (const w of workloads) {
    const workload = resources[w] as KubeObject
    const ns = namespaceOf(workload)
    push(byNamespace, ns, w)
    for (const [k, v] of Object.entries(podLabels(workload))) push(byLabel, labelKey(ns, k, v), w)
  }
  resources.forEach((service, i) => {
    if (service.kind !== 'Service') return
    const selector = serviceSelector(service)
    if (!selector) return
    const ns = namespaceOf(service)
    const [k, v] = Object.entries(selector)[0] as [string, unknown]
    const candidates = v === undefined ? (byNamespace.get(ns) ?? []) : (byLabel.get(labelKey(ns, k, v)) ?? [])
    for (const w of candidates) {
      if (selects(selector, podLabels(resources[w] as KubeObject))) parent[find(i)] = find(w)
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

/** Candidates only: `selects` decides (a value that is not a string may share this text). */
function labelKey(ns: string, k: string, v: unknown): string {
  return `${ns}\u0000${k}\u0000${String(v)}`
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

export interface CanvasNodes {
  nodes: readonly CanvasNode[]
  namespaces: readonly string[]
}

const nodesCache = new WeakMap<readonly KubeObject[], CanvasNodes>()

/**
 * The nodes of the canvas other than namespace boxes, in resource order, and the namespaces used.
 * Computed once per resources array (the store's commit, the canvas and the layout all ask).
 * NOTE shared between callers: do not mutate.
 */
export function canvasNodes(resources: readonly KubeObject[]): CanvasNodes {
  return cachedOn(nodesCache, resources, () => computeCanvasNodes(resources))
}

function computeCanvasNodes(resources: readonly KubeObject[]): CanvasNodes {
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
