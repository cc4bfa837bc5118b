import { Handle, NodeResizer, Position, type NodeProps } from '@xyflow/react'
import { useDesignerStore } from '../../../store'
import { TARGET_HANDLE, type NamespaceNode as NamespaceNodeType } from '../flowTypes'
import { NodeIcon } from '../icons'
import { makeRoom } from '../makeRoom'
import { ProblemBadge } from './ProblemBadge'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** A namespace box: drag it by its header, resize it when selected, drop things into it. */
export function NamespaceNode(props: NodeProps<NamespaceNodeType>) {
  return props.data.overview ? <NamespaceOverviewBox {...props} /> : <NamespaceBox {...props} />
}

/** Zoomed out on a big design: the box with its name and what it holds, in type big enough to read. */
function NamespaceOverviewBox({ data, selected }: NodeProps<NamespaceNodeType>) {
  const o = data.overview
  if (!o) return null
  const parts = [plural(o.apps, 'app', 'apps'), plural(o.policies, 'policy', 'policies'), plural(o.rules, 'rule', 'rules'), ...(o.other > 0 ? [plural(o.other, 'other', 'others')] : [])]
  return (
    <div className={`ns-node ns-node--overview${selected ? ' is-selected' : ''}`} data-testid={`canvas.namespace.${data.name}`} aria-label={`Namespace ${data.name}: ${parts.join(', ')}`}>
      <Handle type="target" id={TARGET_HANDLE} position={Position.Left} className="ns-node__handle" isConnectableStart={false} />
      <div className="ns-node__header ns-overview__header">
        <span className="ns-overview__name">{data.name}</span>
      </div>
      <div className="ns-overview__counts">
        {parts.map((p) => (
          <span key={p}>{p}</span>
        ))}
      </div>
    </div>
  )
}

function NamespaceBox({ data, selected }: NodeProps<NamespaceNodeType>) {
  const resizeNamespace = useDesignerStore((s) => s.resizeNamespace)
  return (
    <div className={`ns-node${data.declared ? '' : ' ns-node--implied'}${selected ? ' is-selected' : ''}`} data-testid={`canvas.namespace.${data.name}`} aria-label={`Namespace ${data.name}`}>
      <NodeResizer
        isVisible={selected}
        minWidth={200}
        minHeight={100}
        lineClassName="ns-node__resize-line"
        handleClassName="ns-node__resize-handle"
        onResizeEnd={(_, p) => {
          resizeNamespace(data.name, { x: p.x, y: p.y, width: p.width, height: p.height })
          makeRoom(data.name)
        }}
      />
      <Handle type="target" id={TARGET_HANDLE} position={Position.Left} className="ns-node__handle" isConnectableStart={false} />
      <div className="ns-node__header">
        <NodeIcon name="namespace" />
        <span className="ns-node__name">{data.name}</span>
        {data.declared ? (
          <span className={`pill ${data.injection ? 'pill--on' : 'pill--off'}`} title={data.injection ? 'Labelled istio-injection=enabled: new pods get a sidecar' : 'Not labelled for automatic sidecar injection'}>
            {data.injection ? 'injection on' : 'no injection'}
          </span>
        ) : (
          <span className="ns-node__implied" title="No Namespace object declares it; the objects in it imply it">
            implied
          </span>
        )}
      </div>
      <ProblemBadge problems={data.problems} />
    </div>
  )
}
