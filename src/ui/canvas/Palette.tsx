/**
 * Things to add to the design. Drag an item onto the canvas (it lands where dropped, in the
 * namespace or on the app under the pointer), or click it to add it at the canvas centre.
 */
import { honoursV1alpha1, isModernProfile, type IstioProfile } from '../../engine'
import { useDesignerStore } from '../../store'
import type { PaletteKind } from '../../store/commands'
import { NodeIcon, type NodeIconName } from './icons'
import { PALETTE_MIME, requestCreate } from './paletteChannel'
import './palette.css'

interface Item {
  kind: PaletteKind
  label: string
  icon: NodeIconName
  hint: string
}

const GROUPS: { title: string; items: Item[] }[] = [
  {
    title: 'Workloads',
    items: [
      { kind: 'namespace', label: 'Namespace', icon: 'namespace', hint: 'A namespace with automatic sidecar injection' },
      { kind: 'service', label: 'Service', icon: 'server', hint: 'A Service on port 8000 (http) and its Deployment' },
      { kind: 'client', label: 'Client workload', icon: 'client', hint: 'A curl client like the seed\u2019s sleep, without a Service' },
    ],
  },
  {
    title: 'Authentication',
    items: [
      { kind: 'meshpolicy', label: 'MeshPolicy', icon: 'mesh', hint: 'Mesh-wide STRICT mutual TLS (MeshPolicy "default")' },
      { kind: 'policy', label: 'Policy', icon: 'policy', hint: 'STRICT mutual TLS for the namespace, or for the service you drop it on' },
      { kind: 'destinationrule', label: 'DestinationRule', icon: 'rule', hint: 'Clients send Istio mTLS (ISTIO_MUTUAL) to what you drop it on' },
    ],
  },
  {
    title: 'Security (Istio 1.5+)',
    items: [
      { kind: 'peerauthentication', label: 'PeerAuthentication', icon: 'policy', hint: 'Mutual TLS mode: on the mesh marker mesh-wide, on a namespace, on an app, or on a port chip for that port' },
      { kind: 'requestauthentication', label: 'RequestAuthentication', icon: 'policy', hint: 'Which JWTs are valid (Istio\u2019s sample issuer and key set): a missing token still passes' },
      { kind: 'authorizationpolicy', label: 'AuthorizationPolicy', icon: 'policy', hint: 'ALLOW or DENY requests by source, operation and conditions; new ones require a valid JWT' },
    ],
  },
  {
    title: 'Ingress',
    items: [{ kind: 'ingress', label: 'Gateway + VirtualService', icon: 'gateway', hint: 'An ingress Gateway on port 80 routing to a service' }],
  },
]

/** Only what the profile has: v1alpha1 policies up to 1.5, the security.istio.io kinds from 1.5. */
function offered(kind: PaletteKind, profile: IstioProfile): boolean {
  if (kind === 'meshpolicy' || kind === 'policy') return honoursV1alpha1(profile)
  if (kind === 'peerauthentication' || kind === 'requestauthentication' || kind === 'authorizationpolicy') return isModernProfile(profile)
  return true
}

export function Palette() {
  const profile = useDesignerStore((s) => s.options.profile)
  const groups = GROUPS.map((g) => ({ ...g, items: g.items.filter((i) => offered(i.kind, profile)) })).filter((g) => g.items.length > 0)
  return (
    <nav className="palette" aria-label="Add to design">
      {groups.map((group) => (
        <section key={group.title} className="palette__group" aria-label={group.title}>
          <h3 className="palette__title">{group.title}</h3>
          {group.items.map((item) => (
            <button
              key={item.kind}
              type="button"
              className="palette__item"
              draggable
              aria-label={`Add ${item.label}`}
              title={`${item.hint}. Drag onto the canvas, or click to add.`}
              onDragStart={(e) => {
                e.dataTransfer.setData(PALETTE_MIME, item.kind)
                e.dataTransfer.effectAllowed = 'copy'
              }}
              onClick={() => requestCreate(item.kind)}
            >
              <NodeIcon name={item.icon} />
              <span>{breakableKind(item.label)}</span>
            </button>
          ))}
        </section>
      ))}
    </nav>
  )
}

/** `RequestAuthentication` may break as Request/Authentication in the narrow palette, never mid-word. */
function breakableKind(label: string): React.ReactNode[] {
  return label.split(/(?<=[a-z])(?=[A-Z])/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]))
}
