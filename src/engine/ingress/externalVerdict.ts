/**
 * Rule 20, decision half: the external client's request through the ingress gateway. The gateway
 * enforces the JWT origins of the policy on its own service (mtls peers are dropped there), then
 * behaves as a sidecar client towards the destination; transport failures become 503.
 */
import { columnFacts, cellVerdict, ruleForClient, transportFor, type ColumnFacts } from '../evaluate/columns'
import type { EvaluationContext } from '../evaluate/context'
import { verdictById, verdictId } from '../decide/verdicts'
import { CLUSTER_DOMAIN, ROOT_NAMESPACE } from '../mesh/model'
import { selectPolicy } from '../server/selectPolicy'
import { INGRESS_PORT, routeIngress, type IngressRoute } from './routeIngress'
import { evaluateModernExternal } from '../modern/ingress'

export interface ExternalOutcome {
  route: IngressRoute
  verdict: number
  /** The destination column's facts when the request was routed. */
  column?: ColumnFacts
  /** Plain-words steps at the gateway. */
  gatewaySteps: string[]
  /** Modern profiles: every step with its M-rule (M34 ...). */
  steps?: { rule: string; text: string }[]
}

/**
 * Rule 28: the gateway's own HTTP filters, before routing. A policy targeting the gateway's service
 * applies its origins and its jwt peers (mtls peers are dropped at gateways).
 */
function gatewayFilters(ctx: EvaluationContext): { pass: boolean; step?: string; rule: 'R20' | 'R28' } {
  const gatewayService = ctx.mesh.serviceByFqdn.get(`istio-ingressgateway.${ROOT_NAMESPACE}.${CLUSTER_DOMAIN}`)
  const gatewayPort = gatewayService?.ports.find((p) => p.number === INGRESS_PORT)
  if (!gatewayService || !gatewayPort) return { pass: true, rule: 'R20' }
  const choice = selectPolicy(ctx.mesh, gatewayService, gatewayPort)
  const policy = choice.policy
  if (!policy) return { pass: true, rule: 'R20' }
  const jwtPeers = policy.peers.filter((p) => p.kind === 'jwt')
  if (jwtPeers.length === 0 && policy.origins.length === 0) return { pass: true, rule: 'R20' }
  const token = ctx.tokens.get(policy.key)
  if (jwtPeers.length > 0 && !policy.peerIsOptional && token?.jwtPeerPass !== true) {
    return { pass: false, rule: 'R28', step: `at the gateway (R28: its HTTP filters run before routing): ${choice.reason}; jwt peer (checked like an origin, mtls peers are dropped at gateways): ${token?.jwtPeerReason ?? 'no token'}: 401 "Peer authentication failed."` }
  }
  if (policy.origins.length > 0 && token && !token.originPass) {
    return { pass: false, rule: 'R20', step: `at the gateway (R28: its HTTP filters run before routing): ${choice.reason}; origin: ${token.originReason}` }
  }
  return { pass: true, rule: 'R20', step: `at the gateway (R28): ${choice.reason}; ${jwtPeers.length > 0 ? 'jwt peer and origin pass' : 'origin passes'}` }
}

export function evaluateExternal(ctx: EvaluationContext, columnOf?: (fqdn: string, port: number) => ColumnFacts | undefined): ExternalOutcome {
  if (ctx.modern) {
    return evaluateModernExternal(ctx, (fqdn, port) => {
      const known = columnOf?.(fqdn, port)
      if (known) return known
      const service = ctx.mesh.serviceByFqdn.get(fqdn)
      const servicePort = service?.ports.find((p) => p.number === port)
      return service && servicePort ? columnFacts(ctx, { service, port: servicePort }) : undefined
    })
  }
  const route = routeIngress(ctx.mesh, ctx.request)
  // R28: no listener, then the gateway's HTTP filters (401), then routing (404), then the destination.
  if (route.kind === 'no-gateway') return { route, verdict: verdictId('000', 7, 'R20'), gatewaySteps: [route.reason] }
  const filters = gatewayFilters(ctx)
  if (!filters.pass) {
    const verdict = filters.rule === 'R28' || route.kind !== 'routed' ? verdictId('401', 0, 'R28') : verdictId('401', 0, 'R20')
    return { route, verdict, gatewaySteps: route.kind === 'routed' ? [route.reason, filters.step as string] : [filters.step as string] }
  }
  if (route.kind === 'no-route') return { route, verdict: verdictId('404', 0, 'R20'), gatewaySteps: [route.reason] }
  if (route.kind === 'no-destination') return { route, verdict: verdictId('503', 0, 'R20'), gatewaySteps: [route.reason] }
  const steps = [route.reason]
  if (filters.step) steps.push(filters.step)
  const column = columnOf?.(route.target.service.fqdn, route.target.port.number) ?? columnFacts(ctx, route.target)
  const rule = ruleForClient(ctx, column, ROOT_NAMESPACE)
  const verdict = cellVerdict(ctx, column, true, transportFor(true, rule, column))
  steps.push('the gateway forwards the request as a sidecar client of the mesh')
  // The gateway speaks HTTP to curl: a failed upstream connection reaches the external client as 503.
  const code = verdictById(verdict)?.code
  return { route, verdict: code === '000' ? verdictId('503', 0, 'R20') : verdict, column, gatewaySteps: steps }
}
