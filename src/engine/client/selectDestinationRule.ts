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

type LookupStage = Exclude<RuleStage, 'global' | 'none'>

// The five possible orders, built once: the grid walks them for every column without allocating.
const ALL_THREE: readonly LookupStage[] = ['client-namespace', 'service-namespace', 'root-namespace']
const CLIENT_AND_SERVICE: readonly LookupStage[] = ['client-namespace', 'service-namespace']
const CLIENT_AND_ROOT: readonly LookupStage[] = ['client-namespace', 'root-namespace']
const SERVICE_AND_ROOT: readonly LookupStage[] = ['service-namespace', 'root-namespace']
const SERVICE_ONLY: readonly LookupStage[] = ['service-namespace']

/**
 * The 1.1 lookup order: the client's namespace (not for root-namespace proxies), then the service's
 * exported rules (unless that is the client's namespace, already searched), then the root namespace's
 * exported rules (unless the service lives there).
 */
export function lookupOrder(clientNamespace: string, serviceNamespace: string): readonly LookupStage[] {
  const rootService = serviceNamespace === ROOT_NAMESPACE
  if (clientNamespace === ROOT_NAMESPACE) return rootService ? SERVICE_ONLY : SERVICE_AND_ROOT
  if (serviceNamespace === clientNamespace) return CLIENT_AND_ROOT
  return rootService ? CLIENT_AND_SERVICE : ALL_THREE
}

/** The rules one stage searches. */
export function stageRules(mesh: Mesh, stage: LookupStage, clientNamespace: string, serviceNamespace: string): RuleIndex {
  const { byNamespace, exportedByNamespace } = mesh.ruleIndex
  if (stage === 'client-namespace') return byNamespace.get(clientNamespace) ?? EMPTY_RULE_INDEX
  return exportedByNamespace.get(stage === 'service-namespace' ? serviceNamespace : ROOT_NAMESPACE) ?? EMPTY_RULE_INDEX
}

function whereOf(stage: LookupStage, clientNamespace: string, serviceNamespace: string): string {
  if (stage === 'client-namespace') return `the client's namespace ${clientNamespace}`
  return stage === 'service-namespace' ? `the service's namespace ${serviceNamespace} (exported rules)` : `the root namespace ${ROOT_NAMESPACE}`
}

/** The 1.1 lookup order for a client namespace and a service namespace, with the rules and words of each stage. */
export function lookupStages(mesh: Mesh, clientNamespace: string, serviceNamespace: string): Stage[] {
  return lookupOrder(clientNamespace, serviceNamespace).map((stage) => ({ stage, index: stageRules(mesh, stage, clientNamespace, serviceNamespace), where: whereOf(stage, clientNamespace, serviceNamespace) }))
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
