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
