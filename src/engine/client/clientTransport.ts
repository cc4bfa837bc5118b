/**
 * Rules 8 and 10: what a client puts on the wire. Without a sidecar, what the app sends; with one,
 * the TLS mode of the chosen DestinationRule for this port (port-level settings replace the top level).
 */
import type { TlsMode } from '../istio'
import type { ResolvedRule, ServicePort } from '../mesh/model'
import type { ClientTransport } from '../types'

export interface PortTls {
  mode: TlsMode | undefined
  /** Index of the portLevelSettings entry used, if any. */
  portLevelIndex: number | undefined
  reason: string
}

export function tlsForPort(resolved: ResolvedRule | undefined, port: ServicePort): PortTls {
  if (!resolved) return { mode: undefined, portLevelIndex: undefined, reason: 'no DestinationRule: the sidecar sends plaintext' }
  const policy = resolved.rule.trafficPolicy
  if (!policy) return { mode: undefined, portLevelIndex: undefined, reason: 'the rule has no trafficPolicy: plaintext' }
  const index = policy.portLevelSettings.findIndex(
    (s) => s.port.number === port.number || (s.port.name !== undefined && s.port.name === port.name),
  )
  const entry = index >= 0 ? policy.portLevelSettings[index] : undefined
  if (entry) {
    return {
      mode: entry.tls?.mode,
      portLevelIndex: index,
      reason: entry.tls
        ? `portLevelSettings[${index}] matches port ${port.number}: tls ${entry.tls.mode}`
        : `portLevelSettings[${index}] matches port ${port.number} and sets no tls: plaintext (port-level settings do not inherit the top level)`,
    }
  }
  return {
    mode: policy.tls?.mode,
    portLevelIndex: undefined,
    reason: policy.tls ? `top-level tls ${policy.tls.mode}` : 'the trafficPolicy sets no tls: plaintext',
  }
}

export function transportOfTlsMode(mode: TlsMode | undefined): ClientTransport {
  switch (mode) {
    case 'ISTIO_MUTUAL':
      return 'IMTLS'
    case 'SIMPLE':
      return 'TLS0'
    case 'MUTUAL':
      return 'TLSX'
    default:
      return 'PLAIN'
  }
}
