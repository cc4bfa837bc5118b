/**
 * Most-specific-host lookup over a set of DestinationRules in O(labels of the name): exact hosts
 * first, then wildcards from the longest suffix down to `*`; among rules for the same host, the
 * oldest (Pilot 1.0.1+ keeps the oldest rule's traffic policy). Equivalent to sorting by
 * compareHostSpecificity and taking the first match, without the sort per lookup.
 */
import type { ResolvedRule } from '../mesh/model'

export interface RuleIndex {
  exact: Map<string, ResolvedRule>
  /** Keyed by the suffix after `*`, e.g. `.foo.svc.cluster.local`; `*` alone is `star`. */
  wildcard: Map<string, ResolvedRule>
  star: ResolvedRule | undefined
  size: number
}

export const EMPTY_RULE_INDEX: RuleIndex = { exact: new Map(), wildcard: new Map(), star: undefined, size: 0 }

export function buildRuleIndex(rules: readonly ResolvedRule[]): RuleIndex {
  const index: RuleIndex = { exact: new Map(), wildcard: new Map(), star: undefined, size: rules.length }
  const oldestFirst = [...rules].sort((a, b) => a.rule.order - b.rule.order)
  for (const r of oldestFirst) {
    if (r.host === '*') index.star ??= r
    else if (r.host.startsWith('*.')) {
      const suffix = r.host.slice(1)
      if (!index.wildcard.has(suffix)) index.wildcard.set(suffix, r)
    } else if (!index.exact.has(r.host)) index.exact.set(r.host, r)
  }
  return index
}

export function lookupRule(index: RuleIndex, fqdn: string): ResolvedRule | undefined {
  if (index.size === 0) return undefined
  const exact = index.exact.get(fqdn)
  if (exact) return exact
  if (index.wildcard.size > 0) {
    // `*.suffix` matches names ending in `.suffix`: try each dot of the name, longest suffix first.
    for (let dot = fqdn.indexOf('.'); dot >= 0; dot = fqdn.indexOf('.', dot + 1)) {
      const hit = index.wildcard.get(fqdn.slice(dot))
      if (hit) return hit
    }
  }
  return index.star
}
