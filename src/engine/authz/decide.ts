/**
 * M21-M32: the AuthorizationPolicy decision for one workload port. Compiled once per column: the parts
 * of each rule that depend only on the request (operation, request conditions) are evaluated up front
 * and rules that cannot match are dropped; per client only the sources and connection conditions are
 * left to check. Order (M22): CUSTOM (before JWT, see cell), then DENY, then ALLOW; AUDIT never changes
 * the code; dry-run policies (1.10+) are shadows.
 */
import { atLeast } from '../profile'
import type { AuthorizationPolicy, AuthzRule } from '../security'
import type { IstioProfile } from '../types'
import { dependsOnConnection, isConnectionKey, operationMatches, ruleMatches, usesHttpOnly, type ConnectionAttrs, type MatchMode, type RequestAttrs } from './match'

export interface CompiledRule {
  policy: AuthorizationPolicy
  index: number
  /** The rule reduced to what depends on the client: sources and connection conditions. */
  residual: AuthzRule
  request: RequestAttrs
}

export interface ColumnAuthz {
  mode: MatchMode
  custom: CompiledRule[]
  deny: CompiledRule[]
  allow: CompiledRule[]
  /** ALLOW policies in effect: one or more means "allow only what they match" (M22 step 5, M23). */
  allowPolicies: AuthorizationPolicy[]
  /** Some residual rule reads the client's identity or addresses: no per-column memo. */
  connectionDependent: boolean
  /** Plain words about policies in scope that cannot change this column's code, with rule numbers. */
  notes: { rule: string; text: string }[]
}

function ref(p: AuthorizationPolicy): string {
  return `AuthorizationPolicy ${p.namespace}/${p.name}`
}

/** M31, 1.5 only: an ALLOW rule loses just its offending from/to entries (none left: never matches). */
function dropHttpEntries15(rule: AuthzRule): AuthzRule | undefined {
  const from = rule.from?.filter((s) => s.requestPrincipals === undefined && s.notRequestPrincipals === undefined)
  const to = rule.to?.filter((o) => o.hosts === undefined && o.notHosts === undefined && o.methods === undefined && o.notMethods === undefined && o.paths === undefined && o.notPaths === undefined)
  if ((from && from.length === 0) || (to && to.length === 0) || rule.when?.some((w) => w.key.startsWith('request.'))) return undefined
  return { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(rule.when ? { when: rule.when } : {}) }
}

export function compileAuthz(policies: readonly AuthorizationPolicy[], request: RequestAttrs, protocol: 'HTTP' | 'TCP', profile: IstioProfile): ColumnAuthz {
  const mode: MatchMode = protocol === 'TCP' ? 'tcp' : 'http'
  const out: ColumnAuthz = { mode, custom: [], deny: [], allow: [], allowPolicies: [], connectionDependent: false, notes: [] }
  for (const policy of policies) {
    if (policy.dryRun && atLeast(profile, '1.10')) {
      out.notes.push({ rule: 'M22', text: `${ref(policy)} is annotated istio.io/dry-run: evaluated in shadow mode only, never changes the code` })
      continue
    }
    if (policy.action === 'AUDIT') {
      out.notes.push({ rule: 'M32', text: `${ref(policy)} (AUDIT) only marks requests for an audit plugin: no effect on the code` })
      continue
    }
    if (policy.action === 'CUSTOM') {
      if (!atLeast(profile, '1.9')) {
        out.notes.push({ rule: 'M32', text: `${ref(policy)} (CUSTOM): Istio 1.8 accepts the action but istiod ignores the policy ("unsupported action")` })
        continue
      }
      if (mode === 'tcp') {
        out.notes.push({ rule: 'M32', text: `${ref(policy)} (CUSTOM) with an HTTP ext_authz provider is ignored on a TCP port` })
        continue
      }
    }
    const req: RequestAttrs = { ...request, policyNamespace: policy.namespace }
    if (policy.action === 'ALLOW') out.allowPolicies.push(policy)
    const target = policy.action === 'DENY' ? out.deny : policy.action === 'CUSTOM' ? out.custom : out.allow
    policy.rules.forEach((original, index) => {
      let rule: AuthzRule | undefined = original
      if (mode === 'tcp' && policy.action === 'ALLOW' && usesHttpOnly(original)) {
        rule = profile === '1.5' ? dropHttpEntries15(original) : undefined
        out.notes.push({ rule: 'M31', text: `${ref(policy)} rules[${index}] uses HTTP-only attributes: on this TCP port ${rule ? 'its HTTP-only from/to entries are dropped (1.5)' : 'the ALLOW rule is dropped whole (fewer requests allowed)'}` })
        if (!rule) return
      } else if (mode === 'tcp' && policy.action === 'DENY' && usesHttpOnly(original)) {
        out.notes.push({ rule: 'M31', text: `${ref(policy)} rules[${index}] uses HTTP-only attributes: on this TCP port they are removed and the DENY rule matches more` })
      }
      // The request-only parts are the same for every client of this column: decide them now.
      if (rule.to !== undefined && !rule.to.some((o) => operationMatches(o, req, mode))) return
      const requestWhen = rule.when?.filter((w) => !isConnectionKey(w.key)) ?? []
      if (requestWhen.length > 0 && !ruleMatches({ when: requestWhen }, NO_CONNECTION, req, mode)) return
      const connectionWhen = rule.when?.filter((w) => isConnectionKey(w.key))
      let residual = residualRule(rule.from, connectionWhen && connectionWhen.length > 0 ? connectionWhen : undefined)
      if (!dependsOnConnection(residual)) {
        // Sources that read only the request (requestPrincipals): decided now, for every client.
        if (!ruleMatches(residual, NO_CONNECTION, req, mode)) return
        residual = {}
      }
      target.push({ policy, index, residual, request: req })
    })
  }
  // A rule that matches whoever the client is decides for everyone: then the client cannot matter
  // (DENY), or only the DENY rules can make it matter (ALLOW).
  out.connectionDependent = matchesEveryone(out.deny) ? false : readsConnection(out.deny) || readsConnection(out.custom) || (!matchesEveryone(out.allow) && out.allowPolicies.length > 0 && readsConnection(out.allow))
  return out
}

/** The rule reduced to its sources and connection conditions (no spread temporaries: runs per column and rule). */
function residualRule(from: AuthzRule['from'], when: AuthzRule['when']): AuthzRule {
  if (from) return when ? { from, when } : { from }
  return when ? { when } : {}
}

function matchesEveryone(rules: readonly CompiledRule[]): boolean {
  return rules.some((r) => r.residual.from === undefined && r.residual.when === undefined)
}

function readsConnection(rules: readonly CompiledRule[]): boolean {
  return rules.some((r) => dependsOnConnection(r.residual))
}

const NO_CONNECTION: ConnectionAttrs = { peer: undefined, sourceIp: undefined, remoteIp: undefined }

function firstMatch(rules: readonly CompiledRule[], c: ConnectionAttrs, mode: MatchMode): CompiledRule | undefined {
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i] as CompiledRule
    if (ruleMatches(r.residual, c, r.request, mode)) return r
  }
  return undefined
}

/** M32: the CUSTOM rule that sends this request to its ext_authz provider, if any. */
export function customMatch(a: ColumnAuthz, c: ConnectionAttrs): CompiledRule | undefined {
  return a.custom.length === 0 ? undefined : firstMatch(a.custom, c, a.mode)
}

export type AuthzOutcome =
  | { kind: 'denied'; by: CompiledRule }
  | { kind: 'not-allowed' }
  | { kind: 'allowed'; by: CompiledRule }
  | { kind: 'no-allow-policy' }

/** M22 steps 4-5 (M23, M24). */
export function denyThenAllow(a: ColumnAuthz, c: ConnectionAttrs): AuthzOutcome {
  const denied = a.deny.length === 0 ? undefined : firstMatch(a.deny, c, a.mode)
  if (denied) return { kind: 'denied', by: denied }
  if (a.allowPolicies.length === 0) return { kind: 'no-allow-policy' }
  const allowed = firstMatch(a.allow, c, a.mode)
  return allowed ? { kind: 'allowed', by: allowed } : { kind: 'not-allowed' }
}

export function describeAuthzOutcome(a: ColumnAuthz, o: AuthzOutcome, peer: boolean): { rule: string; text: string }[] {
  const steps: { rule: string; text: string }[] = [...a.notes]
  const identityNote = peer ? '' : ' (the request has no mTLS peer identity: principals, namespaces, serviceAccounts and trustDomains are absent, so positive fields cannot match and not-fields match, M26, M33)'
  switch (o.kind) {
    case 'denied':
      steps.push({ rule: 'M22', text: `${ref(o.by.policy)} (DENY) rules[${o.by.index}] matches: 403 "RBAC: access denied"${identityNote}` })
      break
    case 'not-allowed':
      steps.push({
        rule: a.allow.length === 0 && a.allowPolicies.every((p) => p.rules.length === 0) ? 'M23' : 'M22',
        text: `ALLOW policies apply (${a.allowPolicies.map(ref).join(', ')}) and no rule of theirs matches: 403 "RBAC: access denied"${a.allowPolicies.some((p) => p.rules.length === 0) ? '; a policy without rules allows nothing (M23)' : ''}${identityNote}`,
      })
      break
    case 'allowed':
      steps.push({ rule: 'M22', text: `no DENY rule matches; ${ref(o.by.policy)} (ALLOW) rules[${o.by.index}] matches: the request is allowed` })
      break
    case 'no-allow-policy':
      steps.push({ rule: 'M22', text: a.deny.length > 0 ? 'no DENY rule matches and no ALLOW policy applies: allowed' : 'no AuthorizationPolicy denies, and none with ALLOW applies: allowed' })
      break
  }
  return steps
}

/** M22 steps 4-5 as one boolean, allocation-free: the grid's hot path. */
export function authzDenies(a: ColumnAuthz, c: ConnectionAttrs): boolean {
  if (a.deny.length > 0 && firstMatch(a.deny, c, a.mode) !== undefined) return true
  return a.allowPolicies.length > 0 && firstMatch(a.allow, c, a.mode) === undefined
}
