/**
 * Rule 9: the one DestinationRule a client's proxy uses for a service. Istio 1.0 sees every rule in
 * every namespace; 1.1 looks in the client's namespace, then the service's (exported rules), then
 * the root namespace (exported rules); the root namespace's own proxies (gateways) skip step one.
 */
import { ROOT_NAMESPACE, type Mesh, type ResolvedRule, type Service } from '../mesh/model'
import type { IstioProfile } from '../types'
import { EMPTY_RULE_INDEX, lookupRule, type RuleIndex } from './ruleIndex'

export type RuleStage = 'global' | 'client-namespace' | 'service-namespace' | 'root-namespace' | 'none'

export interface RuleChoice {
  resolved: ResolvedRule | undefined
  stage: RuleStage
  reason: string
}

interface Stage {
  stage: RuleStage
  index: RuleIndex
  where: string
}

/** The 1.1 lookup order for a client namespace and a service namespace. */
export function lookupStages(mesh: Mesh, clientNamespace: string, serviceNamespace: string): Stage[] {
  // No local helper functions: this runs twice per grid column, and named closures cost a
  // defineProperty each under tsx (keepNames).
  const { byNamespace, exportedByNamespace } = mesh.ruleIndex
  const stages: Stage[] = []
  const clientStage = clientNamespace !== ROOT_NAMESPACE
  if (clientStage) stages.push({ stage: 'client-namespace', index: byNamespace.get(clientNamespace) ?? EMPTY_RULE_INDEX, where: `the client's namespace ${clientNamespace}` })
  if (!(clientStage && serviceNamespace === clientNamespace)) {
    stages.push({ stage: 'service-namespace', index: exportedByNamespace.get(serviceNamespace) ?? EMPTY_RULE_INDEX, where: `the service's namespace ${serviceNamespace} (exported rules)` })
  }
  if (serviceNamespace !== ROOT_NAMESPACE) stages.push({ stage: 'root-namespace', index: exportedByNamespace.get(ROOT_NAMESPACE) ?? EMPTY_RULE_INDEX, where: `the root namespace ${ROOT_NAMESPACE}` })
  return stages
}

function describe(resolved: ResolvedRule): string {
  const { rule, host } = resolved
  return `DestinationRule ${rule.namespace}/${rule.name} (host ${rule.host}${rule.host !== host ? ` = ${host}` : ''})`
}

export function selectDestinationRule(mesh: Mesh, clientNamespace: string, service: Service, profile: IstioProfile): RuleChoice {
  if (profile === '1.0') {
    const resolved = lookupRule(mesh.ruleIndex.global, service.fqdn)
    return resolved
      ? { resolved, stage: 'global', reason: `Istio 1.0 sees DestinationRules of every namespace; the most specific match for ${service.fqdn} is ${describe(resolved)}` }
      : { resolved, stage: 'none', reason: `no DestinationRule in any namespace matches ${service.fqdn}` }
  }
  const searched: string[] = []
  for (const { stage, index, where } of lookupStages(mesh, clientNamespace, service.namespace)) {
    const resolved = lookupRule(index, service.fqdn)
    if (resolved) {
      const before = searched.length > 0 ? ` (nothing in ${searched.join(', then ')})` : ''
      return { resolved, stage, reason: `Istio 1.1 looks in ${where}${before}: ${describe(resolved)} matches ${service.fqdn}` }
    }
    searched.push(where)
  }
  return { resolved: undefined, stage: 'none', reason: `Istio 1.1 found no DestinationRule for ${service.fqdn} in ${searched.join(', ')}; rules in other namespaces are invisible` }
}
