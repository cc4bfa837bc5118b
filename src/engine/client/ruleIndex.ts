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
  /** The same wildcard entries, longest suffix first: a few are scanned without slicing the name. */
  wildcardList: readonly { suffix: string; rule: ResolvedRule }[]
  star: ResolvedRule | undefined
  size: number
}

export const EMPTY_RULE_INDEX: RuleIndex = { exact: new Map(), wildcard: new Map(), wildcardList: [], star: undefined, size: 0 }

export function buildRuleIndex(rules: readonly ResolvedRule[]): RuleIndex {
  const exact = new Map<string, ResolvedRule>()
  const wildcard = new Map<string, ResolvedRule>()
  let star: ResolvedRule | undefined
  const oldestFirst = [...rules].sort((a, b) => a.rule.order - b.rule.order)
  for (const r of oldestFirst) {
    if (r.host === '*') star ??= r
    else if (r.host.startsWith('*.')) {
      const suffix = r.host.slice(1)
      if (!wildcard.has(suffix)) wildcard.set(suffix, r)
    } else if (!exact.has(r.host)) exact.set(r.host, r)
  }
  const wildcardList = [...wildcard].map(([suffix, rule]) => ({ suffix, rule })).sort((a, b) => b.suffix.length - a.suffix.length)
  return { exact, wildcard, wildcardList, star, size: rules.length }
}

/** Up to this many wildcard rules, endsWith over the list beats slicing the name at every dot. */
const SCAN_LIMIT = 8

export function lookupRule(index: RuleIndex, fqdn: string): ResolvedRule | undefined {
  if (index.size === 0) return undefined
  const exact = index.exact.get(fqdn)
  if (exact) return exact
  const list = index.wildcardList
  if (list.length > 0 && list.length <= SCAN_LIMIT) {
    // Every suffix starts with a dot, so ending with it is matching at a dot; longest first.
    for (let k = 0; k < list.length; k++) {
      const entry = list[k] as { suffix: string; rule: ResolvedRule }
      if (fqdn.endsWith(entry.suffix)) return entry.rule
    }
  } else if (list.length > 0) {
    // `*.suffix` matches names ending in `.suffix`: try each dot of the name, longest suffix first.
    for (let dot = fqdn.indexOf('.'); dot >= 0; dot = fqdn.indexOf('.', dot + 1)) {
      const hit = index.wildcard.get(fqdn.slice(dot))
      if (hit) return hit
    }
  }
  return index.star
}
