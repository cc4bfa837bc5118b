/**
 * Rule 18 (Istio 1.1): per-path trigger rules decide whether an origin's JWT is required for a request.
 * Matching is on the raw `:path` as sent, query string included, and is case-sensitive (section 6.2).
 */
import type { JwtSpec, StringMatch, TriggerRule } from '../istio'
import { matchesWhole } from '../regex'

/**
 * Whether the origin applies to `path`: always when it has no trigger rules, otherwise when any rule
 * selects the path.
 *
 * @example
 * originTriggered({ triggerRules: [{ excludedPaths: [{ exact: '/user-agent' }], includedPaths: [] }] }, '/user-agent') // false
 */
export function originTriggered(spec: Pick<JwtSpec, 'triggerRules'>, path: string): boolean {
  return spec.triggerRules.length === 0 || spec.triggerRules.some((rule) => triggerRuleMatches(rule, path))
}

/** A rule selects a path that matches none of its excluded paths and, if it lists any, one included path. */
export function triggerRuleMatches(rule: TriggerRule, path: string): boolean {
  if (rule.excludedPaths.some((m) => matchString(m, path))) return false
  return rule.includedPaths.length === 0 || rule.includedPaths.some((m) => matchString(m, path))
}

/**
 * Istio 1.1 StringMatch. Exactly one field is set (admission checks it); an empty match never matches,
 * as in the proxy. `regex` must match the whole string (RE2 grammar, linear time, as Envoy); a regex RE2
 * refuses never matches here, admission reports it.
 *
 * @example
 * matchString({ regex: '/ip|/headers' }, '/headers') // true
 * matchString({ prefix: '/ip' }, '/IP') // false: case-sensitive
 */
export function matchString(m: StringMatch, s: string): boolean {
  if (m.exact !== undefined) return s === m.exact
  if (m.prefix !== undefined) return s.startsWith(m.prefix)
  if (m.suffix !== undefined) return s.endsWith(m.suffix)
  if (m.regex !== undefined) return matchesWhole(m.regex, s)
  return false
}
