import { Handle, Position, type NodeProps } from '@xyflow/react'
import { SOURCE_HANDLE, SOURCE_HANDLE_RIGHT, type PolicyNode as PolicyNodeType } from '../flowTypes'
import { NodeIcon } from '../icons'
import { ProblemBadge } from './ProblemBadge'

const MODE_TEXT = { STRICT: 'STRICT', PERMISSIVE: 'PERMISSIVE', none: 'no mTLS' } as const

/** A Policy or MeshPolicy: mTLS mode and how many JWT origins it requires. */
export function PolicyNode({ data, selected }: NodeProps<PolicyNodeType>) {
  return (
    <div className={`cnode cnode--policy${selected ? ' is-selected' : ''}`} data-testid={`canvas.node.${data.key}`}>
      <div className="cnode__title">
        <span className="cnode__kind-icon">
          <NodeIcon name="policy" />
        </span>
        <span className="cnode__name" title={data.key}>
          {data.name}
        </span>
        <span className="cnode__kind" title={data.kind}>{data.kind === 'MeshPolicy' ? 'Mesh' : 'Policy'}</span>
      </div>
      <div className="cnode__row">
        <span className={`mode mode--${data.mtls.toLowerCase()}`}>{MODE_TEXT[data.mtls]}</span>
        <span className="cnode__muted">
          {data.origins} {data.origins === 1 ? 'origin' : 'origins'}
        </span>
      </div>
      <Handle type="source" id={SOURCE_HANDLE} position={Position.Left} />
      <Handle type="source" id={SOURCE_HANDLE_RIGHT} position={Position.Right} />
      <ProblemBadge problems={data.problems} />
    </div>
  )
}
