/**
 * An "app" is what the canvas draws as one node: a Service plus the workload(s) it selects (or a
 * lone workload, or a lone Service). This file knows how those objects hang together.
 */
import type { KubeObject, ResourceKey } from '../../engine'
import { appNodeIds } from '../canvasIds'
import { asArray, asRecord, findByKey, keyOf, nsOf, specOf } from './objects'

/** Kinds whose pod template Service selectors match (the engine's WORKLOAD_KINDS plus Pod). */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod'])

export function isWorkload(object: KubeObject): boolean {
  return WORKLOAD_KINDS.has(object.kind)
}

/** Pod labels: a Pod's own, else its template's. */
export function podLabels(object: KubeObject): Record<string, string> {
  const meta = object.kind === 'Pod' ? object.metadata : asRecord(asRecord(specOf(object).template).metadata)
  return asRecord(meta.labels) as Record<string, string>
}

export function serviceSelector(service: KubeObject): Record<string, string> {
  return asRecord(specOf(service).selector) as Record<string, string>
}

/** Kubernetes: a Service with a non-empty selector selects the pods carrying all its labels. */
export function selects(service: KubeObject, workload: KubeObject): boolean {
  if (service.kind !== 'Service' || !isWorkload(workload) || nsOf(service) !== nsOf(workload)) return false
  const selector = Object.entries(serviceSelector(service))
  const labels = podLabels(workload)
  return selector.length > 0 && selector.every(([k, v]) => labels[k] === v)
}

/** Every Service and workload connected to `key` through selection (a connected component). */
export function appMembers(resources: readonly KubeObject[], key: ResourceKey): KubeObject[] {
  const start = findByKey(resources, key)
  if (!start || (start.kind !== 'Service' && !isWorkload(start))) return []
  const members = new Set<KubeObject>([start])
  const queue = [start]
  while (queue.length > 0) {
    const current = queue.pop() as KubeObject
    for (const other of resources) {
      if (members.has(other)) continue
      if (selects(current, other) || selects(other, current)) {
        members.add(other)
        queue.push(other)
      }
    }
  }
  // Keep resource order so callers see the Service/Deployment in the order the user made them.
  return resources.filter((o) => members.has(o))
}

export function appServices(resources: readonly KubeObject[], key: ResourceKey): KubeObject[] {
  return appMembers(resources, key).filter((o) => o.kind === 'Service')
}

export function appWorkloads(resources: readonly KubeObject[], key: ResourceKey): KubeObject[] {
  return appMembers(resources, key).filter(isWorkload)
}

export interface AppPort {
  name: string
  port: number
}

/** The app's service ports (first Service), as the inspector and the canvas list them. */
export function appPorts(resources: readonly KubeObject[], key: ResourceKey): AppPort[] {
  const service = appServices(resources, key)[0]
  return service ? servicePorts(service) : []
}

function servicePorts(service: KubeObject): AppPort[] {
  return asArray(specOf(service).ports).map((p) => {
    const port = asRecord(p)
    return { name: typeof port.name === 'string' ? port.name : '', port: Number(port.port) }
  })
}

const portsIndexCache = new WeakMap<readonly KubeObject[], (key: ResourceKey) => AppPort[]>()

/**
 * `appPorts` for every key of one resources array, built in one pass (the canvas asks for every node,
 * edge and policy target): the app groups are the canvas's (canvasIds.appNodeIds, the same selection
 * relation as appMembers), and a group's ports are those of its first Service in resource order.
 * NOTE the arrays returned are shared: do not mutate.
 */
export function appPortsIndex(resources: readonly KubeObject[]): (key: ResourceKey) => AppPort[] {
  const cached = portsIndexCache.get(resources)
  if (cached) return cached
  const groups = appNodeIds(resources)
  const firstService = new Map<string, KubeObject>()
  const firstWithKey = new Map<ResourceKey, KubeObject>()
  for (const o of resources) {
    const key = keyOf(o)
    if (!firstWithKey.has(key)) firstWithKey.set(key, o)
    const group = groups.get(key)
    if (o.kind === 'Service' && group !== undefined && !firstService.has(group)) firstService.set(group, o)
  }
  const portsOfGroup = new Map<string, AppPort[]>()
  const index = (key: ResourceKey): AppPort[] => {
    const start = firstWithKey.get(key)
    if (!start || (start.kind !== 'Service' && !isWorkload(start))) return []
    const group = groups.get(key) as string
    const service = firstService.get(group)
    if (!service) return []
    let ports = portsOfGroup.get(group)
    if (!ports) portsOfGroup.set(group, (ports = servicePorts(service)))
    return ports
  }
  portsIndexCache.set(resources, index)
  return index
}

/** The name the user sees for an app: its Service's name, else its workload's. */
export function appName(resources: readonly KubeObject[], key: ResourceKey): string {
  const members = appMembers(resources, key)
  return (members.find((o) => o.kind === 'Service') ?? members[0])?.metadata.name ?? ''
}

/** The key that stands for the whole app (the first workload, else the Service). */
export function appKey(resources: readonly KubeObject[], key: ResourceKey): ResourceKey {
  const members = appMembers(resources, key)
  const lead = members.find(isWorkload) ?? members[0]
  return lead ? keyOf(lead) : key
}
