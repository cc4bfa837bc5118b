/**
 * Findings that need more than one object: what Istio accepts but a careful reviewer would flag.
 */
import { meshDiagnostic } from '../diagnostics'
import type { AuthnPolicy } from '../istio'
import type { Diagnostic, IstioProfile } from '../types'
import { hostMatches } from '../client/hosts'
import type { ResolvedRule, Service } from './model'

export function checkPolicyTargets(policies: readonly AuthnPolicy[], services: readonly Service[]): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const policy of policies) {
    if (policy.kind !== 'Policy') continue
    policy.targets.forEach((target, i) => {
      const exists = services.some((s) => s.namespace === policy.namespace && s.name === target.name)
      if (!exists) {
        out.push(
          meshDiagnostic('MESH002', 'warning', `Policy ${policy.namespace}/${policy.name} targets "${target.name}", but namespace ${policy.namespace} has no such service`, {
            resource: policy.key,
            index: policy.order,
            path: ['spec', 'targets', i, 'name'],
          }),
        )
      }
    })
    if (policy.origins.some((o) => !o.jwksUri && !o.jwks)) {
      out.push(
        meshDiagnostic('MESH006', 'warning', `Policy ${policy.namespace}/${policy.name} has a JWT origin without jwksUri: Pilot cannot resolve its keys offline and drops the whole policy`, {
          resource: policy.key,
          index: policy.order,
          path: ['spec', 'origins'],
        }),
      )
    }
  }
  out.push(...checkServicePolicyConflicts(policies, services))
  return out
}

/** Rule 5: two service-level policies on one port are a conflict Istio resolves at random. */
function checkServicePolicyConflicts(policies: readonly AuthnPolicy[], services: readonly Service[]): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const service of services) {
    for (const port of service.ports) {
      const matching = policies.filter(
        (p) =>
          p.kind === 'Policy' &&
          p.namespace === service.namespace &&
          p.targets.some(
            (t) => t.name === service.name && (t.ports.length === 0 || t.ports.some((s) => s.number === port.number || (s.name !== undefined && s.name === port.name))),
          ),
      )
      if (matching.length < 2) continue
      const names = matching.map((p) => p.name).join(', ')
      for (const policy of matching.slice(1)) {
        out.push(
          meshDiagnostic('MESH003', 'warning', `Policies ${names} all target ${service.name}.${service.namespace}:${port.number}; Istio picks one at random, this tool uses the oldest (${matching[0]?.name})`, {
            resource: policy.key,
            index: policy.order,
            path: ['spec', 'targets'],
          }),
        )
      }
    }
  }
  return out
}

export function checkRuleHosts(rules: readonly ResolvedRule[], services: readonly Service[], profile: IstioProfile): Diagnostic[] {
  const out: Diagnostic[] = []
  const seen = new Map<string, ResolvedRule>()
  for (const resolved of [...rules].sort((a, b) => a.rule.order - b.rule.order)) {
    const { rule, host } = resolved
    if (!services.some((s) => hostMatches(host, s.fqdn))) {
      const hint = host.includes('.') && !host.startsWith('*') && !host.endsWith('.local') ? ` (a dotted host is taken literally: did you mean ${host}.svc.cluster.local?)` : ''
      out.push(
        meshDiagnostic('MESH001', 'warning', `DestinationRule ${rule.namespace}/${rule.name}: host "${rule.host}" matches no service${hint}`, {
          resource: rule.key,
          index: rule.order,
          path: ['spec', 'host'],
        }),
      )
    }
    // 1.0 looks rules up globally; 1.1 namespace by namespace, so only same-namespace twins collide.
    const scope = profile === '1.0' ? host : `${rule.namespace}|${host}`
    const first = seen.get(scope)
    if (first) {
      out.push(
        meshDiagnostic('MESH004', 'warning', `DestinationRules ${first.rule.namespace}/${first.rule.name} and ${rule.namespace}/${rule.name} both resolve to ${host}; the older one's traffic policy is used`, {
          resource: rule.key,
          index: rule.order,
          path: ['spec', 'host'],
        }),
      )
    } else seen.set(scope, resolved)
  }
  return out
}
