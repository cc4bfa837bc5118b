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
  if (route.kind === 'no-gateway') return { route, verdict: verdictId('000', 7, 'R20'), gatewaySteps: [route.reason] }
  if (route.kind === 'no-route') return { route, verdict: verdictId('404', 0, 'R20'), gatewaySteps: [route.reason] }
  if (route.kind === 'no-destination') return { route, verdict: verdictId('503', 0, 'R20'), gatewaySteps: [route.reason] }
  const steps = [route.reason]
  const gatewayService = ctx.mesh.serviceByFqdn.get(`istio-ingressgateway.${ROOT_NAMESPACE}.${CLUSTER_DOMAIN}`)
  const gatewayPort = gatewayService?.ports.find((p) => p.number === INGRESS_PORT)
  if (gatewayService && gatewayPort) {
    const choice = selectPolicy(ctx.mesh, gatewayService, gatewayPort)
    if (choice.policy && choice.policy.origins.length > 0) {
      const token = ctx.tokens.get(choice.policy.key)
      if (token && !token.originPass) {
        steps.push(`at the gateway: ${choice.reason}; origin: ${token.originReason}`)
        return { route, verdict: verdictId('401', 0, 'R20'), gatewaySteps: steps }
      }
      steps.push(`at the gateway: ${choice.reason}; origin passes`)
    }
  }
  const column = columnOf?.(route.target.service.fqdn, route.target.port.number) ?? columnFacts(ctx, route.target)
  const rule = ruleForClient(ctx, column, ROOT_NAMESPACE)
  const verdict = cellVerdict(ctx, column, true, transportFor(true, rule, column))
  steps.push('the gateway forwards the request as a sidecar client of the mesh')
  // The gateway speaks HTTP to curl: a failed upstream connection reaches the external client as 503.
  const code = verdictById(verdict)?.code
  return { route, verdict: code === '000' ? verdictId('503', 0, 'R20') : verdict, column, gatewaySteps: steps }
}
