/**
 * M7-M11: what a modern client puts on the wire. A sidecar-less client sends what its app sends (M7);
 * a sidecar uses the DestinationRule chosen by M8 (the 1.1 lookup, client/selectDestinationRule.ts),
 * whose TLS for the service port (M9) either names the transport (M11) or, when absent, hands the
 * decision to auto mTLS (M10), which depends only on the destination: computed once per column.
 */
import type { TlsMode } from '../istio'
import type { ResolvedRule, ServicePort, Workload } from '../mesh/model'
import type { ClientTransport, ModernRuleId } from '../types'
import type { EffectiveMode } from '../peerauthn/peerMode'

export interface ModernPortTls {
  /** M9 result: undefined = no TLS setting, auto mTLS decides. */
  mode: TlsMode | undefined
  portLevelIndex: number | undefined
  /** 1.12+ quirk (M10): the port-level entry has no tls, the endpoint check reads the top-level tls. */
  topLevelForEndpoint: TlsMode | undefined
  reason: string
}

/** M9: a port-level entry for the Service port number replaces the top level, tls absent included. */
export function modernTlsForPort(resolved: ResolvedRule | undefined, port: ServicePort): ModernPortTls {
  const none = { portLevelIndex: undefined, topLevelForEndpoint: undefined }
  if (!resolved) return { mode: undefined, ...none, reason: 'no DestinationRule is visible for this service (M8): auto mTLS decides' }
  const policy = resolved.rule.trafficPolicy
  const name = `DestinationRule ${resolved.rule.namespace}/${resolved.rule.name}`
  if (!policy) return { mode: undefined, ...none, reason: `${name} has no trafficPolicy: no TLS setting, auto mTLS decides (M9; unlike 1.0/1.1, this does not mean plaintext)` }
  const index = policy.portLevelSettings.findIndex((s) => s.port.number === port.number)
  const entry = index >= 0 ? policy.portLevelSettings[index] : undefined
  if (entry) {
    return entry.tls
      ? { mode: entry.tls.mode, portLevelIndex: index, topLevelForEndpoint: undefined, reason: `${name} portLevelSettings[${index}] (port ${port.number}) sets tls ${entry.tls.mode}` }
      : {
          mode: undefined,
          portLevelIndex: index,
          topLevelForEndpoint: policy.tls?.mode,
          reason: `${name} portLevelSettings[${index}] (port ${port.number}) replaces the top level and sets no tls: auto mTLS decides (M9)`,
        }
  }
  return policy.tls
    ? { mode: policy.tls.mode, portLevelIndex: undefined, topLevelForEndpoint: undefined, reason: `${name} sets tls ${policy.tls.mode}` }
    : { mode: undefined, portLevelIndex: undefined, topLevelForEndpoint: undefined, reason: `${name} sets no tls: auto mTLS decides (M9)` }
}

/** M11: DR TLS mode -> transport. */
export function transportOfModernTls(mode: TlsMode): ClientTransport {
  switch (mode) {
    case 'ISTIO_MUTUAL':
      return 'IMTLS'
    case 'SIMPLE':
      return 'TLS0'
    case 'MUTUAL':
      return 'TLSX'
    case 'DISABLE':
      return 'PLAIN'
  }
}

/** What auto mTLS (M10) decides for one destination, independent of the client. */
export interface AutoMtls {
  transport: 'IMTLS' | 'PLAIN'
  /** 1.12+ quirk with a DR top-level ISTIO_MUTUAL: IMTLS to every labelled endpoint (steps 2 and 4 skipped). */
  withoutPolicyCheck: 'IMTLS' | 'PLAIN'
  reason: string
}

export interface AutoMtlsInput {
  enabled: boolean
  /** Namespace/mesh-level mode of the service's namespace (M10 step 2, M39.3 in 1.5). */
  namespaceMode: EffectiveMode
  namespaceModeSource: string
  endpoint: Workload | undefined
  /** 1.12+: the endpoint's full mode for its target port (M3+M4), when the check is on. */
  endpointMode: EffectiveMode | undefined
}

export function decideAutoMtls(input: AutoMtlsInput): AutoMtls {
  const base = decideAutoMtlsSteps(input)
  // The 1.12+ endpoint check with a DR top-level ISTIO_MUTUAL returns true for every labelled endpoint.
  const labelled = input.enabled && input.endpoint?.tlsModeLabel === 'istio'
  return { ...base, withoutPolicyCheck: labelled ? 'IMTLS' : 'PLAIN' }
}

function decideAutoMtlsSteps(input: AutoMtlsInput): AutoMtls {
  if (!input.enabled) return { transport: 'PLAIN', withoutPolicyCheck: 'PLAIN', reason: 'mesh config enableAutoMtls is false: without a DestinationRule TLS setting the sidecar sends plaintext (M10)' }
  if (input.namespaceMode === 'DISABLE') {
    return { transport: 'PLAIN', withoutPolicyCheck: 'PLAIN', reason: `auto mTLS: the namespace-level mode of the destination is DISABLE (${input.namespaceModeSource}), so the sidecar sends plaintext (M10 step 2)` }
  }
  const label = input.endpoint?.tlsModeLabel
  if (label !== 'istio') {
    return {
      transport: 'PLAIN',
      withoutPolicyCheck: 'PLAIN',
      reason: `auto mTLS: the endpoint pod is not labelled security.istio.io/tlsMode=istio (${label === undefined ? 'no sidecar injected' : `label says ${label}`}), so the sidecar sends plaintext (M10 step 3, M6)`,
    }
  }
  if (input.endpointMode === 'DISABLE') {
    return {
      transport: 'PLAIN',
      withoutPolicyCheck: 'IMTLS',
      reason: 'auto mTLS (1.12+): the endpoint workload\'s own PeerAuthentication mode for this port is DISABLE, so the sidecar sends plaintext (M10 step 4)',
    }
  }
  return { transport: 'IMTLS', withoutPolicyCheck: 'IMTLS', reason: `auto mTLS: the endpoint carries security.istio.io/tlsMode=istio and the destination namespace mode is ${input.namespaceMode} (${input.namespaceModeSource}): Istio mutual TLS (M10)` }
}

export interface ClientTransportDecision {
  transport: ClientTransport
  rule: ModernRuleId
  reason: string
}

/** M7 + M11 + M10 for one client and one column. */
export function modernClientTransport(sidecar: boolean, appTls: boolean, portTls: ModernPortTls | undefined, auto: AutoMtls, quirk112: boolean): ClientTransportDecision {
  if (!sidecar) return { transport: appTls ? 'TLS0' : 'PLAIN', rule: 'M7', reason: appTls ? 'no sidecar: the app speaks TLS itself (https)' : 'no sidecar: curl sends plaintext HTTP; DestinationRules and auto mTLS do not exist for it (M7)' }
  const tls = portTls as ModernPortTls
  if (tls.mode !== undefined) return { transport: transportOfModernTls(tls.mode), rule: 'M11', reason: `${tls.reason}: ${transportOfModernTls(tls.mode)} to every endpoint (M11)` }
  if (quirk112 && tls.topLevelForEndpoint === 'DISABLE') {
    return { transport: 'PLAIN', rule: 'M10', reason: `${tls.reason}; 1.12+ quirk: the endpoint check reads the rule's top-level tls DISABLE: plaintext (M10)` }
  }
  if (quirk112 && tls.topLevelForEndpoint === 'ISTIO_MUTUAL') {
    return { transport: auto.withoutPolicyCheck, rule: 'M10', reason: `${tls.reason}; 1.12+ quirk: the endpoint check reads the rule's top-level tls ISTIO_MUTUAL and skips the PeerAuthentication check: ${auto.withoutPolicyCheck} (M10)` }
  }
  return { transport: auto.transport, rule: 'M10', reason: `${tls.reason}; ${auto.reason}` }
}
