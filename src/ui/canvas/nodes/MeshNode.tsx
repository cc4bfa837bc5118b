import { Handle, Position } from '@xyflow/react'
import { TARGET_HANDLE, TARGET_HANDLE_RIGHT } from '../flowTypes'
import { NodeIcon } from '../icons'

/** The whole mesh: what the MeshPolicy and `*.local` rules act on; drop a rule here to make it mesh-wide. */
export function MeshNode() {
  return (
    <div className="mesh-node" data-testid="canvas.mesh" title="The whole mesh: MeshPolicy and *.local DestinationRules act here">
      <Handle type="target" id={TARGET_HANDLE} position={Position.Left} isConnectableStart={false} />
      <Handle type="target" id={TARGET_HANDLE_RIGHT} position={Position.Right} isConnectableStart={false} />
      <NodeIcon name="mesh" />
      <span className="mesh-node__text">
        <strong>Mesh</strong>
        <span>all namespaces</span>
      </span>
    </div>
  )
}
