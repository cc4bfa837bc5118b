/**
 * Turns admitted objects into the Mesh: workloads with their sidecar decision, services with the
 * workloads behind them, Istio resources indexed for rules 5 and 9, plus the built-ins and the
 * cross-object findings that single-object admission cannot make.
 */
import { meshDiagnostic } from '../diagnostics'
import type { AuthnPolicy, DestinationRule, Gateway, IstioResource, VirtualService } from '../istio'
import { isModernProfile } from '../profile'
import type { AuthorizationPolicy, PeerAuthentication, RequestAuthentication } from '../security'
import type { Diagnostic, IstioProfile, KubeObject, ResourceKey } from '../types'
import { INGRESS_GATEWAY_DEPLOYMENT, INGRESS_GATEWAY_SERVICE, KUBERNETES_API_SERVICE } from './builtins'
import { checkPolicyTargets, checkRuleHosts } from './crossChecks'
import { CLUSTER_DOMAIN, type Mesh, type Namespace, type ResolvedRule, type Service, type ServicePort, type Workload } from './model'
import { foldedWorkloads } from './owners'
import { readLabels, readPodTemplate, readServiceSpec, WORKLOAD_KINDS } from './podTemplate'
import { modernPortProtocol, protocolOfPortName } from './protocol'
import { decideSidecar } from './sidecar'
import { isPortServed, refusalReason } from '../server/serverMode'
import { isWildcardHost, resolveHost } from '../client/hosts'
import { buildRuleIndex } from '../client/ruleIndex'

/** What admission hands over: the object (namespace defaulted) and, for Istio kinds, its normal form. */
export interface MeshInput {
  index: number
  key: ResourceKey
  object: KubeObject
  istio?: IstioResource
}

export interface BuildMeshOptions {
  profile: IstioProfile
}

export function buildMesh(inputs: readonly MeshInput[], options: BuildMeshOptions): Mesh {
  const diagnostics: Diagnostic[] = []
  const namespaces = collectNamespaces(inputs)
  const kubeObjects = withBuiltins(inputs)
  const modern = isModernProfile(options.profile)
  // A ReplicaSet or Pod owned by a workload of the input is that workload (issue 8), not a row of its own.
  const folded = foldedWorkloads(kubeObjects.map((i) => i.object))
  const workloads = kubeObjects.filter((i, n) => WORKLOAD_KINDS.has(i.object.kind) && !folded.has(n)).map((i) => toWorkload(i, namespaces, modern))
  const services = kubeObjects.filter((i) => i.object.kind === 'Service').map((i) => toService(i, workloads, modern))
  const serviceByFqdn = new Map(services.map((s) => [s.fqdn, s]))
  const indexOf = new Map(inputs.map((i) => [i.key, i.index]))
  for (const service of services) diagnoseService(service, indexOf.get(service.key), diagnostics)

  const istio = inputs.flatMap((i) => (i.istio ? [i.istio] : []))
  const policies = istio.filter((r): r is AuthnPolicy => r.kind === 'Policy' || r.kind === 'MeshPolicy')
  const policiesByNamespace = groupBy(policies.filter((p) => p.kind === 'Policy'), (p) => p.namespace)
  const meshPolicy = policies.find((p) => p.kind === 'MeshPolicy' && p.name === 'default')
  const rules = istio.filter((r): r is DestinationRule => r.kind === 'DestinationRule').map((r) => resolveRule(r, options.profile))
  const rulesByNamespace = groupBy(rules, (r) => r.rule.namespace)

  diagnostics.push(...checkPolicyTargets(policies, services), ...checkRuleHosts(rules, services, options.profile))
  for (const input of inputs) {
    const ns = input.object.metadata.namespace
    if (ns && !namespaces.get(ns)?.declared && input.object.kind !== 'Namespace') {
      diagnostics.push(
        meshDiagnostic('MESH008', 'info', `${input.key} is in namespace "${ns}", which no Namespace object declares`, {
          resource: input.key,
          index: input.index,
          path: ['metadata', 'namespace'],
        }),
      )
    }
  }

  return {
    namespaces,
    workloads,
    services,
    serviceByFqdn,
    policiesByNamespace,
    meshPolicy,
    destinationRules: rules,
    rulesByNamespace,
    ruleIndex: {
      global: buildRuleIndex(rules),
      byNamespace: mapValues(rulesByNamespace, buildRuleIndex),
      exportedByNamespace: mapValues(rulesByNamespace, (list) => buildRuleIndex(list.filter((r) => r.exported))),
    },
    gateways: istio.filter((r): r is Gateway => r.kind === 'Gateway'),
    virtualServices: istio.filter((r): r is VirtualService => r.kind === 'VirtualService'),
    security: {
      peerAuthentications: istio.filter((r): r is PeerAuthentication => r.kind === 'PeerAuthentication'),
      requestAuthentications: istio.filter((r): r is RequestAuthentication => r.kind === 'RequestAuthentication'),
      authorizationPolicies: istio.filter((r): r is AuthorizationPolicy => r.kind === 'AuthorizationPolicy'),
    },
    diagnostics,
  }
}

function collectNamespaces(inputs: readonly MeshInput[]): Map<string, Namespace> {
  const namespaces = new Map<string, Namespace>()
  for (const builtin of ['default', 'istio-system', 'kube-system', 'kube-public']) {
    namespaces.set(builtin, { name: builtin, labels: {}, declared: true })
  }
  for (const { object, key } of inputs) {
    if (object.kind === 'Namespace') {
      namespaces.set(object.metadata.name, { name: object.metadata.name, labels: readLabels(object), declared: true, key })
    }
  }
  for (const { object } of inputs) {
    const ns = object.metadata.namespace
    if (ns && !namespaces.has(ns)) namespaces.set(ns, { name: ns, labels: {}, declared: false })
  }
  return namespaces
}

function withBuiltins(inputs: readonly MeshInput[]): (MeshInput & { builtin?: boolean })[] {
  const has = (kind: string, ns: string, name: string) =>
    inputs.some((i) => i.object.kind === kind && i.object.metadata.namespace === ns && i.object.metadata.name === name)
  const out: (MeshInput & { builtin?: boolean })[] = [...inputs]
  const add = (object: KubeObject) =>
    out.push({ index: -1, key: `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`, object, builtin: true })
  if (!has('Service', 'default', 'kubernetes')) add(KUBERNETES_API_SERVICE)
  if (!has('Service', 'istio-system', 'istio-ingressgateway')) {
    add(INGRESS_GATEWAY_SERVICE)
    if (!has('Deployment', 'istio-system', 'istio-ingressgateway')) add(INGRESS_GATEWAY_DEPLOYMENT)
  }
  return out
}

function toWorkload(input: MeshInput & { builtin?: boolean }, namespaces: Map<string, Namespace>, modern: boolean): Workload {
  const { object } = input
  const namespace = object.metadata.namespace ?? 'default'
  const pod = readPodTemplate(object)
  const isIngressGateway = pod.labels.istio === 'ingressgateway'
  // The ingress gateway is itself an Envoy: it acts as a sidecar client towards the mesh (rule 20).
  const decision = isIngressGateway
    ? { sidecar: true, reason: 'the ingress gateway is an Istio proxy' }
    : decideSidecar({
        namespace,
        namespaceLabels: namespaces.get(namespace)?.labels ?? {},
        annotations: pod.annotations,
        containerNames: pod.containerNames,
        hostNetwork: pod.hostNetwork,
        ...(modern ? { labels: pod.labels, modern: true } : {}),
      })
  const tlsModeLabel = pod.labels['security.istio.io/tlsMode'] ?? (decision.sidecar ? 'istio' : undefined)
  return {
    key: input.key,
    kind: object.kind,
    name: object.metadata.name,
    namespace,
    labels: pod.labels,
    serviceAccount: pod.serviceAccount,
    sidecar: decision.sidecar,
    sidecarReason: decision.reason,
    containerPorts: pod.containerPorts,
    appContainer: pod.containerNames.find((n) => n !== 'istio-proxy') ?? object.metadata.name,
    isIngressGateway,
    builtin: input.builtin === true,
    ...(modern && tlsModeLabel !== undefined ? { tlsModeLabel } : {}),
  }
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector)
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v)
}

function toService(input: MeshInput & { builtin?: boolean }, workloads: Workload[], modern: boolean): Service {
  const { object } = input
  const namespace = object.metadata.namespace ?? 'default'
  const spec = readServiceSpec(object)
  const ports: ServicePort[] = spec.ports.map((p) => {
    const number = Number(p.port)
    const name = typeof p.name === 'string' ? p.name : ''
    const target = p.targetPort
    const targetPort = typeof target === 'string' ? target : typeof target === 'number' ? target : number
    const appProtocol = typeof p.appProtocol === 'string' ? p.appProtocol : undefined
    const protocol = modern ? modernPortProtocol(name, appProtocol, number, p.protocol) : protocolOfPortName(name)
    return { number, name, targetPort, protocol, ...(appProtocol !== undefined ? { appProtocol } : {}) }
  })
  const isApi = namespace === 'default' && object.metadata.name === 'kubernetes'
  return {
    key: input.key,
    name: object.metadata.name,
    namespace,
    fqdn: `${object.metadata.name}.${namespace}.${CLUSTER_DOMAIN}`,
    selector: spec.selector,
    ports,
    workloads: workloads.filter((w) => w.namespace === namespace && selects(spec.selector, w.labels)),
    externalTls: isApi,
    builtin: input.builtin === true,
  }
}

function diagnoseService(service: Service, index: number | undefined, diagnostics: Diagnostic[]): void {
  if (service.builtin || service.externalTls) return
  // Rule 24: the column stays; the Service port says why nothing will answer there.
  if (service.workloads.length > 0) {
    service.ports.forEach((port, i) => {
      if (isPortServed(service, port)) return
      diagnostics.push(
        meshDiagnostic('MESH009', 'warning', refusalReason(service, port), {
          resource: service.key,
          ...(index !== undefined ? { index } : {}),
          path: ['spec', 'ports', i, typeof port.targetPort === 'string' || port.targetPort !== port.number ? 'targetPort' : 'port'],
        }),
      )
    })
  }
  if (service.workloads.length === 0 && Object.keys(service.selector).length > 0) {
    diagnostics.push(
      meshDiagnostic('MESH005', 'info', `Service ${service.name}.${service.namespace} selects no workload`, {
        resource: service.key,
        ...(index !== undefined ? { index } : {}),
        path: ['spec', 'selector'],
      }),
    )
  }
}

function resolveRule(rule: DestinationRule, profile: IstioProfile): ResolvedRule {
  const host = resolveHost(rule.host, rule.namespace)
  // Pilot 1.1 reads only the first exportTo entry: '.' keeps the rule private to its namespace.
  const exported = profile === '1.0' || rule.exportTo[0] !== '.'
  return { rule, host, wildcard: isWildcardHost(host), exported }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const list = map.get(key)
    if (list) list.push(item)
    else map.set(key, [item])
  }
  return map
}

function mapValues<K, A, B>(map: Map<K, A>, fn: (value: A) => B): Map<K, B> {
  return new Map([...map].map(([k, v]) => [k, fn(v)]))
}
