/**
 * M34: a request from outside through the classic ingress gateway under a modern profile. Listener and
 * routing as in 1.x (ingress/routeIngress.ts); at the gateway its own RequestAuthentication (M15-M19)
 * and AuthorizationPolicy (M21-M28, `ipBlocks` vs `remoteIpBlocks`, M28); then the gateway is a sidecar
 * client in the root namespace (M8, M10, M12, identity M33), and the destination sidecar applies its own
 * policies to a request whose token was removed unless `forwardOriginalToken` (M20).
 */
import { compileAuthz, denyThenAllow, describeAuthzOutcome } from '../authz/decide'
import { ruleForClient, type ColumnFacts } from '../evaluate/columns'
import type { EvaluationContext } from '../evaluate/context'
import { verdictById, verdictId } from '../decide/verdicts'
import { INGRESS_PORT, ingressGatewayWorkload, routeIngress, type IngressRoute } from '../ingress/routeIngress'
import { CLUSTER_DOMAIN } from '../mesh/model'
import type { JwtVerdict } from '../requestauthn/validateToken'
import { explainModernCell, modernCellVerdict, rowIdentity, type ClientIdentity } from './cell'
import { modernColumnFacts, requestAttrsFor, workloadPort } from './column'

export interface ModernExternalOutcome {
  route: IngressRoute
  verdict: number
  column?: ColumnFacts
  gatewaySteps: string[]
  /** Steps with rule numbers (M34 first), for explanations. */
  steps: { rule: string; text: string }[]
}

/** M28: the original client address: X-Forwarded-For entry `numTrustedProxies` from the right, else the peer. */
export function remoteAddress(ctx: EvaluationContext): string | undefined {
  const trusted = ctx.options.numTrustedProxies ?? 0
  const xff = ctx.request.xForwardedFor ?? Object.entries(ctx.request.headers).find(([k]) => k.toLowerCase() === 'x-forwarded-for')?.[1]
  if (trusted > 0 && xff) {
    const hops = xff.split(',').map((s) => s.trim()).filter((s) => s !== '')
    const picked = hops[hops.length - trusted]
    if (picked) return picked
  }
  return ctx.request.sourceIp
}

export function evaluateModernExternal(ctx: EvaluationContext, columnOf?: (fqdn: string, port: number) => ColumnFacts | undefined): ModernExternalOutcome {
  const modern = ctx.modern!
  const route = routeIngress(ctx.mesh, ctx.request)
  const steps: { rule: string; text: string }[] = [{ rule: 'M34', text: route.reason }]
  const done = (verdict: number, column?: ColumnFacts): ModernExternalOutcome => ({ route, verdict, gatewaySteps: steps.map((s) => s.text), steps, ...(column ? { column } : {}) })
  if (route.kind === 'no-gateway') return done(verdictId('000', 7, 'M34'))
  if (route.kind === 'no-route') return done(verdictId('404', 0, 'M34'))
  if (route.kind === 'no-destination') return done(verdictId('503', 0, 'M34'))
  const gateway = ingressGatewayWorkload(ctx.mesh)
  const gatewayService = ctx.mesh.serviceByFqdn.get(`istio-ingressgateway.${modern.settings.rootNamespace}.${CLUSTER_DOMAIN}`)
  const gatewayPort = gatewayService?.ports.find((p) => p.number === INGRESS_PORT)
  let gatewayJwt: JwtVerdict = { kind: 'none', text: 'no RequestAuthentication applies to the ingress gateway (M15)' }
  const connection = { peer: undefined, sourceIp: ctx.request.sourceIp, remoteIp: remoteAddress(ctx) }
  if (gateway && gatewayService && gatewayPort) {
    gatewayJwt = modern.jwtByWorkload.get(gateway.key) ?? gatewayJwt
    steps.push({ rule: gatewayJwt.kind === 'invalid' ? 'M17' : 'M15', text: `at the gateway: ${gatewayJwt.text}` })
    if (gatewayJwt.kind === 'invalid') return done(verdictId(gatewayJwt.code, 0, 'M17'))
    const policies = modern.authzByWorkload.get(gateway.key) ?? []
    if (policies.length > 0) {
      const request = requestAttrsFor(ctx, gatewayService, gatewayPort, workloadPort(gatewayPort, gateway), gatewayJwt)
      const authz = compileAuthz(policies, request, 'HTTP', ctx.options.profile)
      const outcome = denyThenAllow(authz, connection)
      for (const s of describeAuthzOutcome(authz, outcome, false)) steps.push({ rule: s.rule, text: `at the gateway: ${s.text}` })
      if (connection.sourceIp === undefined && authz.connectionDependent) steps.push({ rule: 'M28', text: 'the external client\'s address is not set (--source-ip): IP fields see no address (not modelled)' })
      if (outcome.kind === 'denied' || outcome.kind === 'not-allowed') return done(verdictId('403', 0, 'M22'))
    }
  }
  const base = columnOf?.(route.target.service.fqdn, route.target.port.number)
  if (!base?.modern) throw new Error('modern external evaluation needs modern column facts')
  // M20: a token the gateway validated is removed unless forwardOriginalToken.
  const stripped = gatewayJwt.kind === 'valid' && !gatewayJwt.forwarded
  const column: ColumnFacts = stripped
    ? { ...base, modern: modernColumnFacts(ctx, modern, base.service, base.port, { kind: 'none', text: 'the ingress gateway validated the token and removed it (forwardOriginalToken is false): the destination sees no token (M20)' }) }
    : base
  if (stripped) steps.push({ rule: 'M20', text: 'the gateway removed the validated token before forwarding (forwardOriginalToken: false)' })
  const id: ClientIdentity = { sidecar: true, namespace: gateway?.namespace ?? modern.settings.rootNamespace, serviceAccount: gateway?.serviceAccount ?? 'istio-ingressgateway-service-account' }
  const rule = ruleForClient(ctx, column, id.namespace)
  steps.push({ rule: 'M34', text: `the gateway forwards to ${route.target.service.name}.${route.target.service.namespace}:${route.target.port.number} as a sidecar client in ${id.namespace} (identity cluster.local/ns/${id.namespace}/sa/${id.serviceAccount})` })
  for (const s of explainModernCell(ctx, column, column.modern!, id, rule).steps) steps.push(s)
  const verdict = modernCellVerdict(ctx, column, column.modern!, rowIdentity(id), rule)
  const v = verdictById(verdict)
  if (v?.code === '000' || (v?.code === '503' && v.rule === 'M12')) {
    steps.push({ rule: 'M34', text: 'the gateway turns the failed upstream connection into 503 for the external client' })
    return done(verdictId('503', 0, 'M34'), column)
  }
  return done(verdict, column)
}
