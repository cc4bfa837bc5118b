/**
 * Canonical security.istio.io specs (as walk.ts returns them) -> security.ts resources: empty lists
 * folded into "absent", an empty selector into "no selector", creationTimestamp into seconds.
 */
import type {
  AuthorizationPolicy, AuthzAction, AuthzCondition, AuthzOperation, AuthzRule, AuthzSource, JwtRule, PeerAuthentication,
  PeerAuthnMode, PolicyTargetRef, RequestAuthentication,
} from '../../security'
import type { KubeObject } from '../../types'
import type { Identity } from './authn'

export interface CSelector { matchLabels?: Record<string, string> }
export interface CTargetRef { group?: string; kind?: string; name?: string; namespace?: string }
export interface CPeerAuthentication { selector?: CSelector; mtls?: { mode?: PeerAuthnMode }; portLevelMtls?: Record<string, { mode?: PeerAuthnMode }> }
export interface CJwtRule {
  issuer?: string
  audiences?: string[]
  jwksUri?: string
  jwks?: string
  fromHeaders?: { name?: string; prefix?: string }[]
  fromParams?: string[]
  fromCookies?: string[]
  outputPayloadToHeader?: string
  forwardOriginalToken?: boolean
  outputClaimToHeaders?: { header?: string; claim?: string }[]
  timeout?: string
  spaceDelimitedClaims?: string[]
}
export interface CRequestAuthentication { selector?: CSelector; targetRef?: CTargetRef; targetRefs?: CTargetRef[]; jwtRules?: CJwtRule[] }
export type CSource = { [K in keyof AuthzSource]?: string[] }
export type COperation = { [K in keyof AuthzOperation]?: string[] }
export interface CCondition { key?: string; values?: string[]; notValues?: string[] }
export interface CAuthzRule { from?: { source?: CSource }[]; to?: { operation?: COperation }[]; when?: CCondition[] }
export interface CAuthorizationPolicy {
  selector?: CSelector
  targetRef?: CTargetRef
  targetRefs?: CTargetRef[]
  rules?: CAuthzRule[]
  action?: AuthzAction
  provider?: { name?: string } | null
}

function selectorOf(s: CSelector | undefined): Record<string, string> | undefined {
  const labels = s?.matchLabels
  return labels && Object.keys(labels).length > 0 ? { ...labels } : undefined
}

/** metadata.creationTimestamp (RFC 3339) in Unix seconds; undefined when absent or unreadable. */
export function createdSeconds(object: KubeObject): number | undefined {
  const ts = object.metadata.creationTimestamp
  if (typeof ts !== 'string') return undefined
  const ms = Date.parse(ts)
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000)
}

function base(object: KubeObject, spec: { selector?: CSelector }, id: Identity) {
  return {
    key: id.key,
    name: id.name,
    namespace: id.namespace,
    apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : '',
    selector: selectorOf(spec.selector),
    selectorWritten: spec.selector !== undefined,
    created: createdSeconds(object),
    order: id.order,
  }
}

function targetRefsOf(spec: { targetRef?: CTargetRef; targetRefs?: CTargetRef[] }): PolicyTargetRef[] {
  const refs = [...(spec.targetRef ? [spec.targetRef] : []), ...(spec.targetRefs ?? [])]
  return refs.map((r) => ({ group: r.group ?? '', kind: r.kind ?? '', name: r.name ?? '', namespace: r.namespace }))
}

export function normalizePeerAuthentication(object: KubeObject, spec: CPeerAuthentication, id: Identity): PeerAuthentication {
  const ports = new Map<number, PeerAuthnMode>()
  for (const [port, m] of Object.entries(spec.portLevelMtls ?? {})) ports.set(Number(port), m.mode ?? 'UNSET')
  return { kind: 'PeerAuthentication', ...base(object, spec, id), mode: spec.mtls?.mode ?? 'UNSET', portLevelMtls: ports }
}

function normalizeJwtRule(r: CJwtRule): JwtRule {
  return {
    issuer: r.issuer === undefined || r.issuer === '' ? undefined : r.issuer,
    audiences: r.audiences ?? [],
    jwksUri: r.jwksUri === '' ? undefined : r.jwksUri,
    jwks: r.jwks === '' ? undefined : r.jwks,
    fromHeaders: (r.fromHeaders ?? []).map((h) => ({ name: h.name ?? '', prefix: h.prefix ?? '' })),
    fromParams: r.fromParams ?? [],
    fromCookies: r.fromCookies ?? [],
    forwardOriginalToken: r.forwardOriginalToken ?? false,
    outputPayloadToHeader: r.outputPayloadToHeader,
    outputClaimToHeaders: (r.outputClaimToHeaders ?? []).map((c) => ({ header: c.header ?? '', claim: c.claim ?? '' })),
    timeout: r.timeout,
    spaceDelimitedClaims: r.spaceDelimitedClaims ?? [],
  }
}

export function normalizeRequestAuthentication(object: KubeObject, spec: CRequestAuthentication, id: Identity): RequestAuthentication {
  return { kind: 'RequestAuthentication', ...base(object, spec, id), targetRefs: targetRefsOf(spec), jwtRules: (spec.jwtRules ?? []).map(normalizeJwtRule) }
}

/** Copies the list fields that are set and non-empty (proto3: an empty list is no list). */
function compact<T extends object>(c: { [k: string]: string[] | undefined }): T {
  const out: Record<string, string[]> = {}
  for (const [k, v] of Object.entries(c)) if (v !== undefined && v.length > 0) out[k] = [...v]
  return out as T
}

function normalizeRule(r: CAuthzRule): AuthzRule {
  const out: AuthzRule = {}
  if (r.from && r.from.length > 0) out.from = r.from.map((f) => compact<AuthzSource>(f.source ?? {}))
  if (r.to && r.to.length > 0) out.to = r.to.map((t) => compact<AuthzOperation>(t.operation ?? {}))
  if (r.when && r.when.length > 0) {
    out.when = r.when.map((w): AuthzCondition => ({
      key: w.key ?? '',
      ...(w.values && w.values.length > 0 ? { values: [...w.values] } : {}),
      ...(w.notValues && w.notValues.length > 0 ? { notValues: [...w.notValues] } : {}),
    }))
  }
  return out
}

export function normalizeAuthorizationPolicy(object: KubeObject, spec: CAuthorizationPolicy, id: Identity): AuthorizationPolicy {
  return {
    kind: 'AuthorizationPolicy',
    ...base(object, spec, id),
    targetRefs: targetRefsOf(spec),
    action: spec.action ?? 'ALLOW',
    provider: spec.provider?.name,
    rules: (spec.rules ?? []).map(normalizeRule),
    dryRun: object.metadata.annotations?.['istio.io/dry-run'] === 'true',
  }
}
