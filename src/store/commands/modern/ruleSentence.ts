/**
 * An AuthorizationPolicy rule read aloud: "ALLOW GET /ip from namespace foo". Each part of the rule
 * becomes a phrase; alternatives join with "or", the parts of a rule with "and" (M24).
 */
import type { AuthzActionName } from './fieldsByProfile'
import type { AuthzRuleForm, ConditionForm, OperationForm, SourceForm } from './forms'

const SOURCE_WORDS: Record<string, [string, string]> = {
  principals: ['principal', 'principals'],
  requestPrincipals: ['request principal', 'request principals'],
  namespaces: ['namespace', 'namespaces'],
  ipBlocks: ['IP', 'IPs'],
  remoteIpBlocks: ['remote IP', 'remote IPs'],
  serviceAccounts: ['service account', 'service accounts'],
  trustDomains: ['trust domain', 'trust domains'],
}

function oneOf(values: readonly string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`
}

function sourcePhrase(source: SourceForm): string {
  const parts: string[] = []
  for (const [field, values] of Object.entries(source)) {
    if (!values || values.length === 0) continue
    const negated = field.startsWith('not')
    const base = negated ? field.charAt(3).toLowerCase() + field.slice(4) : field
    const [one, many] = SOURCE_WORDS[base] ?? [base, base]
    const noun = values.length === 1 ? one : many
    parts.push(negated ? `not ${noun} ${oneOf(values)}` : `${noun} ${oneOf(values)}`)
  }
  return parts.length > 0 ? parts.join(' and ') : 'anyone'
}

function operationPhrase(op: OperationForm): string {
  const methods = op.methods?.length ? oneOf(op.methods) : op.notMethods?.length ? `any method but ${oneOf(op.notMethods)}` : ''
  const paths = op.paths?.length ? oneOf(op.paths) : op.notPaths?.length ? `any path but ${oneOf(op.notPaths)}` : ''
  const words = [methods, paths].filter((w) => w !== '')
  if (words.length === 0) words.push('any request')
  if (op.ports?.length) words.push(`on port ${oneOf(op.ports)}`)
  if (op.notPorts?.length) words.push(`not on port ${oneOf(op.notPorts)}`)
  if (op.hosts?.length) words.push(`to host ${oneOf(op.hosts)}`)
  if (op.notHosts?.length) words.push(`not to host ${oneOf(op.notHosts)}`)
  return words.join(' ')
}

function conditionPhrase(c: ConditionForm): string {
  const parts: string[] = []
  if (c.values.length > 0) parts.push(`${c.key} is ${oneOf(c.values)}`)
  if (c.notValues.length > 0) parts.push(`${c.key} is not ${oneOf(c.notValues)}`)
  return parts.join(' and ') || c.key
}

/**
 * @example ruleSentence('ALLOW', { to: [{ methods: ['GET'], paths: ['/ip'] }], from: [{ namespaces: ['foo'] }], when: [] })
 * // 'ALLOW GET /ip from namespace foo'
 */
export function ruleSentence(action: AuthzActionName, rule: AuthzRuleForm): string {
  const what = rule.to && rule.to.length > 0 ? rule.to.map(operationPhrase).join(', or ') : 'any request'
  const from = rule.from && rule.from.length > 0 ? ` from ${rule.from.map(sourcePhrase).join(', or ')}` : ''
  const when = rule.when.length > 0 ? ` when ${rule.when.map(conditionPhrase).join(' and ')}` : ''
  return `${action} ${what}${from}${when}`
}

/** What a policy without rules means (M23). */
export function noRulesSentence(action: AuthzActionName): string {
  return action === 'ALLOW' ? 'ALLOW nothing: every request to the selected workloads is denied (403)' : `${action} never matches (no rules)`
}
