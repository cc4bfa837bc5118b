/**
 * What is under a point of the canvas: the port chip, app, namespace box or mesh marker there,
 * turned into the commands' vocabulary (AttachTarget / DropTarget).
 */
import type { Node, XYPosition } from '@xyflow/react'
import type { NamespaceBox } from '../../store/types'
import type { AttachTarget, DropTarget } from '../../store/commands'
import { MESH_NODE_ID, type DesignerNode } from './flowTypes'

/** The service port chip under the pointer (port chips carry data-port; nodes carry data-id). */
export function portUnder(clientX: number, clientY: number): { nodeId: string; port: number } | undefined {
  for (const element of document.elementsFromPoint(clientX, clientY)) {
    const chip = element.closest<HTMLElement>('[data-port]')
    const node = chip?.closest<HTMLElement>('.react-flow__node')
    if (chip && node?.dataset.id) return { nodeId: node.dataset.id, port: Number(chip.dataset.port) }
  }
  return undefined
}

/** Node → what dropping on it means; undefined when it is not a place things attach to. */
export function targetOfNode(node: Node | undefined, port?: number): DropTarget | undefined {
  const n = node as DesignerNode | undefined
  if (!n) return undefined
  if (n.type === 'mesh') return { kind: 'mesh' }
  if (n.type === 'namespace') return { kind: 'namespace', ns: n.data.name }
  if (n.type === 'resource' && n.data.kind === 'Gateway') return { kind: 'gateway', key: n.id }
  if (n.type !== 'app' || !n.data.hasService) return undefined
  const service = { ns: n.data.namespace, service: n.data.name }
  return port === undefined ? { kind: 'service', ...service } : { kind: 'port', ...service, port }
}

/** A connection's target (node + handle id) as a DropTarget. */
export function targetOfHandle(node: Node | undefined, handle: string | null | undefined): DropTarget | undefined {
  const port = handle?.startsWith('port:') ? Number(handle.slice(5)) : undefined
  return targetOfNode(node, port)
}

/** The most specific node among those at a point: port > app > gateway > mesh > namespace. */
export function pickTarget(candidates: readonly Node[], port?: { nodeId: string; port: number }): DropTarget | undefined {
  if (port) {
    const target = targetOfNode(candidates.find((n) => n.id === port.nodeId), port.port)
    if (target) return target
  }
  const rank = (n: Node) => (n.type === 'app' ? 0 : n.type === 'resource' ? 1 : n.id === MESH_NODE_ID ? 2 : n.type === 'namespace' ? 3 : 9)
  for (const node of [...candidates].sort((a, b) => rank(a) - rank(b))) {
    const target = targetOfNode(node)
    if (target) return target
  }
  return undefined
}

/** The namespace whose box holds the point, else the nearest box, else Kubernetes' `default`. */
export function namespaceAt(position: XYPosition, boxes: Record<string, NamespaceBox>): { name: string; inside: boolean } {
  let best: { name: string; distance: number } | undefined
  for (const [name, b] of Object.entries(boxes)) {
    const dx = Math.max(b.x - position.x, 0, position.x - (b.x + b.width))
    const dy = Math.max(b.y - position.y, 0, position.y - (b.y + b.height))
    const distance = Math.hypot(dx, dy)
    if (distance === 0) return { name, inside: true }
    if (!best || distance < best.distance) best = { name, distance }
  }
  return { name: best?.name ?? 'default', inside: false }
}

export function isAttachTarget(target: DropTarget | undefined): target is AttachTarget {
  return target !== undefined && target.kind !== 'gateway'
}
