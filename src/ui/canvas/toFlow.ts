/**
 * Resources + layout + model → React Flow nodes and edges. Pure: the canvas renders its output and
 * sends gestures back as commands; nothing here is kept as state.
 */
import { isPortServed, listTargets, type KubeObject, type Model, type ResourceKey } from '../../engine'
import { canvasNodes, namespaceNodeId, type CanvasNode } from '../../store/canvasIds'
import { appPortsIndex, keyOf, namespaceInjection, type AppPort } from '../../store/commands'
import { NODE_SIZE, placeNewNodes } from '../../store/placeNodes'
import type { Layout, Selection } from '../../store/types'
import type { DesignerEdge, DesignerNode, NodeProblems } from './flowTypes'
import { MESH_NODE_ID } from './flowTypes'
import { policyFace, resourceSummary, ruleFace } from './summaries'
import { toEdges, type Span } from './toEdges'

export interface Flow {
  nodes: DesignerNode[]
  edges: DesignerEdge[]
}

const APP_KINDS = new Set(['Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod'])
/** The mesh marker sits above the row of cluster-scoped nodes (placeNodes puts that row at y < 0). */
export const MESH_MARKER = { width: 148, height: 44, y: -NODE_SIZE.height - 48 - 44 - 28 }

function problemsByKey(model: Model): Map<ResourceKey, NodeProblems> {
  const out = new Map<ResourceKey, NodeProblems>()
  for (const d of model.diagnostics) {
    if (!d.resource || (d.severity !== 'error' && d.severity !== 'warning')) continue
    const seen = out.get(d.resource)
    const severity = seen?.severity === 'error' || d.severity === 'error' ? 'error' : 'warning'
    out.set(d.resource, { severity, messages: [...(seen?.messages ?? []), d.message] })
  }
  return out
}

function mergeProblems(keys: readonly ResourceKey[], byKey: Map<ResourceKey, NodeProblems>): NodeProblems | undefined {
  const found = keys.flatMap((k) => (byKey.get(k) ? [byKey.get(k) as NodeProblems] : []))
  if (found.length === 0) return undefined
  return { severity: found.some((p) => p.severity === 'error') ? 'error' : 'warning', messages: found.flatMap((p) => p.messages) }
}

function isSelected(node: CanvasNode, selection: Selection | undefined): boolean {
  return selection?.kind === 'resource' && node.members.includes(selection.key)
}

/** What toFlow looks up per node, indexed once per call (the derivation stays linear in the design). */
interface FlowIndex {
  objects: Map<ResourceKey, KubeObject>
  /** The model's workloads by key, with their order in the mesh. */
  workloads: Map<ResourceKey, { at: number; workload: Model['mesh']['workloads'][number] }>
  portsOf(key: ResourceKey): AppPort[]
  /** Ports some pod declares (the task's columns). */
  served: Set<string>
  /** Ports something listens on (rule 24: a pod that declares no ports listens on every target port). */
  listening: Set<string>
}

/** The node's first workload in the mesh's order (what `mesh.workloads.filter(in members)[0]` was). */
function firstWorkload(node: CanvasNode, index: FlowIndex) {
  let best: { at: number; workload: Model['mesh']['workloads'][number] } | undefined
  for (const key of node.members) {
    const hit = index.workloads.get(key)
    if (hit && (!best || hit.at < best.at)) best = hit
  }
  return best?.workload
}

function childNode(node: CanvasNode, index: FlowIndex): DesignerNode {
  const { objects, served, listening } = index
  const lead = objects.get(node.members[0] as string) as KubeObject
  const base = { id: node.id, position: { x: 0, y: 0 } }
  const members = node.members.map((k) => objects.get(k) as KubeObject)
  if (members.some((o) => APP_KINDS.has(o.kind))) {
    const service = members.find((o) => o.kind === 'Service')
    const workload = firstWorkload(node, index)
    const serviceKey = service ? keyOf(service) : ''
    const ports = index.portsOf(node.id).map((p) => ({ ...p, served: served.has(`${serviceKey}|${p.port}`), listening: listening.has(`${serviceKey}|${p.port}`) }))
    const data = {
      key: node.id,
      name: (service ?? lead).metadata.name,
      namespace: node.namespace ?? '',
      role: ports.some((p) => p.served) ? ('server' as const) : ('client' as const),
      hasService: service !== undefined,
      ports,
      sidecar: workload?.sidecar,
      sidecarReason: workload?.sidecarReason ?? 'no admitted workload',
    }
    return { ...base, type: 'app', data }
  }
  if (lead.kind === 'Policy' || lead.kind === 'MeshPolicy') {
    return { ...base, type: 'policy', data: { key: node.id, kind: lead.kind, name: lead.metadata.name, ...policyFace(lead) } }
  }
  if (lead.kind === 'DestinationRule') return { ...base, type: 'rule', data: { key: node.id, name: lead.metadata.name, ...ruleFace(lead) } }
  return { ...base, type: 'resource', data: { key: node.id, kind: lead.kind, name: lead.metadata.name, summary: resourceSummary(lead) } }
}

/**
 * Top-left of the mesh marker: above the cluster-scoped row and above every namespace box (a box moved
 * or grown upwards never covers it: it is the drop target for mesh-wide rules), at the left of the design.
 */
export function meshMarkerPosition(layout: Layout): { x: number; y: number } {
  const boxes = Object.values(layout.namespaces)
  return { x: Math.min(0, ...boxes.map((b) => b.x)), y: Math.min(MESH_MARKER.y, ...boxes.map((b) => b.y - MESH_MARKER.height - 24)) }
}

/**
 * @example const { nodes, edges } = toFlow(state.resources, state.layout, state.model, state.selection)
 */
export function toFlow(resources: readonly KubeObject[], layout: Layout, model: Model, selection?: Selection): Flow {
  const placed = placeNewNodes(resources, layout)
  const { nodes: items, namespaces } = canvasNodes(resources)
  const objects = new Map(resources.map((o) => [keyOf(o), o]))
  const problems = problemsByKey(model)
  // The grid's columns: service ports some workload serves (the engine decides).
  const served = new Set(listTargets(model.mesh).map((t) => `${t.service.key}|${t.port.number}`))
  const listening = new Set(
    listTargets(model.mesh, { includeUnserved: true })
      .filter((t) => isPortServed(t.service, t.port))
      .map((t) => `${t.service.key}|${t.port.number}`),
  )
  const declared = new Set<string>()
  const namespaceObjects: KubeObject[] = []
  for (const o of resources) {
    if (o.kind !== 'Namespace' || declared.has(o.metadata.name)) continue
    declared.add(o.metadata.name)
    namespaceObjects.push(o)
  }
  const workloads: FlowIndex['workloads'] = new Map()
  model.mesh.workloads.forEach((workload, at) => {
    if (!workloads.has(workload.key)) workloads.set(workload.key, { at, workload })
  })
  const index: FlowIndex = { objects, workloads, portsOf: appPortsIndex(resources), served, listening }
  // namespaceInjection reads the first Namespace object of that name: ask it with that object alone.
  const injection = new Map(namespaceObjects.map((o) => [o.metadata.name, namespaceInjection([o], o.metadata.name)]))

  const groups: DesignerNode[] = namespaces.map((name) => {
    const box = placed.namespaces[name] ?? { x: 0, y: 0, width: 228, height: 128 }
    const id = namespaceNodeId(name)
    const nsProblems = mergeProblems([keyOf({ kind: 'Namespace', metadata: { name } })], problems)
    return {
      id,
      type: 'namespace',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { name, injection: injection.get(name) ?? false, declared: declared.has(name), ...(nsProblems ? { problems: nsProblems } : {}) },
      selected: selection?.kind === 'namespace' ? selection.name === name : selection?.kind === 'resource' && selection.key === `Namespace//${name}`,
      dragHandle: '.ns-node__header',
      zIndex: 0,
    }
  })

  const children = items.map((item): DesignerNode => {
    const node = childNode(item, index)
    const nodeProblems = mergeProblems(item.members, problems)
    const position = placed.positions[item.id] ?? { x: 0, y: 0 }
    const inBox = item.namespace !== undefined
    return {
      ...node,
      position,
      data: { ...node.data, ...(nodeProblems ? { problems: nodeProblems } : {}) },
      selected: isSelected(item, selection),
      ...(inBox ? { parentId: namespaceNodeId(item.namespace as string) } : {}),
      // Apps stay in their namespace; policies and rules may be dragged onto another one to move them.
      ...(inBox && node.type === 'app' ? { extent: 'parent' as const } : {}),
    } as DesignerNode
  })

  const mesh: DesignerNode = {
    id: MESH_NODE_ID,
    type: 'mesh',
    position: meshMarkerPosition(placed),
    data: {},
    draggable: false,
    selectable: false,
    // Drawn over the namespace boxes, so nothing hides it.
    zIndex: 1000,
  }
  const itemById = new Map(items.map((n) => [n.id, n]))
  const span: Span = (id) => {
    if (id === MESH_NODE_ID) return { x: mesh.position.x, width: MESH_MARKER.width }
    if (id.startsWith('ns:')) {
      const box = placed.namespaces[id.slice(3)]
      return box && { x: box.x, width: box.width }
    }
    const item = itemById.get(id)
    const at = placed.positions[id]
    if (!item || !at) return undefined
    const box = item.namespace === undefined ? undefined : placed.namespaces[item.namespace]
    return { x: at.x + (box?.x ?? 0), width: NODE_SIZE.width }
  }
  // Parents must come before their children (React Flow requirement).
  return { nodes: [mesh, ...groups, ...children], edges: toEdges(resources, items, span) }
}
