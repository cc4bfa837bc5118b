import { Handle, Position, type NodeProps } from '@xyflow/react'
import { SOURCE_HANDLE, SOURCE_HANDLE_RIGHT, type RuleNode as RuleNodeType } from '../flowTypes'
import { NodeIcon } from '../icons'
import { shortHost } from '../summaries'
import { ProblemBadge } from './ProblemBadge'

/** A DestinationRule: the TLS its clients send, the host it selects, and port overrides. */
export function RuleNode({ data, selected }: NodeProps<RuleNodeType>) {
  return (
    <div className={`cnode cnode--rule${selected ? ' is-selected' : ''}`} data-testid={`canvas.node.${data.key}`}>
      <div className="cnode__title">
        <span className="cnode__kind-icon">
          <NodeIcon name="rule" />
        </span>
        <span className="cnode__name" title={data.key}>
          {data.name}
        </span>
        <span className="cnode__kind" title="DestinationRule">DR</span>
      </div>
      <div className="cnode__row">
        <span className={`mode mode--tls-${data.tls.toLowerCase()}`}>{data.tls === 'none' ? 'no TLS' : data.tls}</span>
        <span className="cnode__muted cnode__host" title={data.host}>
          {shortHost(data.host) || 'no host'}
          {data.portLevel > 0 && ` · +${data.portLevel} port${data.portLevel === 1 ? '' : 's'}`}
        </span>
      </div>
      <Handle type="source" id={SOURCE_HANDLE} position={Position.Left} />
      <Handle type="source" id={SOURCE_HANDLE_RIGHT} position={Position.Right} />
      <ProblemBadge problems={data.problems} />
    </div>
  )
}
