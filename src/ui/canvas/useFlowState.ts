/**
 * Local React Flow state mirroring the store: nodes move smoothly while dragged, and the store is
 * told once, on drop. Whenever the store's derived flow changes, local state resets to it (keeping
 * which edges are selected, which only React Flow knows), in the same render (no effect, so an
 * edit is one render), and nodes and edges that did not change keep their objects (keepUnchanged).
 */
import { useCallback, useMemo, useRef, useState } from 'react'
import { applyEdgeChanges, applyNodeChanges, type OnEdgesChange, type OnNodesChange } from '@xyflow/react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import type { DesignerEdge, DesignerNode } from './flowTypes'
import { keepUnchangedEdges, keepUnchangedNodes } from './keepUnchanged'
import { toFlow } from './toFlow'

/** `onSelect`: React Flow selected one node (click or Enter on a focused node); the store follows. */
export function useFlowState(onSelect: (node: DesignerNode) => void) {
  const { resources, layout, model, selection } = useDesignerStore(
    useShallow((s) => ({ resources: s.resources, layout: s.layout, model: s.model, selection: s.selection })),
  )
  const flow = useMemo(() => toFlow(resources, layout, model, selection), [resources, layout, model, selection])
  const [nodes, setNodes] = useState<DesignerNode[]>(flow.nodes)
  const [edges, setEdges] = useState<DesignerEdge[]>(flow.edges)
  // A new flow resets local state while rendering (React re-runs this component before committing).
  const [seenFlow, setSeenFlow] = useState(flow)
  if (seenFlow !== flow) {
    setSeenFlow(flow)
    setNodes((old) => keepUnchangedNodes(flow.nodes, old))
    setEdges((old) => keepUnchangedEdges(flow.edges, old))
  }
  const current = useRef(nodes)
  current.current = nodes

  const resetLocal = useCallback(() => {
    setNodes((old) => keepUnchangedNodes(flow.nodes, old))
    setEdges(flow.edges)
  }, [flow])

  // Removals go through onBeforeDelete (the store decides); everything else applies locally.
  const onNodesChange: OnNodesChange<DesignerNode> = useCallback(
    (changes) => {
      const picked = changes.filter((c) => c.type === 'select' && c.selected)
      const only = picked.length === 1 && picked[0]?.type === 'select' ? picked[0].id : undefined
      const node = only ? current.current.find((n) => n.id === only) : undefined
      if (node) onSelect(node)
      setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns))
    },
    [onSelect],
  )
  const onEdgesChange: OnEdgesChange<DesignerEdge> = useCallback((changes) => {
    setEdges((es) => applyEdgeChanges(changes.filter((c) => c.type !== 'remove'), es))
  }, [])

  return { nodes, edges, onNodesChange, onEdgesChange, resetLocal }
}
