/**
 * The mesh as the engine reasons about it: Kubernetes objects resolved into workloads and services,
 * Istio objects indexed for the lookups of rules 5 and 9. Built once per input by buildMesh().
 */
import type { AuthnPolicy, DestinationRule, Gateway, VirtualService } from '../istio'
import type { AuthorizationPolicy, PeerAuthentication, RequestAuthentication } from '../security'
import type { RuleIndex } from '../client/ruleIndex'
import type { Diagnostic, PortProtocol, ResourceKey } from '../types'

export const ROOT_NAMESPACE = 'istio-system'
export const CLUSTER_DOMAIN = 'svc.cluster.local'

export interface Namespace {
  name: string
  labels: Record<string, string>
  /** Declared by a Namespace object, or only implied by objects that live in it. */
  declared: boolean
  key?: ResourceKey
}

export interface ContainerPort {
  number: number
  name?: string
}

export interface Workload {
  key: ResourceKey
  kind: string
  name: string
  namespace: string
  /** Pod template labels: what Service selectors match. */
  labels: Record<string, string>
  serviceAccount: string
  sidecar: boolean
  /** Why it has (or lacks) a sidecar, in plain words (rule 2). */
  sidecarReason: string
  containerPorts: ContainerPort[]
  /** The app container (not istio-proxy): what `kubectl exec -c` names. */
  appContainer: string
  /** The istio-ingressgateway: an Istio proxy that is a client of the mesh. */
  isIngressGateway: boolean
  builtin: boolean
  /**
   * Modern profiles (M6, M10): the pod's `security.istio.io/tlsMode` label as the injector leaves it:
   * the user's value if written, else `istio` for injected pods, else undefined.
   */
  tlsModeLabel?: string
}

export interface ServicePort {
  number: number
  name: string
  targetPort: number | string
  protocol: PortProtocol
  /** Kubernetes `appProtocol` (M14); undefined when not written. */
  appProtocol?: string
}

export interface Service {
  key: ResourceKey
  name: string
  namespace: string
  fqdn: string
  selector: Record<string, string>
  ports: ServicePort[]
  /** Workloads whose pod labels the selector matches. */
  workloads: Workload[]
  /** The Kubernetes API: a TLS server outside the mesh (EXTTLS). */
  externalTls: boolean
  builtin: boolean
}

/** Index of DestinationRules by namespace with hosts resolved once (rule 9). */
export interface ResolvedRule {
  rule: DestinationRule
  /** The host after resolution against the rule's namespace. */
  host: string
  wildcard: boolean
  /** Istio 1.1: visible outside its namespace. */
  exported: boolean
}

export interface Mesh {
  namespaces: Map<string, Namespace>
  workloads: Workload[]
  services: Service[]
  serviceByFqdn: Map<string, Service>
  policiesByNamespace: Map<string, AuthnPolicy[]>
  meshPolicy: AuthnPolicy | undefined
  destinationRules: ResolvedRule[]
  rulesByNamespace: Map<string, ResolvedRule[]>
  /** Rule 9 lookups: every rule (1.0), a namespace's rules, a namespace's exported rules (1.1). */
  ruleIndex: { global: RuleIndex; byNamespace: Map<string, RuleIndex>; exportedByNamespace: Map<string, RuleIndex> }
  gateways: Gateway[]
  virtualServices: VirtualService[]
  /** Modern profiles: the security.istio.io objects in input order (empty under 1.0/1.1). */
  security: SecurityObjects
  /** Cross-object findings (conflicts, hosts that match nothing, ...). */
  diagnostics: Diagnostic[]
}

/** The modern security objects of a mesh, in input order. */
export interface SecurityObjects {
  peerAuthentications: PeerAuthentication[]
  requestAuthentications: RequestAuthentication[]
  authorizationPolicies: AuthorizationPolicy[]
}
