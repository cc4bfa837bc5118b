/**
 * The kinds admission knows: which apiVersions serve them, whether they are cluster-scoped, and (for
 * Istio kinds) the root message of their spec.
 */
import type { MessageSpec } from './spec/model'
import { POLICY } from './spec/authn'
import { DESTINATION_RULE, GATEWAY, VIRTUAL_SERVICE } from './spec/networking'
import { AUTHORIZATION_POLICY, PEER_AUTHENTICATION, REQUEST_AUTHENTICATION } from './spec/security'

export type IstioKind =
  | 'MeshPolicy' | 'Policy' | 'DestinationRule' | 'Gateway' | 'VirtualService'
  | 'PeerAuthentication' | 'RequestAuthentication' | 'AuthorizationPolicy'

export interface IstioKindInfo {
  apiVersions: readonly string[]
  spec: MessageSpec
}

const AUTHN = ['authentication.istio.io/v1alpha1']
const NETWORKING = ['networking.istio.io/v1alpha3']
/** Every version any profile serves; per-profile lists: profile.ts servedApiVersions (M35). */
const SECURITY = ['security.istio.io/v1beta1', 'security.istio.io/v1']

export const ISTIO_KINDS: Readonly<Record<IstioKind, IstioKindInfo>> = {
  MeshPolicy: { apiVersions: AUTHN, spec: POLICY },
  Policy: { apiVersions: AUTHN, spec: POLICY },
  DestinationRule: { apiVersions: NETWORKING, spec: DESTINATION_RULE },
  Gateway: { apiVersions: NETWORKING, spec: GATEWAY },
  VirtualService: { apiVersions: NETWORKING, spec: VIRTUAL_SERVICE },
  PeerAuthentication: { apiVersions: SECURITY, spec: PEER_AUTHENTICATION },
  RequestAuthentication: { apiVersions: SECURITY, spec: REQUEST_AUTHENTICATION },
  AuthorizationPolicy: { apiVersions: SECURITY, spec: AUTHORIZATION_POLICY },
}

/** Kubernetes kinds we read, with the API versions a 2018-2019 cluster (1.9-1.14) served them at. */
export const KUBE_KINDS: Readonly<Record<string, readonly string[]>> = {
  Namespace: ['v1'],
  Service: ['v1'],
  ServiceAccount: ['v1'],
  Pod: ['v1'],
  Deployment: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2', 'extensions/v1beta1'],
  StatefulSet: ['apps/v1', 'apps/v1beta1', 'apps/v1beta2'],
  DaemonSet: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'],
  ReplicaSet: ['apps/v1', 'apps/v1beta2', 'extensions/v1beta1'],
  Job: ['batch/v1'],
  // batch/v1beta1 is what Kubernetes 1.8-1.20 serve; batch/v1 since 1.21 (what a cluster prints today).
  CronJob: ['batch/v1beta1', 'batch/v1', 'batch/v2alpha1'],
}

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob'])

/** Kinds without a namespace. Anything not listed (including unknown kinds) is taken as namespaced. */
const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  'MeshPolicy', 'Namespace', 'ClusterRbacConfig', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'Node', 'PersistentVolume', 'StorageClass', 'PriorityClass', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
])

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind)
}

export function isIstioKind(kind: string): kind is IstioKind {
  return Object.hasOwn(ISTIO_KINDS, kind)
}
