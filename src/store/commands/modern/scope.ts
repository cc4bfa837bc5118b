/**
 * Where a modern security policy acts (istio-semantics-modern.md M1, M15, M21): a policy in the root
 * namespace without selector is mesh-wide; elsewhere without selector namespace-wide; with a selector
 * it acts on the pods whose labels include it (in every namespace for RA/AP in the root namespace;
 * never for a PeerAuthentication there).
 */
import type { KubeObject } from '../../../engine'
import { appServices, isWorkload, podLabels, serviceSelector } from '../apps'
import { asRecord, keyOf, nsOf, specOf } from '../objects'

export const ROOT_NAMESPACE = 'istio-system'

export type ModernKind = 'PeerAuthentication' | 'RequestAuthentication' | 'AuthorizationPolicy'

export const MODERN_KINDS: readonly ModernKind[] = ['PeerAuthentication', 'RequestAuthentication', 'AuthorizationPolicy']

export function isModernKind(kind: string): kind is ModernKind {
  return (MODERN_KINDS as readonly string[]).includes(kind)
}

/** `selector.matchLabels`; undefined when absent or empty. */
export function selectorOf(object: KubeObject): Record<string, string> | undefined {
  const labels = asRecord(asRecord(specOf(object).selector).matchLabels) as Record<string, string>
  return Object.keys(labels).length > 0 ? labels : undefined
}

export function labelsMatch(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v)
}

/** The workloads a selector picks: in `ns`, or in every namespace (root-namespace RA/AP). */
export function selectedWorkloads(resources: readonly KubeObject[], selector: Readonly<Record<string, string>>, ns: string | undefined): KubeObject[] {
  return resources.filter((o) => isWorkload(o) && (ns === undefined || nsOf(o) === ns) && labelsMatch(selector, podLabels(o)))
}

/** The Services of the apps a selector picks, each once, in resource order. */
export function selectedServices(resources: readonly KubeObject[], selector: Readonly<Record<string, string>>, ns: string | undefined): KubeObject[] {
  const seen = new Set<string>()
  const out: KubeObject[] = []
  for (const w of selectedWorkloads(resources, selector, ns)) {
    for (const s of appServices(resources, keyOf(w))) {
      if (seen.has(keyOf(s))) continue
      seen.add(keyOf(s))
      out.push(s)
    }
  }
  return out
}

/** The labels that select a Service's pods: its own selector (what M40 uses too). */
export function selectorForService(service: KubeObject): Record<string, string> {
  return { ...serviceSelector(service) }
}
