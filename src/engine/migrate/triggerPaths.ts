/**
 * M40.4: v1alpha1 trigger-rule string matchers become AuthorizationPolicy path values.
 */
import type { StringMatch } from '../istio'

/**
 * `exact: /p` -> `/p`, `prefix: /p` -> `/p*`, `suffix: s` -> `*s`; a regex has no beta form.
 * @example pathValue({ prefix: '/links' }) // { value: '/links*' }
 */
export function pathValue(match: StringMatch): { value: string } | { error: string } {
  if (match.exact !== undefined) return { value: match.exact }
  if (match.prefix !== undefined) return { value: `${match.prefix}*` }
  if (match.suffix !== undefined) return { value: `*${match.suffix}` }
  return { error: `triggerRule.regex ("${match.regex ?? ''}") is not supported in beta policy` }
}
