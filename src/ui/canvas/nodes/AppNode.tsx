import { Handle, Position, type NodeProps } from '@xyflow/react'
import { setAppSidecar } from '../../../store/commands'
import { portHandleId, TARGET_HANDLE, TARGET_HANDLE_RIGHT, type AppNode as AppNodeType } from '../flowTypes'
import { NodeIcon } from '../icons'
import { runEdit } from '../../inspector'
import { ProblemBadge } from './ProblemBadge'

/** A Service with its workload(s): ports as chips (each a connection target), and the sidecar switch. */
export function AppNode({ data, selected }: NodeProps<AppNodeType>) {
  const who = `${data.name}.${data.namespace}`
  return (
    <div className={`cnode cnode--app${selected ? ' is-selected' : ''}`} data-testid={`canvas.app.${who}`} data-drop-kind="app">
      <Handle type="target" id={TARGET_HANDLE} position={Position.Left} isConnectableStart={false} />
      <Handle type="target" id={TARGET_HANDLE_RIGHT} position={Position.Right} isConnectableStart={false} />
      <div className="cnode__title">
        <span className={`cnode__role cnode__role--${data.role}`} title={data.role === 'server' ? 'Server: its workload serves the Service ports' : 'Client: serves no Service port (a grid row)'}>
          <NodeIcon name={data.role} />
        </span>
        <span className="cnode__name" title={who}>
          {data.name}
        </span>
      </div>
      <div className="cnode__row">
        <span className="cnode__ports">
          {data.ports.map((p) => (
            <span
              key={p.port}
              className={`port-chip${p.listening ? '' : ' port-chip--unserved'}${p.listening && !p.served ? ' port-chip--implicit' : ''}`}
              data-port={p.port}
              title={`Service port ${p.port}${p.name ? ` (${p.name})` : ''}${portNote(p)}`}
            >
              {p.port}
              <Handle type="target" id={portHandleId(p.port)} position={Position.Bottom} className="port-chip__handle" isConnectableStart={false} />
            </span>
          ))}
          {data.ports.length === 0 && <span className="cnode__muted">no Service</span>}
        </span>
        {/* Toggling the switch should not also select the node (and open the inspector). */}
        <label className="switch nodrag" title={data.sidecarReason} onClick={(e) => e.stopPropagation()}>
          <input
            type="checkbox"
            role="switch"
            aria-label={`Sidecar for ${who}`}
            checked={data.sidecar === true}
            disabled={data.sidecar === undefined}
            onChange={(e) => runEdit((r) => setAppSidecar(r, data.key, e.currentTarget.checked))}
          />
          <span className="switch__track" aria-hidden="true" />
          <span className="switch__text" aria-hidden="true">
            sidecar
          </span>
        </label>
      </div>
      <ProblemBadge problems={data.problems} />
    </div>
  )
}

/** Rule 24 in the chip's tooltip: declared, listening without a declaration, or refused. */
function portNote(p: { served: boolean; listening: boolean }): string {
  if (p.served) return ''
  if (p.listening) return ': the pod declares no container ports, so it listens on the target port anyway (R24)'
  return ': no container listens on its target port, so connections are refused (R24)'
}
