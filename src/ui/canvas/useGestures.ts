/**
 * Canvas gestures → store: drags move layout or attach (dropping a policy/rule on an app, port,
 * namespace or the mesh), connections and reconnections attach, deletions detach or delete.
 */
import { useCallback } from 'react'
import { useReactFlow, type Connection, type Edge, type Node, type OnBeforeDelete, type OnConnect, type OnReconnect } from '@xyflow/react'
import { useDesignerStore } from '../../store'
import { attachTo, deleteCascade, deleteNamespace, detachEdge, followKey, isEditError, reconnectEdge, type DropTarget, type EdgeRef } from '../../store/commands'
import type { KubeObject } from '../../engine'
import type { DesignerEdge, DesignerNode } from './flowTypes'
import { runEdit } from '../inspector'
import { growToHold, makeRoom } from './makeRoom'
import { pickTarget, portUnder, targetOfHandle } from './spots'

const ATTACHABLE = new Set(['policy', 'rule'])

function sameTarget(a: DropTarget, b: DropTarget | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function useGestures(resetLocal: () => void) {
  const flow = useReactFlow<DesignerNode, DesignerEdge>()

  const profile = () => useDesignerStore.getState().options.profile

  /** Re-attaching renames/moves objects: keep the node where it was dropped, in its new box. */
  const attachDragged = useCallback(
    (node: Node, target: DropTarget) => {
      const absolute = flow.getInternalNode(node.id)?.internals.positionAbsolute ?? node.position
      const before = useDesignerStore.getState().resources
      const after = runEdit((r) => attachTo(r, node.id, target, profile()))
      if (!after) return resetLocal()
      const key = followKey(before, after, node.id) ?? node.id
      const ns = key.split('/')[1] ?? ''
      const box = useDesignerStore.getState().layout.namespaces[ns]
      if (!box) return
      const position = { x: Math.max(12, absolute.x - box.x), y: Math.max(44, absolute.y - box.y) }
      useDesignerStore.getState().moveNode(key, position)
      growToHold(ns, position)
      makeRoom(ns)
    },
    [flow, resetLocal],
  )

  /** A drag ends: a move (and the room other boxes make), or an attach; one undo step in all. */
  const dragStopped = useCallback(
    (event: MouseEvent | TouchEvent, node: DesignerNode) => {
      const store = useDesignerStore.getState()
      if (node.type === 'namespace') {
        const name = node.data.name
        const box = store.layout.namespaces[name]
        if (box) store.resizeNamespace(name, { ...box, x: node.position.x, y: node.position.y })
        return makeRoom(name)
      }
      const canAttach = ATTACHABLE.has(node.type ?? '') || (node.type === 'resource' && node.id.startsWith('VirtualService/'))
      if (canAttach) {
        // What is under the pointer decides, not whatever the node's rectangle happens to touch.
        const point = 'changedTouches' in event ? event.changedTouches[0] : event
        if (!point) return
        const at = flow.screenToFlowPosition({ x: point.clientX, y: point.clientY })
        const candidates = flow.getIntersectingNodes({ x: at.x, y: at.y, width: 1, height: 1 }).filter((n) => n.id !== node.id)
        const target = pickTarget(candidates, portUnder(point.clientX, point.clientY))
        const leftBox = node.parentId !== undefined && !flow.getIntersectingNodes(node).some((n) => n.id === node.parentId)
        const current = flow.getEdges().filter((e) => e.source === node.id).map((e) => e.data?.target ?? (e.data?.gateway ? { kind: 'gateway', key: e.data.gateway } : undefined))
        const ownBox = target?.kind === 'namespace' && `ns:${target.ns}` === node.parentId
        if (target && !ownBox && !current.some((t) => t && sameTarget(target, t as DropTarget))) return attachDragged(node, target)
        // Dropped outside its namespace on nothing: snap back rather than leave it floating.
        if (leftBox) return resetLocal()
      }
      store.moveNode(node.id, node.position)
    },
    [flow, attachDragged, resetLocal],
  )

  const onNodeDragStop = useCallback((event: MouseEvent | TouchEvent, node: DesignerNode) => useDesignerStore.getState().gesture(() => dragStopped(event, node)), [dragStopped])

  const onConnect: OnConnect = useCallback(
    (connection: Connection) => {
      const target = targetOfHandle(flow.getNode(connection.target), connection.targetHandle)
      if (!target) return
      runEdit((r) => attachTo(r, connection.source, target, profile(), true))
    },
    [flow],
  )

  const onReconnect: OnReconnect<DesignerEdge> = useCallback(
    (oldEdge, connection) => {
      const target = targetOfHandle(flow.getNode(connection.target), connection.targetHandle)
      if (!target || !oldEdge.data) return resetLocal()
      if (!runEdit((r) => reconnectEdge(r, oldEdge.data as EdgeRef, target, profile()))) resetLocal()
    },
    [flow, resetLocal],
  )

  /** React Flow never deletes by itself: the store does, through the commands. */
  const onBeforeDelete: OnBeforeDelete<DesignerNode, DesignerEdge> = useCallback(
    async ({ nodes, edges }) => {
      const doomed = nodes.filter((n) => n.type !== 'mesh')
      if (doomed.length > 0) {
        runEdit((resources) =>
          doomed.reduce<KubeObject[]>((r, n) => (n.type === 'namespace' ? deleteNamespace(r, n.data.name) : deleteCascade(r, n.id)), [...resources]),
        )
        return false
      }
      runEdit((resources) => {
        let r: ReturnType<typeof detachEdge> = [...resources]
        for (const edge of edges as Edge[]) if (!isEditError(r) && edge.data) r = detachEdge(r, edge.data as unknown as EdgeRef)
        return r
      })
      return false
    },
    [],
  )

  return { onNodeDragStop, onConnect, onReconnect, onBeforeDelete }
}
