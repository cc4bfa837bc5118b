/**
 * The design canvas: namespaces as boxes, apps and Istio objects as nodes, what acts on what as
 * edges. Gestures become commands (store/commands); the store's state is the only truth.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStore } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useDesignerStore } from '../../store'
import { Inspector } from '../inspector'
import type { PaletteKind } from '../../store/commands'
import { CanvasNoticeBar } from './CanvasNoticeBar'
import { createAt } from './createAt'
import type { DesignerEdge, DesignerNode } from './flowTypes'
import { edgeTypes, nodeTypes } from './nodeTypes'
import { OVERVIEW_MIN_NODES, OVERVIEW_ZOOM, overviewNodes } from './overview'
import { isPaletteKind, onCreateRequest, PALETTE_MIME } from './paletteChannel'
import { pickTarget, portUnder } from './spots'
import { useFlowState } from './useFlowState'
import { useFitOnLoad } from './useFitOnLoad'
import { useGestures } from './useGestures'
import './canvas.css'
import './canvasParts.css'

const DELETE_KEYS = ['Delete', 'Backspace']
const NO_EDGES: DesignerEdge[] = []

/** The store's selection for a node (the mesh marker is not selectable). */
function selectNode(node: DesignerNode): void {
  const { select, selection } = useDesignerStore.getState()
  if (node.type === 'mesh') return
  if (node.type === 'namespace') {
    if (selection.kind !== 'namespace' || selection.name !== node.data.name) select({ kind: 'namespace', name: node.data.name })
  } else if (selection.kind !== 'resource' || selection.key !== node.id) select({ kind: 'resource', key: node.id })
}

function CanvasFlow() {
  const { nodes, edges, onNodesChange, onEdgesChange, resetLocal } = useFlowState(selectNode)
  const gestures = useGestures(resetLocal)
  const flow = useReactFlow<DesignerNode, DesignerEdge>()
  const wrapper = useRef<HTMLDivElement>(null)
  const select = useDesignerStore((s) => s.select)
  const fitting = useFitOnLoad()
  // Big designs: only what is on screen is drawn, and zoomed out only the namespace boxes with counts
  // (also while a newly loaded design waits to be framed: it is about to be seen zoomed out).
  const big = nodes.length > OVERVIEW_MIN_NODES
  const zoomedOut = useStore((s) => s.transform[2] < OVERVIEW_ZOOM)
  const overview = big && (zoomedOut || fitting)
  const shownNodes = useMemo(() => (overview ? overviewNodes(nodes) : nodes), [overview, nodes])

  const createAtPoint = useCallback(
    (kind: PaletteKind, clientX: number, clientY: number, exact: boolean) => {
      const at = flow.screenToFlowPosition({ x: clientX, y: clientY })
      const under = flow.getIntersectingNodes({ x: at.x, y: at.y, width: 1, height: 1 })
      createAt(kind, exact || kind === 'namespace' ? at : undefined, pickTarget(under, exact ? portUnder(clientX, clientY) : undefined))
    },
    [flow],
  )

  // A click in the palette: create at the centre of the visible canvas.
  useEffect(
    () =>
      onCreateRequest((kind) => {
        const rect = wrapper.current?.getBoundingClientRect()
        if (rect) createAtPoint(kind, rect.left + rect.width / 2, rect.top + rect.height / 2, false)
      }),
    [createAtPoint],
  )

  const onDragOver = useCallback((event: React.DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'copy'
  }, [])

  const onDrop = useCallback(
    (event: React.DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME)
      if (!isPaletteKind(kind)) return
      event.preventDefault()
      createAtPoint(kind, event.clientX, event.clientY, true)
    },
    [createAtPoint],
  )


  return (
    <div className="designer-canvas" ref={wrapper} data-testid="canvas">
      <ReactFlow<DesignerNode, DesignerEdge>
        nodes={shownNodes}
        edges={overview ? NO_EDGES : edges}
        onlyRenderVisibleElements={big}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={gestures.onNodeDragStop}
        onConnect={gestures.onConnect}
        onReconnect={gestures.onReconnect}
        onBeforeDelete={gestures.onBeforeDelete}
        onNodeClick={(_, node) => selectNode(node)}
        onPaneClick={() => select({ kind: 'none' })}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={DELETE_KEYS}
        edgesReconnectable
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
        minZoom={0.2}
        maxZoom={2}
        aria-label="Design canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
      <CanvasNoticeBar />
      <Inspector />
    </div>
  )
}

/** The canvas; brings its own ReactFlowProvider (a shell-level one is fine too). */
export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasFlow />
    </ReactFlowProvider>
  )
}
