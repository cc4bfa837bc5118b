import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react'
import type { DesignerEdge } from '../flowTypes'

/** A relation drawn as a bezier; selected edges are emphasised (Delete detaches them). */
export function RelationEdge(props: EdgeProps<DesignerEdge>) {
  const [path, labelX, labelY] = getBezierPath(props)
  const label = props.data?.label
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} interactionWidth={16} className={props.selected ? 'is-selected' : ''} />
      {label && (
        <EdgeLabelRenderer>
          <div className="edge-label nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  )
}
