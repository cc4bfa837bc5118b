/**
 * Completion for AuthorizationPolicy fields, taken from the design itself: the identities its
 * workloads would have (M33), its namespaces, the request principals its RequestAuthentications can
 * produce, the paths the request bar sends, and the workload ports of its services.
 */
import type { KubeObject, Model } from '../../../engine'
import { readRequestAuthForm } from '../../../store/commands'
import type { RequestSettings } from '../../../store'

export interface Suggestions {
  principals: string[]
  namespaces: string[]
  requestPrincipals: string[]
  paths: string[]
  methods: string[]
  ports: string[]
  hosts: string[]
  serviceAccounts: string[]
  ipBlocks: string[]
}

const uniq = (values: Iterable<string>) => [...new Set(values)]

export function designSuggestions(resources: readonly KubeObject[], model: Model, request: RequestSettings): Suggestions {
  const workloads = model.mesh.workloads.filter((w) => !w.builtin)
  const issuers = resources.filter((o) => o.kind === 'RequestAuthentication').flatMap((o) => readRequestAuthForm(o).rules.map((r) => r.issuer).filter((i) => i !== ''))
  const services = model.mesh.services.filter((s) => !s.builtin)
  return {
    principals: uniq(workloads.map((w) => `cluster.local/ns/${w.namespace}/sa/${w.serviceAccount}`)),
    namespaces: uniq([...model.mesh.namespaces.keys()].filter((n) => n !== 'istio-system' && n !== 'kube-system')),
    // The sample tokens' subject equals their issuer (`testing@secure.istio.io/testing@secure.istio.io`).
    requestPrincipals: uniq(['*', ...issuers.flatMap((i) => [`${i}/*`, `${i}/${i}`])]),
    paths: uniq([request.path.split('?')[0] ?? '/ip', request.ingressPath ?? '/headers', '/ip', '/headers', '/get', '/status/*']),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
    ports: uniq(services.flatMap((s) => s.ports.map((p) => String(typeof p.targetPort === 'number' ? p.targetPort : p.number)))),
    hosts: uniq(services.flatMap((s) => s.ports.map((p) => `${s.name}.${s.namespace}:${p.number}`))),
    serviceAccounts: uniq(workloads.map((w) => `${w.namespace}/${w.serviceAccount}`)),
    ipBlocks: uniq([request.sourceIp ?? '', '10.0.0.0/8', '203.0.113.0/24'].filter((v) => v !== '')),
  }
}

/** Values the design offers for a `when` key: the attribute's counterpart among the source fields (M30). */
export function conditionSuggestions(key: string, s: Suggestions): string[] {
  switch (key) {
    case 'source.namespace':
      return s.namespaces
    case 'source.principal':
      return s.principals
    case 'request.auth.principal':
      return s.requestPrincipals
    case 'source.serviceAccount':
      return s.serviceAccounts
    case 'source.ip':
    case 'remote.ip':
      return s.ipBlocks
    case 'destination.port':
      return s.ports
    default:
      return []
  }
}
