import type { PortProtocol } from '../types'

const HTTP_FAMILY = new Set(['http', 'http2', 'grpc'])

/**
 * Rule 1: Istio 1.0/1.1 infer a service port's protocol from its name: the part before the first '-'.
 * http, http2 and grpc get HTTP listeners; everything else (https, tls, tcp, unnamed) is opaque TCP.
 */
export function protocolOfPortName(name: string): PortProtocol {
  const prefix = name.split('-', 1)[0]?.toLowerCase() ?? ''
  return HTTP_FAMILY.has(prefix) ? 'HTTP' : 'TCP'
}

const MODERN_HTTP = new Set(['http', 'http2', 'http_proxy', 'grpc', 'grpc-web'])
const MODERN_TCP = new Set(['tcp', 'https', 'tls', 'mongo', 'redis', 'mysql'])
/** Unnamed ports Istio treats as TCP without sniffing (M14: SMTP, DNS, MySQL, MongoDB). */
const WELL_KNOWN_TCP_PORTS = new Set([25, 53, 3306, 27017])

/**
 * M14 (1.5+): `appProtocol` if set, else the name's prefix before the first '-' (`grpc-web` whole);
 * HTTP family -> HTTP, TCP family -> TCP; anything else is sniffed, which classifies curl's HTTP/1.1 as
 * HTTP, except the well-known TCP port numbers. UDP is outside the grid and counted as TCP.
 */
export function modernPortProtocol(name: string, appProtocol: string | undefined, port: number, transport?: unknown): PortProtocol {
  if (typeof transport === 'string' && transport.toUpperCase() === 'UDP') return 'TCP'
  const declared = (appProtocol ?? (name.toLowerCase().startsWith('grpc-web') ? 'grpc-web' : name.split('-', 1)[0] ?? '')).toLowerCase()
  if (MODERN_HTTP.has(declared)) return 'HTTP'
  if (MODERN_TCP.has(declared) || declared === 'udp') return 'TCP'
  return WELL_KNOWN_TCP_PORTS.has(port) ? 'TCP' : 'HTTP'
}
