/**
 * The side form for what is selected on the canvas (or in the grid's headers): opens on selection,
 * closes with its button or Escape. Every edit goes to the store as an inspector change.
 */
import { useDesignerStore } from '../../store'
import type { KubeObject } from '../../engine'
import { AuthzPolicyForm, PeerAuthForm, RequestAuthForm } from '../modern/forms'
import { AppForm } from './AppForm'
import { DraftNotice } from './DraftNotice'
import { GatewayForm, VirtualServiceForm } from './IngressForms'
import { NamespaceForm } from './NamespaceForm'
import { PolicyForm } from './PolicyForm'
import { RuleForm } from './RuleForm'
import { selectionId, useInspectorState } from './inspectorState'
import { useObject } from './useSelected'
import './inspector.css'

const APP_KINDS = new Set(['Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod'])

function FormFor({ object }: { object: KubeObject }) {
  if (object.kind === 'Policy' || object.kind === 'MeshPolicy') return <PolicyForm object={object} />
  if (object.kind === 'DestinationRule') return <RuleForm object={object} />
  if (object.kind === 'Gateway') return <GatewayForm object={object} />
  if (object.kind === 'VirtualService') return <VirtualServiceForm object={object} />
  if (object.kind === 'PeerAuthentication') return <PeerAuthForm object={object} />
  if (object.kind === 'RequestAuthentication') return <RequestAuthForm object={object} />
  if (object.kind === 'AuthorizationPolicy') return <AuthzPolicyForm object={object} />
  return <p className="inspector-note">Edit this {object.kind} in the YAML editor.</p>
}

function ResourceBody({ resourceKey }: { resourceKey: string }) {
  const object = useObject(resourceKey)
  if (!object) return <p className="inspector-note">{resourceKey} no longer exists.</p>
  if (object.kind === 'Namespace') return <NamespaceForm name={object.metadata.name} />
  if (APP_KINDS.has(object.kind)) return <AppForm appKey={resourceKey} />
  return <FormFor object={object} />
}

function title(selection: ReturnType<typeof useDesignerStore.getState>['selection']): { kind: string; name: string } | undefined {
  if (selection.kind === 'namespace') return { kind: 'Namespace', name: selection.name }
  if (selection.kind !== 'resource') return undefined
  const [kind = '', , name = ''] = selection.key.split('/')
  return { kind: APP_KINDS.has(kind) ? 'App' : kind, name }
}

export function Inspector() {
  const selection = useDesignerStore((s) => s.selection)
  const select = useDesignerStore((s) => s.select)
  const closedFor = useInspectorState((s) => s.closedFor)
  const heading = title(selection)
  if (!heading || closedFor === selectionId(selection)) return null
  return (
    <aside className="inspector nokey" role="complementary" aria-label="Inspector">
      <header className="inspector__header">
        <span className="inspector__kind">{heading.kind}</span>
        <h2 className="inspector__title">{heading.name}</h2>
        <button type="button" className="inspector__close" aria-label="Close inspector" onClick={() => select({ kind: 'none' })}>
          ×
        </button>
      </header>
      {/* Between the header and the scrolling form: it never covers the field being typed in. */}
      {selection.kind === 'resource' && <DraftNotice key={selection.key} resourceKey={selection.key} />}
      <div className="inspector__body">
        {selection.kind === 'namespace' ? <NamespaceForm key={selection.name} name={selection.name} /> : selection.kind === 'resource' && <ResourceBody key={selection.key} resourceKey={selection.key} />}
      </div>
    </aside>
  )
}
