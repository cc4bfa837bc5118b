/**
 * Normalised modern security resources (`security.istio.io/v1beta1` and `v1`), as admission hands them
 * to the engine: snake_case folded into camelCase, empty lists folded into "absent" (proto3 has no
 * difference), selectors with an empty `matchLabels` folded into "no selector" (M1, M21). Sections 2, 5
 * and 6 of istio-semantics-modern.md describe the fields; istio.ts holds the 1.x kinds next to these.
 */
import type { ResourceKey } from './types'

/** PeerAuthentication `mtls.mode` (M3): UNSET inherits the next wider level. */
export type PeerAuthnMode = 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT'

/** Fields every modern policy carries. */
interface SecurityObjectBase {
  key: ResourceKey
  name: string
  namespace: string
  /** As written: `security.istio.io/v1beta1` or `security.istio.io/v1`. */
  apiVersion: string
  /**
   * `selector.matchLabels`; undefined when absent or empty (namespace- or mesh-wide). `selectorWritten`
   * tells an empty map (warned, M36/M38) from no selector.
   */
  selector: Record<string, string> | undefined
  selectorWritten: boolean
  /** `metadata.creationTimestamp` in Unix seconds (M2: oldest wins); undefined when not written. */
  created: number | undefined
  /** Input order: an object without timestamp was created when it was applied, after those before it. */
  order: number
}

export interface PeerAuthentication extends SecurityObjectBase {
  kind: 'PeerAuthentication'
  /** `mtls.mode`; `UNSET` when `mtls` or its mode is absent. */
  mode: PeerAuthnMode
  /** `portLevelMtls` keyed by workload (target) port (M4); empty when absent. */
  portLevelMtls: ReadonlyMap<number, PeerAuthnMode>
}

/** JWT header location (M16): the value must start with `prefix` (may be empty). */
export interface JwtHeaderLocation {
  name: string
  prefix: string
}

export interface ClaimToHeader {
  header: string
  claim: string
}

/** One `jwtRules[]` entry (M15-M20). */
export interface JwtRule {
  /** Optional from 1.27 when `jwksUri` is set (M37). */
  issuer: string | undefined
  /** Empty: any `aud` accepted (M17 step 4). */
  audiences: string[]
  jwksUri: string | undefined
  /** Inline JWKS (JSON text). */
  jwks: string | undefined
  /** When none of the three location lists is set, M16's defaults apply (Authorization Bearer, access_token). */
  fromHeaders: JwtHeaderLocation[]
  fromParams: string[]
  /** 1.21+. */
  fromCookies: string[]
  forwardOriginalToken: boolean
  outputPayloadToHeader: string | undefined
  /** 1.17+. */
  outputClaimToHeaders: ClaimToHeader[]
  /** 1.22+, as written (`5s`). */
  timeout: string | undefined
  /** 1.28+. */
  spaceDelimitedClaims: string[]
}

/** `targetRef` / `targetRefs` (1.20+ / 1.22+): ignored by sidecars and classic gateways (M15, M21). */
export interface PolicyTargetRef {
  group: string
  kind: string
  name: string
  namespace: string | undefined
}

export interface RequestAuthentication extends SecurityObjectBase {
  kind: 'RequestAuthentication'
  targetRefs: PolicyTargetRef[]
  jwtRules: JwtRule[]
}

export type AuthzAction = 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM'

/** `rules[].from[].source` (M24-M28): absent fields are undefined, never empty lists. */
export interface AuthzSource {
  principals?: string[]
  notPrincipals?: string[]
  requestPrincipals?: string[]
  notRequestPrincipals?: string[]
  namespaces?: string[]
  notNamespaces?: string[]
  ipBlocks?: string[]
  notIpBlocks?: string[]
  /** 1.8+. */
  remoteIpBlocks?: string[]
  notRemoteIpBlocks?: string[]
  /** 1.25+. */
  serviceAccounts?: string[]
  notServiceAccounts?: string[]
  /** 1.30+. */
  trustDomains?: string[]
  notTrustDomains?: string[]
}

/** `rules[].to[].operation` (M24, M25, M29). `ports` are workload ports, as written (decimal strings). */
export interface AuthzOperation {
  hosts?: string[]
  notHosts?: string[]
  ports?: string[]
  notPorts?: string[]
  methods?: string[]
  notMethods?: string[]
  paths?: string[]
  notPaths?: string[]
}

/** `rules[].when[]` (M30). */
export interface AuthzCondition {
  key: string
  values?: string[]
  notValues?: string[]
}

/** A rule; each part undefined when absent (a rule `{}` matches every request, M23). */
export interface AuthzRule {
  from?: AuthzSource[]
  to?: AuthzOperation[]
  when?: AuthzCondition[]
}

export interface AuthorizationPolicy extends SecurityObjectBase {
  kind: 'AuthorizationPolicy'
  targetRefs: PolicyTargetRef[]
  /** `ALLOW` when absent. */
  action: AuthzAction
  /** CUSTOM: `provider.name`. */
  provider: string | undefined
  /** Empty when absent: an ALLOW policy without rules allows nothing (M23). */
  rules: AuthzRule[]
  /** Annotation `istio.io/dry-run: "true"` (1.10+): shadow mode, never changes the code (M22). */
  dryRun: boolean
}

export type SecurityResource = PeerAuthentication | RequestAuthentication | AuthorizationPolicy

export const SECURITY_KINDS: readonly SecurityResource['kind'][] = ['PeerAuthentication', 'RequestAuthentication', 'AuthorizationPolicy']

export function isSecurityResource(r: { kind: string }): r is SecurityResource {
  return (SECURITY_KINDS as readonly string[]).includes(r.kind)
}
