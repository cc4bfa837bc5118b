/**
 * Rule 21: why a cell has its code, step by step, naming the policy and the DestinationRule that
 * decided it. Computed on demand (a grid never pays for explanations nobody opened), by rerunning
 * the same decisions as the grid with their reasons.
 */
import { selectDestinationRule, type RuleStage } from '../client/selectDestinationRule'
import { tlsForPort, transportOfTlsMode } from '../client/clientTransport'
import { httpPhase } from '../decide/httpAuthn'
import { transportOutcome } from '../decide/transportOutcome'
import { verdictById } from '../decide/verdicts'
import { evaluateExternal } from '../ingress/externalVerdict'
import { ROOT_NAMESPACE, type Workload } from '../mesh/model'
import type { PolicyLevel } from '../server/selectPolicy'
import type { ClientTransport, ResourceKey, RuleId, ServerMode, Verdict } from '../types'
import { cellVerdict, columnFacts, type ColumnFacts } from './columns'
import type { EvaluationContext } from './context'
import { ingressCurlCommand, podCurlCommand } from './curlCommand'
import { clientLabel, targetLabel, type Target } from './targets'
import { explainModernCell, identityOf } from '../modern/cell'
import { ruleForClient } from './columns'
import { verdictBody } from '../decide/verdicts'

export interface ExplanationStep {
  /** The rule of section 12 this step applies (R5 policy choice, R9 rule choice, ...). */
  rule: string
  text: string
}

export interface CellExplanation {
  verdict: Verdict
  client: string
  target: string
  steps: ExplanationStep[]
  policy: { key?: ResourceKey; level: PolicyLevel; reason: string }
  destinationRule: { key?: ResourceKey; stage: RuleStage; portLevelIndex?: number; tlsMode?: string; reason: string }
  transport: ClientTransport
  serverMode: ServerMode
  decidedBy: RuleId
  /** Set when the code follows the seed's text rather than Istio's behaviour (rule 11). */
  realIstio?: string
  /** The command that checks this cell on a real cluster. */
  command: string
  /** Modern profiles (M43): the response body Istio produces, where it produces one. */
  body?: string
}

function targetUrl(t: Target, path: string): string {
  if (t.service.externalTls) return `https://${t.service.name}.${t.service.namespace}${t.port.number === 443 ? '' : `:${t.port.number}`}${path}`
  return `http://${t.service.name}.${t.service.namespace}${t.port.number === 80 ? '' : `:${t.port.number}`}${path}`
}

function explainColumnFor(ctx: EvaluationContext, column: ColumnFacts, clientNamespace: string, sidecar: boolean, steps: ExplanationStep[]) {
  const { profile } = ctx.options
  steps.push({ rule: 'R5', text: column.choice.reason })
  if (column.choice.conflicts.length > 0) {
    steps.push({ rule: 'R5', text: `conflict: ${column.choice.conflicts.map((p) => p.name).join(', ')} also target this port; Istio picks one at random, this tool takes the oldest` })
  }
  steps.push({ rule: 'R6', text: column.server.reason })
  const ruleChoice = sidecar ? selectDestinationRule(ctx.mesh, clientNamespace, column.service, profile) : undefined
  const portTls = sidecar ? tlsForPort(ruleChoice?.resolved, column.port) : undefined
  if (ruleChoice && portTls) {
    steps.push({ rule: 'R9', text: ruleChoice.reason })
    steps.push({ rule: 'R10', text: portTls.reason })
  } else {
    steps.push({ rule: 'R8', text: column.appTls ? 'no sidecar: the app speaks TLS itself (https)' : 'no sidecar: the app sends plaintext HTTP; DestinationRules do not apply' })
  }
  const transport: ClientTransport = sidecar ? transportOfTlsMode(portTls?.mode) : column.appTls ? 'TLS0' : 'PLAIN'
  return { ruleChoice, portTls, transport }
}

function explainDecision(ctx: EvaluationContext, column: ColumnFacts, sidecar: boolean, transport: ClientTransport, steps: ExplanationStep[]): RuleId {
  if (!column.server.listening) {
    steps.push({ rule: 'R24', text: `no pod behind ${column.service.name}.${column.service.namespace} declares container port ${column.port.targetPort}: ${sidecar ? 'the client sidecar answers 503' : 'the connection is refused (exit 7)'}` })
    return 'R24'
  }
  const result = transportOutcome({ clientSidecar: sidecar, transport, server: column.server, protocol: column.port.protocol, profile: ctx.options.profile, seedStrictJwt401: column.seedStrictJwt401 })
  if (result.kind === 'verdict') {
    const rule = verdictById(result.verdict)?.rule ?? 'R12'
    steps.push({ rule, text: result.text })
    return rule
  }
  steps.push({ rule: column.port.protocol === 'HTTP' ? 'R12' : 'R13', text: result.text })
  const token = column.choice.policy ? ctx.tokens.get(column.choice.policy.key) : undefined
  const phase = httpPhase(column.choice.policy, column.server.authnFilter, result.peerCert, token, ctx.options.profile)
  const rule = verdictById(phase.verdict)?.rule ?? 'R14'
  for (const text of phase.steps) steps.push({ rule, text })
  return rule
}

const R11_NOTE =
  'This 401 reproduces the istio.io task of 2018-08-27. Istio 1.0 and 1.1 build a TLS-only listener for a STRICT peer, so plaintext never reaches the authentication filter: the connection is reset and curl prints 000 with exit code 56 (switch "R11" to "as implemented" to see it). istio.io corrected the text on 2018-09-17.'

function finish(
  ctx: EvaluationContext,
  column: ColumnFacts,
  verdictId: number,
  decidedBy: RuleId,
  steps: ExplanationStep[],
  client: string,
  transport: ClientTransport,
  rule: ReturnType<typeof explainColumnFor>,
  command: string,
): CellExplanation {
  const verdict = verdictById(verdictId) ?? { code: '000', exit: 0, rule: decidedBy }
  const resolved = rule.ruleChoice?.resolved
  return {
    verdict,
    client,
    target: targetLabel(column),
    steps,
    policy: { ...(column.choice.policy ? { key: column.choice.policy.key } : {}), level: column.choice.level, reason: column.choice.reason },
    destinationRule: {
      ...(resolved ? { key: resolved.rule.key } : {}),
      stage: rule.ruleChoice?.stage ?? 'none',
      ...(rule.portTls?.portLevelIndex !== undefined ? { portLevelIndex: rule.portTls.portLevelIndex } : {}),
      ...(rule.portTls?.mode ? { tlsMode: rule.portTls.mode } : {}),
      reason: rule.ruleChoice?.reason ?? 'the client has no sidecar: DestinationRules do not apply',
    },
    transport,
    serverMode: column.server.mode,
    decidedBy: verdict.rule,
    ...(verdict.rule === 'R11' ? { realIstio: R11_NOTE } : {}),
    command,
  }
}

/** Modern profiles: the same CellExplanation, steps numbered by M-rules. */
function explainModernWorkloadCell(ctx: EvaluationContext, client: Workload, column: ColumnFacts, target: Target): CellExplanation {
  const m = column.modern!
  const rule = client.sidecar ? ruleForClient(ctx, column, client.namespace) : undefined
  // M8 uses the 1.1 lookup order; its stage names where the rule was found.
  const stage = client.sidecar ? selectDestinationRule(ctx.mesh, client.namespace, column.service, ctx.options.profile).stage : 'none'
  const steps: ExplanationStep[] = [{ rule: 'M6', text: `client ${clientLabel(client)}: ${client.sidecarReason}` }]
  const trace = explainModernCell(ctx, column, m, identityOf(client), rule)
  steps.push(...trace.steps)
  const verdict = verdictById(trace.verdict) ?? { code: '000', exit: 0, rule: 'M12' }
  const chosen = m.peer?.workload.chosen ?? m.peer?.namespace.chosen ?? m.peer?.mesh.chosen
  const level = m.peer?.workload.chosen ? 'service' : m.peer?.namespace.chosen ? 'namespace' : m.peer?.mesh.chosen ? 'mesh' : 'none'
  const body = verdictBody(verdict)
  return {
    verdict,
    client: clientLabel(client),
    target: targetLabel(column),
    steps,
    policy: { ...(chosen ? { key: chosen.key } : {}), level, reason: m.modeReason },
    destinationRule: {
      ...(rule ? { key: rule.rule.key } : {}),
      stage,
      ...(trace.portTls?.portLevelIndex !== undefined ? { portLevelIndex: trace.portTls.portLevelIndex } : {}),
      ...(trace.portTls?.mode ? { tlsMode: trace.portTls.mode } : {}),
      reason: trace.portTls?.reason ?? 'the client has no sidecar: DestinationRules do not apply',
    },
    transport: trace.transport,
    serverMode: m.mode,
    decidedBy: verdict.rule,
    command: podCurlCommand(client, targetUrl(target, ctx.request.path), ctx.request),
    ...(body ? { body } : {}),
  }
}

export function explainWorkloadCell(ctx: EvaluationContext, client: Workload, target: Target): CellExplanation {
  const column = columnFacts(ctx, target)
  if (column.modern) return explainModernWorkloadCell(ctx, client, column, target)
  const steps: ExplanationStep[] = [{ rule: 'R2', text: `client ${clientLabel(client)}: ${client.sidecarReason}` }]
  const rule = explainColumnFor(ctx, column, client.namespace, client.sidecar, steps)
  const decidedBy = explainDecision(ctx, column, client.sidecar, rule.transport, steps)
  const verdict = cellVerdict(ctx, column, client.sidecar, rule.transport)
  const command = podCurlCommand(client, targetUrl(target, ctx.request.path), ctx.request)
  return finish(ctx, column, verdict, decidedBy, steps, clientLabel(client), rule.transport, rule, command)
}

export function explainExternal(ctx: EvaluationContext): CellExplanation {
  const outcome = evaluateExternal(ctx)
  if (ctx.modern && outcome.steps) {
    const verdict = verdictById(outcome.verdict) ?? { code: '000', exit: 0, rule: 'M34' }
    const m = outcome.column?.modern
    const body = verdictBody(verdict)
    return {
      verdict,
      client: 'external',
      target: 'istio-ingressgateway.istio-system:80',
      steps: outcome.steps,
      policy: { level: 'none', reason: m?.modeReason ?? 'the request does not reach a service' },
      destinationRule: { stage: 'none', reason: outcome.column ? 'see the steps (M8, M9)' : 'the request does not reach a service' },
      transport: 'PLAIN',
      serverMode: m?.mode ?? 'NOSC',
      decidedBy: verdict.rule,
      command: ingressCurlCommand(ctx.request),
      ...(body ? { body } : {}),
    }
  }
  const steps: ExplanationStep[] = outcome.gatewaySteps.map((text) => ({ rule: 'R20', text }))
  const command = ingressCurlCommand(ctx.request)
  const verdict = verdictById(outcome.verdict) ?? { code: '000', exit: 0, rule: 'R20' }
  const column = outcome.column
  if (!column) {
    return {
      verdict,
      client: 'external',
      target: 'istio-ingressgateway.istio-system:80',
      steps,
      policy: { level: 'none', reason: 'the request does not reach a service' },
      destinationRule: { stage: 'none', reason: 'the request does not reach a service' },
      transport: 'PLAIN',
      serverMode: 'NOSC',
      decidedBy: verdict.rule,
      command,
    }
  }
  const rule = explainColumnFor(ctx, column, ROOT_NAMESPACE, true, steps)
  if (verdict.rule === 'R20' && verdict.code === '401') {
    return finish(ctx, column, outcome.verdict, 'R20', steps, 'external', rule.transport, rule, command)
  }
  explainDecision(ctx, column, true, rule.transport, steps)
  if (verdict.rule === 'R20') steps.push({ rule: 'R20', text: 'the gateway turns the failed upstream connection into 503 for the external client' })
  return finish(ctx, column, outcome.verdict, verdict.rule, steps, 'external', rule.transport, rule, command)
}
