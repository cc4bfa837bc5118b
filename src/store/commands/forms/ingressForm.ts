/** Gateway and VirtualService forms: the first server of a Gateway; hosts, gateways and prefix routes of a VirtualService. */
import type { KubeObject } from '../../../engine'
import { asArray, asRecord, clone, type Json } from '../objects'
import { portSelectorFromText, portSelectorText, setOrDelete, strings } from './fields'

export interface GatewayForm {
  hosts: string[]
  port: number
  portName: string
  protocol: string
}

export function readGatewayForm(gateway: KubeObject): GatewayForm {
  const server = asRecord(asArray(asRecord(gateway.spec).servers)[0])
  const port = asRecord(server.port)
  return { hosts: strings(server.hosts), port: Number(port.number ?? 80), portName: String(port.name ?? ''), protocol: String(port.protocol ?? 'HTTP') }
}

export function writeGatewayForm(gateway: KubeObject, form: GatewayForm): KubeObject {
  const copy = clone(gateway)
  const spec = asRecord(copy.spec)
  const servers = asArray(spec.servers).map(asRecord)
  const port: Json = { number: form.port, protocol: form.protocol }
  if (form.portName) port.name = form.portName
  servers[0] = { ...(servers[0] ?? {}), port, hosts: form.hosts }
  spec.servers = servers
  return { ...copy, spec }
}

export interface RouteForm {
  /** URI prefix; '' = every request. */
  prefix: string
  /** Destination host, e.g. httpbin.foo.svc.cluster.local. */
  host: string
  /** Destination port number or name; '' = not set. */
  port: string
}

export interface VirtualServiceForm {
  hosts: string[]
  gateways: string[]
  routes: RouteForm[]
}

export function readVirtualServiceForm(vs: KubeObject): VirtualServiceForm {
  const spec = asRecord(vs.spec)
  return {
    hosts: strings(spec.hosts),
    gateways: strings(spec.gateways),
    routes: asArray(spec.http).map(asRecord).map((r) => {
      const destination = asRecord(asRecord(asArray(r.route)[0]).destination)
      const uri = asRecord(asRecord(asArray(r.match)[0]).uri)
      return { prefix: typeof uri.prefix === 'string' ? uri.prefix : '', host: String(destination.host ?? ''), port: destination.port ? portSelectorText(destination.port) : '' }
    }),
  }
}

export function writeVirtualServiceForm(vs: KubeObject, form: VirtualServiceForm): KubeObject {
  const copy = clone(vs)
  const spec = asRecord(copy.spec)
  spec.hosts = form.hosts
  setOrDelete(spec, 'gateways', form.gateways, form.gateways.length > 0)
  const originals = asArray(spec.http).map(asRecord)
  spec.http = form.routes.map((r, i) => {
    const original = originals[i] ?? {}
    const weighted = asArray(original.route).map(asRecord)
    const destination: Json = { ...asRecord(weighted[0]?.destination), host: r.host }
    setOrDelete(destination, 'port', portSelectorFromText(r.port), r.port !== '')
    const route: Json = { ...original, route: [{ ...(weighted[0] ?? {}), destination }, ...weighted.slice(1)] }
    setOrDelete(route, 'match', [{ uri: { prefix: r.prefix } }], r.prefix !== '')
    return route
  })
  return { ...copy, spec }
}
