/**
 * Synchronous placement of nodes that have no position yet, so a new object appears on the canvas in
 * the same update that created it. Namespaces are boxes in a row; a box's nodes are stacked in it.
 * Positions of nodes inside a box are relative to the box (React Flow's `parentId` convention);
 * cluster-scoped nodes (a MeshPolicy) sit in a row above the boxes, in canvas coordinates.
 */
import type { KubeObject } from '../engine'
import { canvasNodes } from './canvasIds'
import type { Layout, NamespaceBox, NodePosition } from './types'

export const NODE_SIZE = { width: 180, height: 64 }
export const BOX_PADDING = { top: 40, side: 24, bottom: 24 }
const GAP = 24
const BOX_GAP = 48
const CLUSTER_ROW_Y = -NODE_SIZE.height - BOX_GAP

export const EMPTY_LAYOUT: Layout = { positions: {}, namespaces: {} }

function rightEdge(boxes: Record<string, NamespaceBox>): number {
  const boxList = Object.values(boxes)
  return boxList.length === 0 ? 0 : Math.max(...boxList.map((b) => b.x + b.width)) + BOX_GAP
}

/** The box grows to hold `position` (a node's top-left, relative to the box). */
function fit(box: NamespaceBox, position: NodePosition): NamespaceBox {
  const width = Math.max(box.width, position.x + NODE_SIZE.width + BOX_PADDING.side)
  const height = Math.max(box.height, position.y + NODE_SIZE.height + BOX_PADDING.bottom)
  return width === box.width && height === box.height ? box : { ...box, width, height }
}

/**
 * Keeps every existing position, adds the missing ones, and drops positions of nodes that no longer
 * exist (the layout is per design, not a history: undo brings back the old layout with the objects).
 * Returns `layout` itself when nothing changed, so callers can compare by reference.
 */
export function placeNewNodes(resources: readonly KubeObject[], layout: Layout): Layout {
  const { nodes, namespaces } = canvasNodes(resources)
  const positions: Record<string, NodePosition> = {}
  const boxes: Record<string, NamespaceBox> = {}
  let changed = false
  for (const name of namespaces) {
    const box = layout.namespaces[name]
    if (box) boxes[name] = box
  }
  for (const node of nodes) {
    const position = layout.positions[node.id]
    if (position) positions[node.id] = position
  }
  const bottom: Record<string, number> = {}
  for (const node of nodes) {
    const at = positions[node.id]
    if (at && node.namespace) bottom[node.namespace] = Math.max(bottom[node.namespace] ?? 0, at.y + NODE_SIZE.height)
  }
  // The right edge is found once, then moves with each new box (not rescanned per box).
  let right: number | undefined
  for (const name of namespaces) {
    if (boxes[name]) continue
    right ??= rightEdge(boxes)
    boxes[name] = { x: right, y: 0, width: NODE_SIZE.width + 2 * BOX_PADDING.side, height: BOX_PADDING.top + BOX_PADDING.bottom }
    right += (boxes[name] as NamespaceBox).width + BOX_GAP
    changed = true
  }
  const clusterNodes = nodes.filter((n) => n.namespace === undefined)
  let clusterX = Math.max(0, ...clusterNodes.flatMap((n) => (positions[n.id] ? [(positions[n.id] as NodePosition).x + NODE_SIZE.width + GAP] : [])))
  for (const node of nodes) {
    if (positions[node.id]) continue
    changed = true
    if (node.namespace === undefined) {
      positions[node.id] = { x: clusterX, y: CLUSTER_ROW_Y }
      clusterX += NODE_SIZE.width + GAP
      continue
    }
    const below = bottom[node.namespace]
    const position = { x: BOX_PADDING.side, y: below === undefined ? BOX_PADDING.top : below + GAP }
    positions[node.id] = position
    bottom[node.namespace] = position.y + NODE_SIZE.height
    // Only a box that receives a node grows: a box the user made smaller stays as they left it.
    boxes[node.namespace] = fit(boxes[node.namespace] as NamespaceBox, position)
  }
  const dropped =
    Object.keys(layout.positions).length !== Object.keys(positions).length || Object.keys(layout.namespaces).length !== Object.keys(boxes).length
  return changed || dropped ? { positions, namespaces: boxes } : layout
}
