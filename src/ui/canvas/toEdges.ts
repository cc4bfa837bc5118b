/** The edges of the canvas: one per relation the commands find (policy/rule targets, ingress links). */
import type { KubeObject } from '../../engine'
import { appNodeIds, namespaceNodeId, type CanvasNode } from '../../store/canvasIds'
import { appPortsIndex, keyFor, relationsOf, type AttachTarget, type Relation } from '../../store/commands'
import { MESH_NODE_ID, portHandleId, SOURCE_HANDLE, SOURCE_HANDLE_RIGHT, TARGET_HANDLE, TARGET_HANDLE_RIGHT, type DesignerEdge } from './flowTypes'

interface End {
  node: string
  handle: string
}

/** Where a target is drawn: the mesh marker, a namespace box, or an app node (at its port handle). */
function endOf(target: AttachTarget, resources: readonly KubeObject[], nodeIds: Set<string>): End | undefined {
  if (target.kind === 'mesh') return { node: MESH_NODE_ID, handle: TARGET_HANDLE }
  if (target.kind === 'namespace') {
    const node = namespaceNodeId(target.ns)
    return nodeIds.has(node) ? { node, handle: TARGET_HANDLE } : undefined
  }
  const serviceKey = keyFor('Service', target.ns, target.service)
  const node = appNodeIds(resources).get(serviceKey) ?? serviceKey
  if (!nodeIds.has(node)) return undefined
  const hasPort = target.kind === 'port' && appPortsIndex(resources)(serviceKey).some((p) => p.port === target.port)
  return { node, handle: hasPort && target.kind === 'port' ? portHandleId(target.port) : TARGET_HANDLE }
}

/** Horizontal extent of a node in canvas coordinates (left edge and width). */
export type Span = (id: string) => { x: number; width: number } | undefined

/**
 * Which sides an edge leaves and enters by: facing each other when the nodes are side by side,
 * both on the left (a bracket) when one sits above the other. Ports, namespace headers and the
 * mesh marker have one fixed handle; only the source side is chosen then.
 */
function sides(source: string, end: End, span: Span): { sourceHandle: string; targetHandle: string } {
  const s = span(source)
  const t = span(end.node)
  if (!s || !t) return { sourceHandle: SOURCE_HANDLE, targetHandle: end.handle }
  const onNode = !end.node.startsWith('ns:')
  // A namespace's handle is at its left edge; other ends are compared by their centres.
  const targetX = end.node.startsWith('ns:') ? t.x : t.x + t.width / 2
  const sourceX = s.x + s.width / 2
  const reach = s.width / 2 + (onNode ? t.width / 2 : 0)
  // Side by side, an edge to a port chip would cut through its node: it ends at the facing side instead.
  if (onNode && targetX > sourceX + reach) return { sourceHandle: SOURCE_HANDLE_RIGHT, targetHandle: TARGET_HANDLE }
  if (onNode && targetX < sourceX - reach) return { sourceHandle: SOURCE_HANDLE, targetHandle: TARGET_HANDLE_RIGHT }
  if (!onNode && targetX > sourceX + reach) return { sourceHandle: SOURCE_HANDLE_RIGHT, targetHandle: end.handle }
  return { sourceHandle: SOURCE_HANDLE, targetHandle: end.handle }
}

function edgeClass(relation: Relation): string {
  return `relation-edge relation-edge--${relation.kind}`
}

export function toEdges(resources: readonly KubeObject[], items: readonly CanvasNode[], span: Span = () => undefined): DesignerEdge[] {
  const nodeIds = new Set([MESH_NODE_ID, ...items.map((n) => n.id), ...items.flatMap((n) => (n.namespace ? [namespaceNodeId(n.namespace)] : []))])
  for (const o of resources) if (o.kind === 'Namespace') nodeIds.add(namespaceNodeId(o.metadata.name))
  const edges: DesignerEdge[] = []
  const seen = new Set<string>()
  for (const relation of relationsOf(resources)) {
    if (!nodeIds.has(relation.from)) continue
    const end: End | undefined =
      relation.kind === 'gateway' ? (nodeIds.has(relation.gateway) ? { node: relation.gateway, handle: TARGET_HANDLE } : undefined) : endOf(relation.target, resources, nodeIds)
    if (!end) continue
    const id = `${relation.kind}|${relation.from}|${end.node}|${end.handle}|${relation.kind === 'route' ? relation.index : ''}`
    if (seen.has(id)) continue
    seen.add(id)
    edges.push({
      id,
      type: 'relation',
      source: relation.from,
      target: end.node,
      ...sides(relation.from, end, span),
      className: edgeClass(relation),
      reconnectable: true,
      zIndex: 1,
      data: {
        relation: relation.kind,
        from: relation.from,
        ...(relation.kind === 'gateway' ? { gateway: relation.gateway } : { target: relation.target }),
        ...(relation.kind === 'route' ? { index: relation.index } : {}),
      },
    })
  }
  return edges
}
