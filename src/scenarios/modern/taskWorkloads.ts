/**
 * The workloads of the modern istio.io security tasks (authn-policy, mtls-migration, authz-*), per
 * profile (istio-semantics-modern.md section 0, M4, M29): namespaces foo and bar injected, legacy not;
 * in each an httpbin (Service port 8000, name http) and a sleep client. The httpbin target port follows
 * Istio's own samples/httpbin/httpbin.yaml at that tag: 8000 in 1.0, 80 in 1.1 ... 1.20, 8080 from 1.21.
 * Service accounts as the samples create them (httpbin, sleep; 1.24+ docs call the client `curl`).
 */
import { httpbinTargetPort } from '../../engine/profile'
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

function deployment(name: string, namespace: string, serviceAccount: string, port: number | undefined): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          serviceAccountName: serviceAccount,
          containers: [{ name, image: name === 'httpbin' ? 'docker.io/kong/httpbin' : 'curlimages/curl', ...(port ? { ports: [{ containerPort: port }] } : {}) }],
        },
      },
    },
  }
}

function service(name: string, namespace: string, port: number, targetPort: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: { app: name, service: name } },
    spec: { selector: { app: name }, ports: [{ name: 'http', port, targetPort }] },
  }
}

/** The task's objects for `profile`. */
export function modernTaskWorkloads(profile: IstioProfile, options: TaskWorkloadOptions = {}): KubeObject[] {
  const client = options.client ?? 'sleep'
  const target = httpbinTargetPort(profile)
  const out: KubeObject[] = []
  for (const ns of options.namespaces ?? DEFAULT_NAMESPACES) {
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, ...(ns.injected ? { labels: { 'istio-injection': 'enabled' } } : {}) } })
  }
  for (const ns of options.namespaces ?? DEFAULT_NAMESPACES) {
    out.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'httpbin', namespace: ns.name } })
    out.push(service('httpbin', ns.name, 8000, target), deployment('httpbin', ns.name, 'httpbin', target))
    out.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: client, namespace: ns.name } })
    out.push(service(client, ns.name, 80, 80), deployment(client, ns.name, client, undefined))
  }
  return out
}
