/**
 * Steps 3-7 of the modern pipeline for one client and one column: client transport (M7-M11), transport
 * outcome (M12-M13), then on HTTP ports CUSTOM (M32) -> JWT (M17) -> DENY/ALLOW (M22-M31), on TCP ports
 * network RBAC (M31). `modernCellVerdict` is the grid's hot path (no strings); `explainModernCell`
 * reruns the same steps with words (M43).
 */
import { customMatch, denyThenAllow, describeAuthzOutcome } from '../authz/decide'
import type { ConnectionAttrs, PeerIdentity } from '../authz/match'
import { modernClientTransport, modernTlsForPort, transportOfModernTls } from '../automtls/clientTls'
import { modernTransportOutcome } from '../decide/modernTransport'
import { verdictId } from '../decide/verdicts'
import type { ResolvedRule, Workload } from '../mesh/model'
import { describePeerMode } from '../peerauthn/peerMode'
import { atLeast } from '../profile'
import type { ClientTransport, HttpCode } from '../types'
import type { ColumnFacts } from '../evaluate/columns'
import type { EvaluationContext } from '../evaluate/context'
import type { ModernColumnFacts } from './column'

const TRANSPORTS: readonly ClientTransport[] = ['PLAIN', 'IMTLS', 'TLS0', 'TLSX']
const TRUST_DOMAIN = 'cluster.local'

export interface ClientIdentity {
  sidecar: boolean
  namespace: string
  serviceAccount: string
  /** Address the server sees (M28); undefined = unknown (in-mesh pod IPs are not modelled). */
  sourceIp?: string
  remoteIp?: string
}

export function identityOf(w: Workload): ClientIdentity {
  return { sidecar: w.sidecar, namespace: w.namespace, serviceAccount: w.serviceAccount }
}

/** M9-M11 without words: the transport a sidecar client uses for this column. */
export function fastModernTransport(ctx: EvaluationContext, column: ColumnFacts, m: ModernColumnFacts, rule: ResolvedRule | undefined): ClientTransport {
  const policy = rule?.rule.trafficPolicy
  if (policy) {
    const entry = policy.portLevelSettings.find((s) => s.port.number === column.port.number)
    if (entry) {
      if (entry.tls) return transportOfModernTls(entry.tls.mode)
      if (atLeast(ctx.options.profile, '1.12')) {
        if (policy.tls?.mode === 'DISABLE') return 'PLAIN'
        if (policy.tls?.mode === 'ISTIO_MUTUAL') return m.auto.withoutPolicyCheck
      }
      return m.auto.transport
    }
    if (policy.tls) return transportOfModernTls(policy.tls.mode)
  }
  return m.auto.transport
}

function peerOf(id: ClientIdentity): PeerIdentity {
  return { principal: `${TRUST_DOMAIN}/ns/${id.namespace}/sa/${id.serviceAccount}`, namespace: id.namespace, serviceAccount: id.serviceAccount, trustDomain: TRUST_DOMAIN }
}

function connectionOf(column: ColumnFacts, id: ClientIdentity, peerCert: boolean): ConnectionAttrs {
  return {
    peer: peerCert ? peerOf(id) : undefined,
    sourceIp: id.sourceIp,
    remoteIp: id.remoteIp ?? id.sourceIp,
    sni: peerCert ? `outbound_.${column.port.number}_._.${column.service.fqdn}` : undefined,
  }
}

function customCode(ctx: EvaluationContext, provider: string | undefined): HttpCode | undefined {
  const answer = provider !== undefined ? ctx.options.extensionProviders?.[provider] : undefined
  if (!answer) return '403'
  if (answer.kind === 'allow') return undefined
  if (answer.kind === 'unreachable') return '403'
  return answer.code === '401' ? '401' : '403'
}

/** Steps 6-7 for a request that passed the transport: the verdict id. */
function serverPhase(ctx: EvaluationContext, column: ColumnFacts, m: ModernColumnFacts, conn: ConnectionAttrs): number {
  if (m.mode === 'NOSC' || m.mode === 'EXTTLS') return verdictId('200', 0, 'M12')
  if (column.port.protocol === 'TCP') {
    const outcome = denyThenAllow(m.authz, conn)
    return outcome.kind === 'denied' || outcome.kind === 'not-allowed' ? verdictId('000', 52, 'M31') : verdictId('200', 0, 'M13')
  }
  const custom = customMatch(m.authz, conn)
  if (custom) {
    const code = customCode(ctx, custom.policy.provider)
    if (code) return verdictId(code as '401' | '403', 0, 'M32')
  }
  if (m.jwt.kind === 'invalid') return verdictId(m.jwt.code, 0, 'M17')
  if (m.alphaOrigin && !m.alphaOrigin.pass) return verdictId('401', 0, 'M39')
  const outcome = denyThenAllow(m.authz, conn)
  return outcome.kind === 'denied' || outcome.kind === 'not-allowed' ? verdictId('403', 0, 'M22') : verdictId('200', 0, 'M22')
}

/** The grid's per-cell decision for a modern profile. */
export function modernCellVerdict(ctx: EvaluationContext, column: ColumnFacts, m: ModernColumnFacts, id: ClientIdentity, rule: ResolvedRule | undefined): number {
  if (!m.listening) return id.sidecar ? verdictId('503', 0, 'R24') : verdictId('000', 7, 'R24')
  const transport: ClientTransport = id.sidecar ? fastModernTransport(ctx, column, m, rule) : column.appTls ? 'TLS0' : 'PLAIN'
  const slot = (id.sidecar ? 4 : 0) + TRANSPORTS.indexOf(transport)
  const memoOk = !m.authz.connectionDependent
  if (memoOk) {
    const known = m.memo[slot] as number
    if (known >= 0) return known
  }
  const result = modernTransportOutcome(id.sidecar, transport, m.mode, column.port.protocol)
  const verdict = result.kind === 'verdict' ? result.verdict : serverPhase(ctx, column, m, connectionOf(column, id, result.peerCert))
  if (memoOk) m.memo[slot] = verdict
  return verdict
}

export interface ModernCellTrace {
  verdict: number
  transport: ClientTransport
  steps: { rule: string; text: string }[]
  portTls: ReturnType<typeof modernTlsForPort> | undefined
}

/** The same decision as modernCellVerdict, in words with M-rule numbers (M43). */
export function explainModernCell(ctx: EvaluationContext, column: ColumnFacts, m: ModernColumnFacts, id: ClientIdentity, rule: ResolvedRule | undefined): ModernCellTrace {
  const steps: { rule: string; text: string }[] = []
  if (m.peer && m.workload) steps.push(...describePeerMode(ctx.modern!.peerIndex, m.peer, m.workload, m.targetPort))
  steps.push({ rule: m.alphaMtls ? 'M39' : m.mode === 'NOSC' ? 'M6' : 'M4', text: m.modeReason })
  if (typeof column.port.targetPort !== 'number' || column.port.targetPort !== column.port.number) {
    steps.push({ rule: 'M4', text: `Service port ${column.port.number} sends to workload port ${m.targetPort}: policies that name ports (portLevelMtls, to.operation.ports) mean ${m.targetPort} (M4, M29)` })
  }
  steps.push({ rule: 'M14', text: `port protocol ${column.port.protocol}${column.port.appProtocol ? ` (appProtocol ${column.port.appProtocol})` : column.port.name ? ` (port name ${column.port.name})` : ' (unnamed: protocol sniffing classifies curl\'s request as HTTP)'}` })
  const portTls = id.sidecar ? modernTlsForPort(rule, column.port) : undefined
  const decision = modernClientTransport(id.sidecar, column.appTls, portTls, m.auto, atLeast(ctx.options.profile, '1.12'))
  if (id.sidecar && rule === undefined) steps.push({ rule: 'M8', text: `no DestinationRule visible from namespace ${id.namespace} matches ${column.service.fqdn} (client namespace, then the service's exported rules, then the root namespace)` })
  else if (id.sidecar && rule) steps.push({ rule: 'M8', text: `DestinationRule ${rule.rule.namespace}/${rule.rule.name} (host ${rule.host}) is the one the client's sidecar uses for ${column.service.fqdn}` })
  steps.push({ rule: decision.rule, text: decision.reason })
  const verdict = modernCellVerdict(ctx, column, m, id, rule)
  if (!m.listening) {
    steps.push({ rule: 'R24', text: `no pod behind ${column.service.name}.${column.service.namespace} declares container port ${column.port.targetPort}` })
    return { verdict, transport: decision.transport, steps, portTls }
  }
  const result = modernTransportOutcome(id.sidecar, decision.transport, m.mode, column.port.protocol)
  steps.push({ rule: column.port.protocol === 'TCP' ? 'M13' : 'M12', text: result.text })
  if (result.kind === 'http') {
    const conn = connectionOf(column, id, result.peerCert)
    if (result.peerCert) steps.push({ rule: 'M33', text: `peer identity ${conn.peer?.principal} (namespace ${id.namespace}, service account ${id.serviceAccount})` })
    else steps.push({ rule: 'M33', text: 'no mTLS: the request carries no peer principal and no source namespace' })
    if (m.mode === 'NOSC' || m.mode === 'EXTTLS') steps.push({ rule: 'M6', text: 'the application answers: nothing is enforced without a sidecar' })
    else if (column.port.protocol === 'TCP') {
      steps.push({ rule: 'M15', text: 'RequestAuthentication has no effect on a TCP port' })
      const outcome = denyThenAllow(m.authz, conn)
      steps.push(...describeAuthzOutcome(m.authz, outcome, result.peerCert).map((s) => ({ rule: s.rule === 'M22' ? 'M31' : s.rule, text: s.text.replace('403 "RBAC: access denied"', 'the network RBAC filter closes the connection: 000, exit 52 (M13, inferred)') })))
    } else {
      const custom = customMatch(m.authz, conn)
      if (custom) {
        const code = customCode(ctx, custom.policy.provider)
        const declared = custom.policy.provider !== undefined && ctx.options.extensionProviders?.[custom.policy.provider] !== undefined
        steps.push({ rule: 'M32', text: `AuthorizationPolicy ${custom.policy.namespace}/${custom.policy.name} (CUSTOM) rules[${custom.index}] sends the request to provider ${custom.policy.provider ?? '(none)'}${declared ? '' : ', which mesh config does not declare: 403'}${code ? `: ${code}` : ': it allows, evaluation continues'}` })
      }
      if (!custom || !customCode(ctx, custom.policy.provider)) {
        steps.push({ rule: m.jwt.kind === 'invalid' ? 'M17' : 'M15', text: m.jwt.text })
        if (m.alphaOrigin) steps.push({ rule: 'M39', text: `Istio 1.5: no RequestAuthentication applies, so the v1alpha1 origins of ${m.alphaOrigin.policy} keep their 1.1 semantics: ${m.alphaOrigin.reason}${m.alphaOrigin.pass ? '' : ': 401 "Origin authentication failed."'}` })
        if (m.jwt.kind !== 'invalid' && (!m.alphaOrigin || m.alphaOrigin.pass)) {
          if (m.jwt.kind !== 'valid' && usesRequestPrincipals(m)) steps.push({ rule: 'M27', text: 'no valid JWT: requestPrincipals and request.auth.* are absent (a DENY notRequestPrincipals ["*"] matches; an ALLOW requestPrincipals does not)' })
          steps.push(...describeAuthzOutcome(m.authz, denyThenAllow(m.authz, conn), result.peerCert))
        }
      }
    }
    if (id.sourceIp === undefined && usesIps(m)) steps.push({ rule: 'M28', text: 'a rule names IP blocks, but the client\'s address is not an input for in-mesh clients: treated as absent (not modelled)' })
  }
  return { verdict, transport: decision.transport, steps, portTls }
}

function usesRequestPrincipals(m: ModernColumnFacts): boolean {
  return [...m.authz.allow, ...m.authz.deny].some((r) => r.policy.rules.some((x) => x.from?.some((s) => s.requestPrincipals || s.notRequestPrincipals)))
}

function usesIps(m: ModernColumnFacts): boolean {
  return [...m.authz.allow, ...m.authz.deny, ...m.authz.custom].some((r) => r.residual.from?.some((s) => s.ipBlocks || s.notIpBlocks || s.remoteIpBlocks || s.notRemoteIpBlocks) || r.residual.when?.some((w) => w.key === 'source.ip' || w.key === 'remote.ip'))
}
