/**
 * Canonical networking specs -> istio.ts DestinationRule, Gateway and VirtualService, defaults written
 * out (`tls: {}` = DISABLE, missing lists = []).
 */
import type {
  DestinationRule, Gateway, GatewayServer, HttpMatchRequest, HttpRoute, HttpRouteDestination, TlsSettings, TrafficPolicy, VirtualService,
} from '../../istio'
import type { CDestinationRule, CGateway, CHttpRoute, CTls, CTrafficPolicy, CVirtualService } from '../canonical'
import { normalizePortSelector, normalizeStringMatch, type Identity } from './authn'

function normalizeTls(tls: CTls): TlsSettings {
  return { mode: tls.mode ?? 'DISABLE' }
}

function normalizeTrafficPolicy(policy: CTrafficPolicy): TrafficPolicy {
  const out: TrafficPolicy = {
    portLevelSettings: (policy.portLevelSettings ?? []).map((s) => {
      const setting: TrafficPolicy['portLevelSettings'][number] = { port: normalizePortSelector(s.port ?? {}) }
      if (s.tls) setting.tls = normalizeTls(s.tls)
      return setting
    }),
  }
  if (policy.tls) out.tls = normalizeTls(policy.tls)
  return out
}

export function normalizeDestinationRule(spec: CDestinationRule, id: Identity): DestinationRule {
  const rule: DestinationRule = {
    kind: 'DestinationRule', key: id.key, name: id.name, namespace: id.namespace,
    host: spec.host ?? '',
    exportTo: spec.exportTo ?? [],
    order: id.order,
  }
  if (spec.trafficPolicy) rule.trafficPolicy = normalizeTrafficPolicy(spec.trafficPolicy)
  return rule
}

export function normalizeGateway(spec: CGateway, id: Identity): Gateway {
  const servers = (spec.servers ?? []).map((s): GatewayServer => {
    const port: GatewayServer['port'] = { number: s.port?.number ?? 0, protocol: (s.port?.protocol ?? '').toUpperCase() }
    if (s.port?.name !== undefined) port.name = s.port.name
    return { port, hosts: s.hosts ?? [] }
  })
  return {
    kind: 'Gateway', key: id.key, name: id.name, namespace: id.namespace,
    selector: spec.selector ?? {},
    servers,
    order: id.order,
  }
}

function normalizeHttpRoute(rule: CHttpRoute): HttpRoute {
  const match = (rule.match ?? []).map((m): HttpMatchRequest => (m.uri ? { uri: normalizeStringMatch(m.uri) } : {}))
  const route = (rule.route ?? []).map((r): HttpRouteDestination => {
    const d = r.destination ?? {}
    const destination: HttpRouteDestination['destination'] = { host: d.host ?? '' }
    if (d.port) destination.port = normalizePortSelector(d.port)
    if (d.subset !== undefined) destination.subset = d.subset
    const out: HttpRouteDestination = { destination }
    if (r.weight !== undefined) out.weight = r.weight
    return out
  })
  return { match, route }
}

export function normalizeVirtualService(spec: CVirtualService, id: Identity): VirtualService {
  return {
    kind: 'VirtualService', key: id.key, name: id.name, namespace: id.namespace,
    hosts: spec.hosts ?? [],
    gateways: spec.gateways ?? [],
    http: (spec.http ?? []).map(normalizeHttpRoute),
    order: id.order,
  }
}
