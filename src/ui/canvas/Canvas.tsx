/**
 * The design canvas: namespaces as boxes, apps and Istio objects as nodes, what acts on what as
 * edges. Gestures become commands (store/commands); the store's state is the only truth.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { Background, BackgroundVariant, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStore } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import { useDesignerStore } from '../../store'
import { Inspector, selectionId, useInspectorState } from '../inspector'
import type { PaletteKind } from '../../store/commands'
import { CanvasNoticeBar } from './CanvasNoticeBar'
import { SelectionBar } from './SelectionBar'
import { createAt, selectedNamespace } from './createAt'
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

  /** Pans so node `id` is inside the part of the canvas no panel covers (when it is not already). */
  const bringIntoView = useCallback(
    (id: string) => {
      const node = flow.getInternalNode(id)
      const area = wrapper.current && visibleArea(wrapper.current)
      if (!node || !area) return
      const at = node.internals.positionAbsolute
      const topLeft = flow.flowToScreenPosition(at)
      const bottomRight = flow.flowToScreenPosition({ x: at.x + (node.measured.width ?? 180), y: at.y + (node.measured.height ?? 64) })
      if (topLeft.x >= area.left && bottomRight.x <= area.right && topLeft.y >= area.top && bottomRight.y <= area.bottom) return
      const viewport = flow.getViewport()
      const dx = (area.left + area.right) / 2 - (topLeft.x + bottomRight.x) / 2
      const dy = (area.top + area.bottom) / 2 - (topLeft.y + bottomRight.y) / 2
      void flow.setViewport({ x: viewport.x + dx, y: viewport.y + dy, zoom: viewport.zoom }, { duration: 150 })
    },
    [flow],
  )

  const createAtPoint = useCallback(
    (kind: PaletteKind, clientX: number, clientY: number, exact: boolean, namespace?: string) => {
      const at = flow.screenToFlowPosition({ x: clientX, y: clientY })
      const under = namespace ? [] : flow.getIntersectingNodes({ x: at.x, y: at.y, width: 1, height: 1 })
      const made = createAt(kind, exact || kind === 'namespace' ? at : undefined, pickTarget(under, exact ? portUnder(clientX, clientY) : undefined), namespace)
      // React Flow measures the new node on its next frames.
      if (made) requestAnimationFrame(() => requestAnimationFrame(() => bringIntoView(made)))
    },
    [flow, bringIntoView],
  )

  /** Opens the inspector on purpose (double-click, Enter); the node it edits moves out from under it. */
  const openInspector = useCallback(() => {
    useInspectorState.getState().open()
    const id = selectionId(useDesignerStore.getState().selection)
    if (id) requestAnimationFrame(() => requestAnimationFrame(() => bringIntoView(id)))
  }, [bringIntoView])

  // A click in the palette: into the selected namespace (or the selected object's), else at the
  // centre of the part of the canvas no panel covers.
  useEffect(
    () =>
      onCreateRequest((kind) => {
        const area = wrapper.current && visibleArea(wrapper.current)
        if (area) createAtPoint(kind, (area.left + area.right) / 2, (area.top + area.bottom) / 2, false, kind === 'namespace' ? undefined : selectedNamespace())
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
    <div
      className="designer-canvas"
      ref={wrapper}
      data-testid="canvas"
      onKeyDown={(e) => {
        // Enter on a selected node opens the inspector (a new node is only selected).
        if (e.key === 'Enter' && (e.target as Element).closest('.react-flow__node')) openInspector()
      }}
    >
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
        // The double-click's first click has selected the node; the second opens the inspector on it.
        onNodeDoubleClick={openInspector}
        onPaneClick={() => select({ kind: 'none' })}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={DELETE_KEYS}
        edgesReconnectable
        fitView
        fitViewOptions={{ padding: 0.12, maxZoom: 1 }}
        // Low enough for Fit View to show a few hundred namespaces at once (drawn as overview boxes).
        minZoom={0.03}
        maxZoom={2}
        aria-label="Design canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
      <CanvasNoticeBar />
      <SelectionBar />
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

/** The canvas's screen rectangle minus the panels laid over its sides (inspector, explanation, drawers). */
function visibleArea(canvas: HTMLElement): { left: number; right: number; top: number; bottom: number } {
  const rect = canvas.getBoundingClientRect()
  let { left, right } = rect
  const pane = canvas.closest('.pane-canvas') ?? canvas
  for (const panel of pane.querySelectorAll<HTMLElement>('.inspector, .explain-drawer, .auth-drawer')) {
    const r = panel.getBoundingClientRect()
    if (r.width === 0 || r.width >= rect.width) continue
    if (r.left - rect.left < rect.right - r.right) left = Math.max(left, r.right)
    else right = Math.min(right, r.left)
  }
  return { left, right, top: rect.top, bottom: rect.bottom }
}
