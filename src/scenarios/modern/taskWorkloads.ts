/**
 * The workloads of the istio.io security tasks (authn-policy, mtls-migration, authz-*), per profile
 * (istio-semantics-modern.md section 0, M4, M29): namespaces foo and bar injected, legacy not; in each
 * the httpbin and sleep samples as `samples/httpbin/httpbin.yaml` and `samples/sleep/sleep.yaml` have
 * them at that release's tag (read at istio/istio 1.0.0 ... 1.30.0): images, ports, service accounts,
 * labels and the client's command. 1.24+ docs call the client `curl` (same manifest, other name).
 */
import { httpbinTargetPort, profileMinor } from '../../engine/profile'
import type { IstioProfile, KubeObject } from '../../engine/types'

export interface TaskWorkloadOptions {
  /** Client name: `sleep` (default, docs up to 1.23) or `curl` (docs from 1.24). */
  client?: string
  namespaces?: { name: string; injected: boolean }[]
}

const DEFAULT_NAMESPACES = [
  { name: 'foo', injected: true },
  { name: 'bar', injected: true },
  { name: 'legacy', injected: false },
]

/** `[first minor, value]`, newest last: the value from that release's tag on. */
type Since<T> = readonly (readonly [number, T])[]

function since<T>(table: Since<T>, profile: IstioProfile): T {
  const minor = profileMinor(profile)
  let value: T | undefined
  for (const [from, v] of table) if (minor >= from || value === undefined) value = v
  return value as T
}

const HTTPBIN_IMAGE: Since<string> = [
  [0, 'docker.io/citizenstig/httpbin'],
  [1, 'docker.io/kennethreitz/httpbin'],
  [18, 'docker.io/kong/httpbin'],
  [24, 'docker.io/mccutchen/go-httpbin:v2.15.0'],
]

const CLIENT_IMAGE: Since<string> = [
  [0, 'tutum/curl'],
  [1, 'pstauffer/curl'],
  [3, 'governmentpaas/curl-ssl'],
  [9, 'curlimages/curl'],
  [28, 'curlimages/curl:8.16.0'],
  [29, 'docker.io/curlimages/curl:8.16.0'],
]

/** The samples' ServiceAccounts: sleep's from 1.1, httpbin's from 1.4 (before, pods ran as `default`). */
const CLIENT_ACCOUNT_SINCE = 1
const HTTPBIN_ACCOUNT_SINCE = 4
/** Deployments are apps/v1 with a selector from 1.3 (extensions/v1beta1 before). */
const APPS_V1_SINCE = 3
/** Services carry a `service: NAME` label from 1.8. */
const SERVICE_LABEL_SINCE = 8
/** sleep runs `sleep 3650d` in 1.1 ... 1.14, `sleep infinity` in 1.0 and from 1.15. */
const SLEEP_ARGUMENT: Since<string> = [
  [0, 'infinity'],
  [1, '3650d'],
  [15, 'infinity'],
]

function deployment(name: string, namespace: string, profile: IstioProfile, labels: Record<string, string>, pod: Record<string, unknown>): KubeObject {
  const apps = profileMinor(profile) >= APPS_V1_SINCE
  return {
    apiVersion: apps ? 'apps/v1' : 'extensions/v1beta1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { replicas: 1, ...(apps ? { selector: { matchLabels: labels } } : {}), template: { metadata: { labels }, spec: pod } },
  }
}

function serviceAccount(name: string, namespace: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } }
}

function service(name: string, namespace: string, profile: IstioProfile, port: number, targetPort: number | undefined): KubeObject {
  const labels: Record<string, string> = profileMinor(profile) >= SERVICE_LABEL_SINCE ? { app: name, service: name } : { app: name }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels },
    spec: { selector: { app: name }, ports: [{ name: 'http', port, ...(targetPort === undefined ? {} : { targetPort }) }] },
  }
}

function httpbin(namespace: string, profile: IstioProfile): KubeObject[] {
  const port = httpbinTargetPort(profile)
  const account = profileMinor(profile) >= HTTPBIN_ACCOUNT_SINCE
  const labels = { app: 'httpbin', version: 'v1' }
  return [
    ...(account ? [serviceAccount('httpbin', namespace)] : []),
    // The 1.0 sample's Service has no targetPort: the port (8000) is the container's.
    service('httpbin', namespace, profile, 8000, profileMinor(profile) === 0 ? undefined : port),
    deployment('httpbin', namespace, profile, labels, {
      ...(account ? { serviceAccountName: 'httpbin' } : {}),
      containers: [{ image: since(HTTPBIN_IMAGE, profile), imagePullPolicy: 'IfNotPresent', name: 'httpbin', ports: [{ containerPort: port }] }],
    }),
  ]
}

/** The sleep sample under `name` (the same manifest is `curl` in the 1.24+ docs); it declares no container port. */
function client(name: string, namespace: string, profile: IstioProfile): KubeObject[] {
  const account = profileMinor(profile) >= CLIENT_ACCOUNT_SINCE
  return [
    ...(account ? [serviceAccount(name, namespace)] : []),
    service(name, namespace, profile, 80, undefined),
    deployment(name, namespace, profile, { app: name }, {
      ...(account ? { serviceAccountName: name } : {}),
      containers: [{ name, image: since(CLIENT_IMAGE, profile), command: ['/bin/sleep', since(SLEEP_ARGUMENT, profile)], imagePullPolicy: 'IfNotPresent' }],
    }),
  ]
}

/** The task's objects for `profile`. */
export function modernTaskWorkloads(profile: IstioProfile, options: TaskWorkloadOptions = {}): KubeObject[] {
  const name = options.client ?? 'sleep'
  const namespaces = options.namespaces ?? DEFAULT_NAMESPACES
  const out: KubeObject[] = namespaces.map((ns) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns.name, ...(ns.injected ? { labels: { 'istio-injection': 'enabled' } } : {}) },
  }))
  for (const ns of namespaces) out.push(...httpbin(ns.name, profile), ...client(name, ns.name, profile))
  return out
}
