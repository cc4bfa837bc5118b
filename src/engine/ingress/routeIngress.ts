/**
 * Rule 20, routing half: where `curl $INGRESS_HOST<path>` from outside the cluster ends up. The
 * ingress gateway listens only where a Gateway selecting it opens a port; a VirtualService bound to
 * that Gateway then picks the destination by host and path.
 */
import { hostMatches, resolveHost } from '../client/hosts'
import type { Gateway, StringMatch, VirtualService } from '../istio'
import { matchString } from '../jwt/triggerRules'
import type { Mesh, Workload } from '../mesh/model'
import type { RequestProfile } from '../types'
import type { Target } from '../evaluate/targets'

/** The port external clients reach (the seed's `$INGRESS_HOST` with no port). */
export const INGRESS_PORT = 80

export type IngressRoute =
  | { kind: 'no-gateway'; reason: string }
  | { kind: 'no-route'; gateway: Gateway; reason: string }
  | { kind: 'no-destination'; gateway: Gateway; virtualService: VirtualService; routeIndex: number; reason: string }
  | { kind: 'routed'; gateway: Gateway; virtualService: VirtualService; routeIndex: number; target: Target; reason: string }

export function ingressGatewayWorkload(mesh: Mesh): Workload | undefined {
  return mesh.workloads.find((w) => w.isIngressGateway)
}

function requestHost(request: RequestProfile): string | undefined {
  const entry = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'host')
  return entry?.[1].split(':')[0]
}

/** Without a Host header the request names the gateway's IP address, which only `*` matches. */
function hostAllowed(patterns: readonly string[], host: string | undefined): boolean {
  return patterns.some((raw) => {
    const pattern = raw.includes('/') ? raw.slice(raw.indexOf('/') + 1) : raw
    return pattern === '*' || (host !== undefined && hostMatches(pattern, host))
  })
}

function gatewaySelects(gateway: Gateway, workload: Workload): boolean {
  const entries = Object.entries(gateway.selector)
  return entries.length > 0 && entries.every(([k, v]) => workload.labels[k] === v)
}

/** A VirtualService names gateways as `name` (its own namespace), `namespace/name` or a dotted FQDN. */
function bindsGateway(vs: VirtualService, gateway: Gateway): boolean {
  return vs.gateways.some((ref) => {
    if (ref.includes('/')) return ref === `${gateway.namespace}/${gateway.name}`
    if (ref.includes('.')) {
      const [name, ns] = ref.split('.')
      return name === gateway.name && ns === gateway.namespace
    }
    return ref === gateway.name && vs.namespace === gateway.namespace
  })
}

function uriMatches(match: StringMatch | undefined, path: string): boolean {
  return match === undefined || matchString(match, path)
}

export function routeIngress(mesh: Mesh, request: RequestProfile): IngressRoute {
  const ingress = ingressGatewayWorkload(mesh)
  const host = requestHost(request)
  const gateways = mesh.gateways
    .filter((g) => ingress !== undefined && gatewaySelects(g, ingress))
    .filter((g) => g.servers.some((s) => s.port.number === INGRESS_PORT && hostAllowed(s.hosts, host)))
    .sort((a, b) => a.order - b.order)
  const gateway = gateways[0]
  if (!gateway) {
    return { kind: 'no-gateway', reason: `no Gateway selecting the ingress gateway (istio: ingressgateway) opens port ${INGRESS_PORT}${host ? ` for host ${host}` : ''}: nothing listens, curl exits 7 (connection refused)` }
  }
  const bound = mesh.virtualServices
    .filter((vs) => bindsGateway(vs, gateway) && hostAllowed(vs.hosts, host))
    .sort((a, b) => a.order - b.order)
  for (const vs of bound) {
    const routeIndex = vs.http.findIndex((route) => route.match.length === 0 || route.match.some((m) => uriMatches(m.uri, request.path)))
    const route = vs.http[routeIndex]
    if (!route) continue
    const destination = route.route[0]?.destination
    const fqdn = destination ? resolveHost(destination.host, vs.namespace) : undefined
    const service = fqdn ? mesh.serviceByFqdn.get(fqdn) : undefined
    const port = service?.ports.find((p) =>
      destination?.port ? p.number === destination.port.number || (destination.port.name !== undefined && p.name === destination.port.name) : true,
    )
    if (!service || !port || (!destination?.port && service.ports.length > 1)) {
      return { kind: 'no-destination', gateway, virtualService: vs, routeIndex, reason: `VirtualService ${vs.namespace}/${vs.name} routes ${request.path} to ${destination?.host ?? 'nothing'}${destination?.port?.number ? `:${destination.port.number}` : ''}, which is not a known service port: the gateway answers 503` }
    }
    return {
      kind: 'routed',
      gateway,
      virtualService: vs,
      routeIndex,
      target: { service, port },
      reason: `Gateway ${gateway.namespace}/${gateway.name} listens on ${INGRESS_PORT}; VirtualService ${vs.namespace}/${vs.name} http[${routeIndex}] routes ${request.path} to ${service.name}.${service.namespace}:${port.number}`,
    }
  }
  return { kind: 'no-route', gateway, reason: `Gateway ${gateway.namespace}/${gateway.name} listens on ${INGRESS_PORT}, but no VirtualService bound to it matches ${request.path}${host ? ` for host ${host}` : ''}: 404` }
}
