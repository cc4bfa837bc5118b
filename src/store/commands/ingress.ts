/**
 * The ingress pair of the seed's JWT section: a Gateway on the istio-ingressgateway (port 80, any
 * host) and a VirtualService bound to it that routes a path prefix to a service port.
 */
import type { KubeObject, ResourceKey } from '../../engine'
import { appPorts } from './apps'
import { asArray, asRecord, clone, findByKey, keyOf, NETWORKING_API, nsOf, replaceByKey, serviceFqdn, specOf, uniqueName, type Json } from './objects'
import { fail, type EditResult } from './result'

export interface RouteTarget {
  ns: string
  service: string
  port: number
}

/** The first Service port there is, preferring `namespace`: where a new route goes by default. */
export function defaultRouteTarget(resources: readonly KubeObject[], namespace: string): RouteTarget | undefined {
  const services = resources.filter((o) => o.kind === 'Service')
  const ordered = [...services.filter((s) => nsOf(s) === namespace), ...services.filter((s) => nsOf(s) !== namespace)]
  for (const service of ordered) {
    const port = appPorts(resources, keyOf(service))[0]
    if (port && Number.isInteger(port.port)) return { ns: nsOf(service), service: service.metadata.name, port: port.port }
  }
  return undefined
}

function destination(to: RouteTarget): Json {
  return { host: serviceFqdn(to.ns, to.service), port: { number: to.port } }
}

/** Adds `<svc>-gateway` and VirtualService `<svc>` routing `prefix` to `to` (default: first service port). */
export function addGatewayRoute(resources: readonly KubeObject[], namespace: string, to?: RouteTarget, prefix = '/'): EditResult {
  const target = to ?? defaultRouteTarget(resources, namespace)
  if (!target) return fail('Add a Service first: the VirtualService needs somewhere to route to.')
  const gatewayName = uniqueName(resources, 'Gateway', namespace, `${target.service}-gateway`)
  const gateway: KubeObject = {
    apiVersion: NETWORKING_API,
    kind: 'Gateway',
    metadata: { name: gatewayName, namespace },
    spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] },
  }
  const virtualService: KubeObject = {
    apiVersion: NETWORKING_API,
    kind: 'VirtualService',
    metadata: { name: uniqueName(resources, 'VirtualService', namespace, target.service), namespace },
    spec: { hosts: ['*'], gateways: [gatewayName], http: [{ match: [{ uri: { prefix } }], route: [{ destination: destination(target) }] }] },
  }
  return [...resources, gateway, virtualService]
}

function editSpec(resources: readonly KubeObject[], key: ResourceKey, kind: string, edit: (spec: Json) => string | undefined): EditResult {
  const object = findByKey(resources, key)
  if (!object || object.kind !== kind) return fail(`There is no ${kind} ${key}.`)
  const spec = asRecord(clone(object.spec))
  const problem = edit(spec)
  return problem ? fail(problem) : replaceByKey(resources, key, { ...clone(object), spec })
}

/** Sends route `index` of the VirtualService (its first destination) to `to`. */
export function routeVirtualService(resources: readonly KubeObject[], vsKey: ResourceKey, to: RouteTarget, index = 0): EditResult {
  return editSpec(resources, vsKey, 'VirtualService', (spec) => {
    const http = asArray(spec.http).map(asRecord)
    const route = http[index] ?? { match: [{ uri: { prefix: '/' } }], route: [] }
    const weighted = asArray(route.route).map(asRecord)
    weighted[0] = { ...(weighted[0] ?? {}), destination: destination(to) }
    http[index] = { ...route, route: weighted }
    spec.http = http
    return undefined
  })
}

/** Removes route `index`; a VirtualService keeps at least one route. */
export function removeVirtualServiceRoute(resources: readonly KubeObject[], vsKey: ResourceKey, index: number): EditResult {
  return editSpec(resources, vsKey, 'VirtualService', (spec) => {
    const http = asArray(spec.http)
    if (http.length <= 1) return 'This is the VirtualService\'s only route. Drag the edge to another service, or delete the VirtualService.'
    spec.http = http.filter((_, i) => i !== index)
    return undefined
  })
}

/** Gateway reference as Istio reads it: `name` in the same namespace, else `namespace/name`. */
function gatewayRef(vs: KubeObject, gateway: KubeObject): string {
  return nsOf(gateway) === nsOf(vs) ? gateway.metadata.name : `${nsOf(gateway)}/${gateway.metadata.name}`
}

/** Binds the VirtualService to `gatewayKey` (replacing any other gateway binding). */
export function attachVirtualServiceGateway(resources: readonly KubeObject[], vsKey: ResourceKey, gatewayKey: ResourceKey): EditResult {
  const vs = findByKey(resources, vsKey)
  const gateway = findByKey(resources, gatewayKey)
  if (!vs || !gateway || gateway.kind !== 'Gateway') return fail('Connect a VirtualService to a Gateway.')
  return editSpec(resources, vsKey, 'VirtualService', (spec) => {
    spec.gateways = [gatewayRef(vs, gateway)]
    return undefined
  })
}

/** Unbinds the VirtualService from a gateway; with none left it applies inside the mesh only. */
export function detachVirtualServiceGateway(resources: readonly KubeObject[], vsKey: ResourceKey, gatewayKey: ResourceKey): EditResult {
  const vs = findByKey(resources, vsKey)
  const gateway = findByKey(resources, gatewayKey)
  if (!vs || !gateway) return fail('There is no such binding.')
  const ref = gatewayRef(vs, gateway)
  return editSpec(resources, vsKey, 'VirtualService', (spec) => {
    const kept = asArray(spec.gateways).filter((g) => g !== ref && g !== gateway.metadata.name)
    if (kept.length > 0) spec.gateways = kept
    else delete spec.gateways
    return undefined
  })
}

export function virtualServiceGateways(vs: KubeObject): string[] {
  return asArray(specOf(vs).gateways).filter((g): g is string => typeof g === 'string')
}
