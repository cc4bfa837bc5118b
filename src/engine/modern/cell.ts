/**
 * Steps 3-7 of the modern pipeline for one client and one column: client transport (M7-M11), transport
 * outcome (M12-M13), then on HTTP ports CUSTOM (M32) -> JWT (M17) -> DENY/ALLOW (M22-M31), on TCP ports
 * network RBAC (M31). `modernCellVerdict` is the grid's hot path (no strings); `explainModernCell`
 * reruns the same steps with words (M43).
 */
import { authzDenies, customMatch, denyThenAllow, describeAuthzOutcome } from '../authz/decide'
import type { ConnectionAttrs, PeerIdentity } from '../authz/match'
import { modernClientTransport, modernTlsForPort, transportOfModernTls } from '../automtls/clientTls'
import { modernTransportOutcome } from '../decide/modernTransport'
import { verdictById, verdictId } from '../decide/verdicts'
import type { ResolvedRule, Workload } from '../mesh/model'
import { describePeerMode } from '../peerauthn/peerMode'
import { atLeast } from '../profile'
import type { ClientTransport } from '../types'
import type { ColumnFacts } from '../evaluate/columns'
import type { EvaluationContext } from '../evaluate/context'
import type { ModernColumnFacts } from './column'

const TRANSPORTS: readonly ClientTransport[] = ['PLAIN', 'IMTLS', 'TLS0', 'TLSX']
const TRUST_DOMAIN = 'cluster.local'

function transportIndex(t: ClientTransport): number {
  return t === 'PLAIN' ? 0 : t === 'IMTLS' ? 1 : t === 'TLS0' ? 2 : 3
}

// Verdict ids of the hot path, looked up once.
const V = {
  notListeningSidecar: verdictId('503', 0, 'R24'),
  notListeningPlain: verdictId('000', 7, 'R24'),
  app: verdictId('200', 0, 'M12'),
  tcpOk: verdictId('200', 0, 'M13'),
  tcpDenied: verdictId('000', 52, 'M31'),
  httpOk: verdictId('200', 0, 'M22'),
  httpDenied: verdictId('403', 0, 'M22'),
  jwt401: verdictId('401', 0, 'M17'),
  jwt403: verdictId('403', 0, 'M17'),
  custom401: verdictId('401', 0, 'M32'),
  custom403: verdictId('403', 0, 'M32'),
  alpha401: verdictId('401', 0, 'M39'),
}

export interface ClientIdentity {
  sidecar: boolean
  namespace: string
  serviceAccount: string
  /** Address the server sees (M28); undefined = unknown (in-mesh pod IPs are not modelled). */
  sourceIp?: string
  remoteIp?: string
}

/** A client's identity with its two possible connections (plaintext, mTLS peer), built once per row. */
export interface RowIdentity {
  id: ClientIdentity
  plain: ConnectionAttrs
  peer: ConnectionAttrs
}

export function identityOf(w: Workload): ClientIdentity {
  return { sidecar: w.sidecar, namespace: w.namespace, serviceAccount: w.serviceAccount }
}

function peerOf(id: ClientIdentity): PeerIdentity {
  return { principal: `${TRUST_DOMAIN}/ns/${id.namespace}/sa/${id.serviceAccount}`, namespace: id.namespace, serviceAccount: id.serviceAccount, trustDomain: TRUST_DOMAIN }
}

export function rowIdentity(id: ClientIdentity): RowIdentity {
  const remoteIp = id.remoteIp ?? id.sourceIp
  return { id, plain: { peer: undefined, sourceIp: id.sourceIp, remoteIp }, peer: { peer: peerOf(id), sourceIp: id.sourceIp, remoteIp } }
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

function customVerdict(ctx: EvaluationContext, provider: string | undefined): number | undefined {
  const answer = provider !== undefined ? ctx.options.extensionProviders?.[provider] : undefined
  if (!answer || answer.kind === 'unreachable') return V.custom403
  if (answer.kind === 'allow') return undefined
  return answer.code === '401' ? V.custom401 : V.custom403
}

/** Steps 6-7 for a request that passed the transport: the verdict id. */
function serverPhase(ctx: EvaluationContext, column: ColumnFacts, m: ModernColumnFacts, conn: ConnectionAttrs): number {
  if (m.mode === 'NOSC' || m.mode === 'EXTTLS') return V.app
  if (column.port.protocol === 'TCP') return authzDenies(m.authz, conn) ? V.tcpDenied : V.tcpOk
  const custom = customMatch(m.authz, conn)
  if (custom) {
    const code = customVerdict(ctx, custom.policy.provider)
    if (code !== undefined) return code
  }
  if (m.jwt.kind === 'invalid') return m.jwt.code === '401' ? V.jwt401 : V.jwt403
  if (m.alphaOrigin && !m.alphaOrigin.pass) return V.alpha401
  return authzDenies(m.authz, conn) ? V.httpDenied : V.httpOk
}

/** The grid's per-cell decision for a modern profile: memoised per column wherever the client cannot matter. */
export function modernCellVerdict(ctx: EvaluationContext, column: ColumnFacts, m: ModernColumnFacts, row: RowIdentity, rule: ResolvedRule | undefined): number {
  const sidecar = row.id.sidecar
  if (!m.listening) return sidecar ? V.notListeningSidecar : V.notListeningPlain
  let t: number
  if (!sidecar) t = column.appTls ? 2 : 0
  else if (m.transportCache.rule === rule && m.transportCache.transport >= 0) t = m.transportCache.transport
  else {
    t = transportIndex(fastModernTransport(ctx, column, m, rule))
    m.transportCache.rule = rule
    m.transportCache.transport = t
  }
  const slot = (sidecar ? 4 : 0) + t
  let outcome = m.memo[slot] as number
  if (outcome === -1) {
    const result = modernTransportOutcome(sidecar, TRANSPORTS[t] as ClientTransport, m.mode, column.port.protocol)
    outcome = result.kind === 'verdict' ? result.verdict : result.peerCert ? -3 : -2
    m.memo[slot] = outcome
  }
  if (outcome >= 0) return outcome
  const peer = outcome === -3
  if (m.authz.connectionDependent) return serverPhase(ctx, column, m, peer ? row.peer : row.plain)
  const k = peer ? 1 : 0
  let v = m.phaseMemo[k] as number
  if (v < 0) {
    v = serverPhase(ctx, column, m, peer ? row.peer : row.plain)
    m.phaseMemo[k] = v
  }
  return v
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
  const row = rowIdentity(id)
  const verdict = modernCellVerdict(ctx, column, m, row, rule)
  if (!m.listening) {
    steps.push({ rule: 'R24', text: `no pod behind ${column.service.name}.${column.service.namespace} declares container port ${column.port.targetPort}` })
    return { verdict, transport: decision.transport, steps, portTls }
  }
  const result = modernTransportOutcome(id.sidecar, decision.transport, m.mode, column.port.protocol)
  steps.push({ rule: column.port.protocol === 'TCP' ? 'M13' : 'M12', text: result.text })
  if (result.kind === 'http') {
    const conn = result.peerCert ? row.peer : row.plain
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
        const code = customVerdict(ctx, custom.policy.provider)
        const declared = custom.policy.provider !== undefined && ctx.options.extensionProviders?.[custom.policy.provider] !== undefined
        steps.push({ rule: 'M32', text: `AuthorizationPolicy ${custom.policy.namespace}/${custom.policy.name} (CUSTOM) rules[${custom.index}] sends the request to provider ${custom.policy.provider ?? '(none)'}${declared ? '' : ', which mesh config does not declare: 403'}${code !== undefined ? `: ${verdictById(code)?.code}` : ': it allows, evaluation continues'}` })
      }
      if (!custom || customVerdict(ctx, custom.policy.provider) === undefined) {
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
