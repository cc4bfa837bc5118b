import { Handle, Position, type NodeProps } from '@xyflow/react'
import { SOURCE_HANDLE, SOURCE_HANDLE_RIGHT, TARGET_HANDLE, TARGET_HANDLE_RIGHT, type ResourceNode as ResourceNodeType } from '../flowTypes'
import { NodeIcon } from '../icons'
import { ProblemBadge } from './ProblemBadge'

/** Kind tags short enough for a 180px node (the title gives the full kind). */
const SHORT: Record<string, string> = { Gateway: 'GW', VirtualService: 'VS', PeerAuthentication: 'PeerAuthn', RequestAuthentication: 'RequestAuthn', AuthorizationPolicy: 'AuthzPolicy' }

/** Modern security policies act on targets like a Policy: they are edge sources. */
const MODERN = new Set(['PeerAuthentication', 'RequestAuthentication', 'AuthorizationPolicy'])

/** Gateways (a connection target), VirtualServices (a source), and any other object (plain). */
export function ResourceNode({ data, selected }: NodeProps<ResourceNodeType>) {
  const icon = data.kind === 'Gateway' ? 'gateway' : data.kind === 'VirtualService' ? 'route' : MODERN.has(data.kind) ? 'policy' : 'object'
  return (
    <div className={`cnode cnode--${icon}${selected ? ' is-selected' : ''}`} data-testid={`canvas.node.${data.key}`}>
      {data.kind === 'Gateway' && (
        <>
          <Handle type="target" id={TARGET_HANDLE} position={Position.Left} isConnectableStart={false} />
          <Handle type="target" id={TARGET_HANDLE_RIGHT} position={Position.Right} isConnectableStart={false} />
        </>
      )}
      <div className="cnode__title">
        <span className="cnode__kind-icon">
          <NodeIcon name={icon} />
        </span>
        <span className="cnode__name" title={data.key}>
          {data.name}
        </span>
        <span className="cnode__kind" title={data.kind}>{SHORT[data.kind] ?? data.kind}</span>
      </div>
      <div className="cnode__row">
        <span className="cnode__muted cnode__host" title={data.summary}>
          {data.summary}
        </span>
      </div>
      {(data.kind === 'VirtualService' || MODERN.has(data.kind)) && (
        <>
          <Handle type="source" id={SOURCE_HANDLE} position={Position.Left} />
          <Handle type="source" id={SOURCE_HANDLE_RIGHT} position={Position.Right} />
        </>
      )}
      <ProblemBadge problems={data.problems} />
    </div>
  )
}
