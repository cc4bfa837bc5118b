/**
 * Where a namespace box that an edit just created goes, when the user dropped something outside
 * every box: at the drop point, clear of the cluster-scoped row and the mesh marker (boxes are
 * then separated by makeRoom).
 */
import type { XYPosition } from '@xyflow/react'
import { canvasNodes, NODE_SIZE, useDesignerStore } from '../../store'
import { makeRoom } from './makeRoom'
import { MESH_MARKER, meshMarkerPosition } from './toFlow'

interface Rect {
  x: number
  y: number
  width: number
  height: number
}

const hits = (a: Rect, b: Rect) => a.x < b.x + b.width + 24 && b.x < a.x + a.width + 24 && a.y < b.y + b.height + 24 && b.y < a.y + a.height + 24

export function placeNewBox(namespace: string, at: XYPosition): void {
  const { layout, resources, resizeNamespace } = useDesignerStore.getState()
  const box = layout.namespaces[namespace]
  if (!box) return
  const obstacles: Rect[] = [
    { ...meshMarkerPosition(layout), width: MESH_MARKER.width, height: MESH_MARKER.height },
    ...canvasNodes(resources).nodes.flatMap((n) => (n.namespace === undefined && layout.positions[n.id] ? [{ ...(layout.positions[n.id] as XYPosition), ...NODE_SIZE }] : [])),
  ]
  const next = { ...box, x: at.x - 20, y: at.y - 17 }
  while (obstacles.some((o) => hits(next, o))) next.x += 40
  resizeNamespace(namespace, next)
  makeRoom(namespace)
}
