/** Single-object checks of a Gateway. */
import type { IstioProfile, ObjectPath } from '../../types'
import type { CGateway, CServer } from '../canonical'
import { hostProblem, isIPv4, isIstioLabel, isPortNumber } from '../names'
import type { Report } from '../walk'

const PROTOCOLS = ['HTTP', 'HTTPS', 'GRPC', 'HTTP2', 'MONGO', 'REDIS', 'MYSQL', 'TCP', 'TLS']
const TLS_PROTOCOLS = ['HTTPS', 'TLS']

/** A gateway host: `*`, a DNS name (wildcard first label allowed) or an IP; 1.1 adds `namespace/host`. */
function gatewayHostProblem(host: string, profile: IstioProfile): string | undefined {
  const slash = host.indexOf('/')
  if (slash !== -1 && profile !== '1.0') {
    const ns = host.slice(0, slash)
    if (ns !== '*' && ns !== '.' && !isIstioLabel(ns)) return `namespace "${ns}" is not valid`
    return gatewayHostProblem(host.slice(slash + 1), '1.0')
  }
  return isIPv4(host) ? undefined : hostProblem(host)
}

function checkServerPort(server: CServer, path: ObjectPath, report: Report): void {
  const port = server.port
  if (!port) return report('IST0151', path, 'a server needs a `port` with number, protocol and name')
  if (!isPortNumber(port.number)) report('IST0151', [...path, 'port', 'number'], 'the server port needs a `number` in 1-65535')
  const protocol = port.protocol ?? ''
  if (!PROTOCOLS.includes(protocol.toUpperCase())) {
    report('IST0151', [...path, 'port', 'protocol'], `protocol "${protocol}" is not one of ${PROTOCOLS.join(', ')}`)
  } else if (TLS_PROTOCOLS.includes(protocol.toUpperCase()) && !server.tls) {
    report('IST0153', [...path, 'port', 'protocol'], `this ${protocol.toUpperCase()} server needs \`tls\` settings`)
  }
  if (!port.name) report('IST0151', [...path, 'port', 'name'], 'the server port needs a `name`')
}

/** @example checkGatewayRules('httpbin-gateway', { servers: [] }, '1.0', report) // IST0150 */
export function checkGatewayRules(name: string, spec: CGateway, profile: IstioProfile, report: Report): void {
  if (!isIstioLabel(name)) report('IST0154', ['metadata', 'name'], `gateway name "${name}" must be a DNS-1123 label (no dots)`)
  const servers = spec.servers ?? []
  if (servers.length === 0) report('IST0150', ['spec', 'servers'], 'a Gateway needs at least one server')
  const portNames = new Set<string>()
  servers.forEach((server, i) => {
    const at = ['spec', 'servers', i]
    checkServerPort(server, at, report)
    const portName = server.port?.name
    if (portName && portNames.has(portName)) report('IST0151', [...at, 'port', 'name'], `port name "${portName}" is used by another server`)
    if (portName) portNames.add(portName)
    const hosts = server.hosts ?? []
    if (hosts.length === 0) report('IST0152', [...at, 'hosts'], 'a server needs at least one host (`"*"` for any)')
    hosts.forEach((host, j) => {
      const problem = gatewayHostProblem(host, profile)
      if (problem) report('IST0152', [...at, 'hosts', j], `host "${host}" is not valid: ${problem}`)
    })
  })
}
