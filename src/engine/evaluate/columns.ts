/**
 * Per-column facts (server side of one service port) computed once per evaluation, and the fast
 * per-cell decision built on them. The explanation (explain.ts) reruns the same steps with words.
 */
import { lookupRule } from '../client/ruleIndex'
import { lookupOrder, stageRules } from '../client/selectDestinationRule'
import { tlsForPort, transportOfTlsMode } from '../client/clientTransport'
import { httpPhase } from '../decide/httpAuthn'
import { refusedOutcome } from '../decide/refusal'
import { transportOutcome } from '../decide/transportOutcome'
import { ROOT_NAMESPACE, type ResolvedRule } from '../mesh/model'
import { selectPolicy, type PolicyChoice } from '../server/selectPolicy'
import { describeServerSide, type ServerSide } from '../server/serverMode'
import type { ClientTransport } from '../types'
import type { EvaluationContext } from './context'
import type { Target } from './targets'
import { modernColumnFacts, type ModernColumnFacts } from '../modern/column'

const TRANSPORTS: readonly ClientTransport[] = ['PLAIN', 'IMTLS', 'TLS0', 'TLSX']

export interface ColumnFacts extends Target {
  choice: PolicyChoice
  server: ServerSide
  /** Verdict ids of the HTTP phase: [without peer certificate, with verified certificate]. */
  httpVerdicts: [number, number]
  /** Rule 11 applies to this column (1.0, "as documented", the chosen policy has an origin). */
  seedStrictJwt401: boolean
  /** The app itself speaks TLS to this port (the Kubernetes API request of the seed). */
  appTls: boolean
  /** Istio 1.0: the one rule every client uses for this service. */
  globalRule: ResolvedRule | undefined
  /** Istio 1.1: the rule found for clients whose namespace has no matching rule (stages 2 and 3). */
  fallbackRule: ResolvedRule | undefined
  /** Istio 1.1, clients in the service's own namespace without a match there: stage 3. */
  rootRule: ResolvedRule | undefined
  /** Memo of transport outcomes: index sidecar * 4 + transport; -1 = not computed. */
  memo: number[]
  /** Modern profiles (1.5+): the server side by M1-M6, M10, M15-M32 (modern/column.ts). */
  modern?: ModernColumnFacts
}

/** Modern profiles: the 1.x server side (R5-R7, R14-R16) is not computed; modern/column.ts decides. */
const MODERN_PLACEHOLDER_CHOICE: PolicyChoice = { policy: undefined, level: 'none', reason: 'modern profile: see the PeerAuthentication steps (M1-M4)', conflicts: [] }

function modernColumn(ctx: EvaluationContext, target: Target): ColumnFacts {
  const modern = modernColumnFacts(ctx, ctx.modern!, target.service, target.port)
  return {
    service: target.service,
    port: target.port,
    choice: MODERN_PLACEHOLDER_CHOICE,
    server: { mode: modern.mode, allowTls: false, authnFilter: false, sidecar: modern.sidecar, listening: modern.listening, reason: modern.modeReason },
    httpVerdicts: [0, 0],
    seedStrictJwt401: false,
    appTls: target.service.externalTls,
    globalRule: undefined,
    fallbackRule: firstStageHit(ctx, '', target.service.namespace, target.service.fqdn),
    rootRule: firstStageHit(ctx, target.service.namespace, target.service.namespace, target.service.fqdn, 1),
    memo: modern.memo,
    modern,
  }
}

export function columnFacts(ctx: EvaluationContext, target: Target): ColumnFacts {
  if (ctx.modern) return modernColumn(ctx, target)
  const { mesh, options } = ctx
  const choice = selectPolicy(mesh, target.service, target.port)
  const server = describeServerSide(target.service, target.port, choice.policy, options.profile)
  const token = choice.policy ? ctx.tokens.get(choice.policy.key) : undefined
  const noCert = httpPhase(choice.policy, server.authnFilter, false, token, options.profile).verdict
  const cert = httpPhase(choice.policy, server.authnFilter, true, token, options.profile).verdict
  // Istio 1.1 stages two and three depend on the column only: computed once, shared by every client
  // whose own namespace has no matching rule.
  const fromOtherNamespace = firstStageHit(ctx, '', target.service.namespace, target.service.fqdn)
  const fromSameNamespace = firstStageHit(ctx, target.service.namespace, target.service.namespace, target.service.fqdn, 1)
  return {
    service: target.service,
    port: target.port,
    choice,
    server,
    httpVerdicts: [noCert, cert],
    seedStrictJwt401:
      options.profile === '1.0' && options.r11 === 'documented' && server.sidecar && (choice.policy?.origins.length ?? 0) > 0,
    appTls: target.service.externalTls,
    globalRule: lookupRule(mesh.ruleIndex.global, target.service.fqdn),
    fallbackRule: fromOtherNamespace,
    rootRule: fromSameNamespace,
    memo: [-1, -1, -1, -1, -1, -1, -1, -1],
  }
}

function firstStageHit(ctx: EvaluationContext, clientNamespace: string, serviceNamespace: string, fqdn: string, skip = 0): ResolvedRule | undefined {
  // lookupStages without its words: this runs twice per grid column.
  const order = lookupOrder(clientNamespace, serviceNamespace)
  for (let k = skip; k < order.length; k++) {
    const hit = lookupRule(stageRules(ctx.mesh, order[k] as (typeof order)[number], clientNamespace, serviceNamespace), fqdn)
    if (hit) return hit
  }
  return undefined
}

/** The rule a sidecar in `clientNamespace` uses for this column (rule 9), without explanations. */
export function ruleForClient(ctx: EvaluationContext, column: ColumnFacts, clientNamespace: string): ResolvedRule | undefined {
  if (ctx.options.profile === '1.0') return column.globalRule
  if (clientNamespace === ROOT_NAMESPACE) return firstStageHit(ctx, ROOT_NAMESPACE, column.service.namespace, column.service.fqdn)
  const own = ctx.mesh.ruleIndex.byNamespace.get(clientNamespace)
  const hit = own ? lookupRule(own, column.service.fqdn) : undefined
  if (hit) return hit
  return clientNamespace === column.service.namespace ? column.rootRule : column.fallbackRule
}

export function transportFor(sidecar: boolean, rule: ResolvedRule | undefined, column: ColumnFacts): ClientTransport {
  if (!sidecar) return column.appTls ? 'TLS0' : 'PLAIN'
  return transportOfTlsMode(tlsForPort(rule, column.port).mode)
}

/** Verdict id for a client with/without sidecar sending `transport` to this column. */
export function cellVerdict(ctx: EvaluationContext, column: ColumnFacts, sidecar: boolean, transport: ClientTransport): number {
  const slot = (sidecar ? 4 : 0) + TRANSPORTS.indexOf(transport)
  const known = column.memo[slot]
  if (known !== undefined && known >= 0) return known
  const result = transportOutcome({
    clientSidecar: sidecar,
    transport,
    server: column.server,
    protocol: column.port.protocol,
    profile: ctx.options.profile,
    seedStrictJwt401: column.seedStrictJwt401,
  })
  const reached = result.kind === 'verdict' ? result.verdict : column.httpVerdicts[result.peerCert ? 1 : 0]
  const verdict = column.server.listening ? reached : (refusedOutcome(reached, refusalInput(column, sidecar))?.verdict ?? reached)
  column.memo[slot] = verdict
  return verdict
}

/** Rule 24's inputs for this column and a client with or without sidecar. */
export function refusalInput(column: ColumnFacts, clientSidecar: boolean): Parameters<typeof refusedOutcome>[1] {
  return { clientSidecar, serverSidecar: column.server.sidecar, protocol: column.port.protocol, reason: column.server.refusal ?? 'nothing listens' }
}
