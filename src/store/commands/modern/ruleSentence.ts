/**
 * An AuthorizationPolicy rule read aloud: "ALLOW GET /ip from namespace foo". Istio's semantics (M24):
 * the values of one field are alternatives ("or"); the fields of one source or operation must all
 * match ("and"); several sources, or several operations, are alternatives ("or"), and a source that
 * combines fields is put in parentheses among them so the grouping reads as Istio evaluates it; the
 * `when` conditions must all hold ("and").
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

/** A `notX` list matches when no value does: "not namespace foo", "neither namespace foo nor bar". */
function noneOf(one: string, many: string, values: readonly string[]): string {
  if (values.length === 1) return values[0] === '*' ? `no ${one}` : `not ${one} ${values[0]}`
  if (values.length === 2) return `neither ${one} ${values[0]} nor ${values[1]}`
  return `none of ${many} ${values.join(', ')}`
}

/** The phrases of one source, one per set field (all must match). */
function sourceParts(source: SourceForm): string[] {
  const parts: string[] = []
  // What the source is before what it is not: "namespace foo and not principal x".
  const entries = Object.entries(source).sort(([a], [b]) => Number(a.startsWith('not')) - Number(b.startsWith('not')))
  for (const [field, values] of entries) {
    if (!values || values.length === 0) continue
    const negated = field.startsWith('not')
    const base = negated ? field.charAt(3).toLowerCase() + field.slice(4) : field
    const [one, many] = SOURCE_WORDS[base] ?? [base, base]
    // `*` alone is presence (M25): any peer identity, any valid token's principal, ...
    if (negated) parts.push(noneOf(one, many, values))
    else if (values.length === 1 && values[0] === '*') parts.push(`any ${one}`)
    else parts.push(`${values.length === 1 ? one : many} ${oneOf(values)}`)
  }
  return parts
}

/** The phrases of one operation: what is asked for first ("GET /ip"), then where ("on port 8000"). */
function operationParts(op: OperationForm): string[] {
  const parts: string[] = []
  if (op.methods?.length) parts.push(oneOf(op.methods))
  if (op.notMethods?.length) parts.push(`any method but ${oneOf(op.notMethods)}`)
  if (op.paths?.length) parts.push(oneOf(op.paths))
  if (op.notPaths?.length) parts.push(`any path but ${oneOf(op.notPaths)}`)
  if (parts.length === 0) parts.push('any request')
  if (op.ports?.length) parts.push(`on port ${oneOf(op.ports)}`)
  if (op.notPorts?.length) parts.push(`not on port ${oneOf(op.notPorts)}`)
  if (op.hosts?.length) parts.push(`to host ${oneOf(op.hosts)}`)
  if (op.notHosts?.length) parts.push(`not to host ${oneOf(op.notHosts)}`)
  return parts
}

/** Alternatives (sources or operations): an entry made of several ANDed parts is parenthesized among others. */
function alternatives(entries: readonly string[][], glue: string): string {
  if (entries.length === 1) return entries[0]!.join(glue)
  return entries.map((parts) => (parts.length > 1 ? `(${parts.join(glue)})` : parts[0])).join(' or ')
}

function conditionPhrase(c: ConditionForm): string {
  const parts: string[] = []
  // `*` alone is presence (M25); an absent attribute fails `values` and passes `notValues` (M24).
  if (c.values.length === 1 && c.values[0] === '*') parts.push(`${c.key} is present`)
  else if (c.values.length > 0) parts.push(`${c.key} is ${oneOf(c.values)}`)
  if (c.notValues.length === 1 && c.notValues[0] === '*') parts.push(`${c.key} is absent`)
  else if (c.notValues.length === 1) parts.push(`${c.key} is not ${c.notValues[0]}`)
  else if (c.notValues.length === 2) parts.push(`${c.key} is neither ${c.notValues[0]} nor ${c.notValues[1]}`)
  else if (c.notValues.length > 2) parts.push(`${c.key} is none of ${c.notValues.join(', ')}`)
  return parts.join(' and ') || c.key
}

/**
 * @example ruleSentence('ALLOW', { to: [{ methods: ['GET'], paths: ['/ip'] }], from: [{ namespaces: ['foo'] }], when: [] })
 * // 'ALLOW GET /ip from namespace foo'
 */
export function ruleSentence(action: AuthzActionName, rule: AuthzRuleForm): string {
  const operations = (rule.to ?? []).map(operationParts)
  const sources = (rule.from ?? []).map((s) => sourceParts(s)).map((parts) => (parts.length > 0 ? parts : ['anyone']))
  const what = operations.length > 0 ? alternatives(operations, ' ') : 'any request'
  const from = sources.length > 0 ? ` from ${alternatives(sources, ' and ')}` : ''
  const when = rule.when.length > 0 ? ` when ${rule.when.map(conditionPhrase).join(' and ')}` : ''
  return `${action} ${what}${from}${when}`
}

/** What a policy without rules means (M23). */
export function noRulesSentence(action: AuthzActionName): string {
  return action === 'ALLOW' ? 'ALLOW nothing: every request to the selected workloads is denied (403)' : `${action} never matches (no rules)`
}
