/**
 * Rule 16: the origin (end-user JWT) decision of the `istio_authn` filter for one policy and one
 * request, with rule 17 for each origin and rule 18 (1.1) to select the origins that apply.
 *
 * Call it once per policy and request profile and cache the result: it is async only because
 * signature checks use WebCrypto. Imported keys, decoded tokens and signature verdicts are cached
 * across calls, so a thousand policies sharing one token and key set cost one RSA verification.
 */
import type { AuthnPolicy, JwtSpec } from '../istio'
import type { IstioProfile, RequestProfile } from '../types'
import { describeLocation, extractToken } from './extractToken'
import type { ExtractedToken, TokenLocation } from './extractToken'
import type { KeySets } from './keySets'
import { originTriggered } from './triggerRules'
import { verifyJwtForSpec } from './verifyToken'
import type { JwtCheck } from './verifyToken'

/** What the origin decision reads from a policy; an `AuthnPolicy` fits. */
export type OriginPolicy = Pick<AuthnPolicy, 'origins' | 'originIsOptional' | 'principalBinding'> &
  Partial<Pick<AuthnPolicy, 'peers'>>

export type OriginCheck = JwtCheck | { skipped: 'not-triggered' }

export interface OriginResult {
  /** False means 401 `Origin authentication failed.` */
  pass: boolean
  /** One sentence for the UI. */
  reason: string
  /** Some origin applies to this request: always when there are origins in 1.0; by trigger rules in 1.1. */
  triggered: boolean
  /** One entry per origin, in policy order. Empty when the token was not evaluated (1.0 originIsOptional). */
  perOrigin: { issuer: string; check: OriginCheck }[]
  /** `<iss>/<sub>` of the origin that accepted the token; the caller applies principalBinding. */
  principal?: string
  /** Where the token the proxy used came from, when it found one. */
  tokenLocation?: TokenLocation
}

/**
 * Decides origin authentication for `request` against `policy` under `profile`.
 *
 * @example
 * const result = await checkOrigins(policy, { path: '/ip', headers: { Authorization: `Bearer ${ISTIO_DEMO_JWT}` }, now }, NO_KEY_SETS, '1.0')
 * result.pass // true; result.principal === 'testing@secure.istio.io/testing@secure.istio.io'
 */
export async function checkOrigins(
  policy: OriginPolicy,
  request: RequestProfile,
  keySets: KeySets,
  profile: IstioProfile,
): Promise<OriginResult> {
  const hasOrigins = policy.origins.length > 0
  // Istio 1.0 does not run the origin step at all when it is optional (section 6.3).
  if (policy.originIsOptional && profile === '1.0') {
    return { pass: true, triggered: hasOrigins, perOrigin: [], reason: 'originIsOptional: Istio 1.0 does not check the token' }
  }
  if (!hasOrigins) return withoutOrigins(policy)
  const found = extractToken(policyJwtSpecs(policy), request)
  const perOrigin = await Promise.all(
    policy.origins.map(async (spec) => ({ issuer: spec.issuer, check: await originCheck(spec, found, request, keySets, profile) })),
  )
  return decide(policy, perOrigin, found)
}

/** Rule 15's jwt peer method: the same check as an origin, with the token extracted for the whole policy. */
export async function checkJwtPeer(
  spec: JwtSpec,
  policy: OriginPolicy,
  request: RequestProfile,
  keySets: KeySets,
): Promise<JwtCheck> {
  const found = extractToken(policyJwtSpecs(policy), request)
  return verifyJwtForSpec(found?.token, found?.location, spec, keySets, request.now)
}

/** Every JWT spec of the policy: the proxy reads token locations from jwt peers and origins alike. */
export function policyJwtSpecs(policy: OriginPolicy): JwtSpec[] {
  const peerSpecs = (policy.peers ?? []).flatMap((peer) => (peer.kind === 'jwt' ? [peer.jwt] : []))
  return [...peerSpecs, ...policy.origins]
}

/** USE_ORIGIN with no origin can never produce an origin principal, so the filter rejects (section 6.3). */
function withoutOrigins(policy: OriginPolicy): OriginResult {
  const base = { triggered: false, perOrigin: [] }
  if (policy.originIsOptional) return { ...base, pass: true, reason: 'no origins, and originIsOptional' }
  if (policy.principalBinding === 'USE_ORIGIN') {
    return { ...base, pass: false, reason: 'principalBinding is USE_ORIGIN but the policy has no origins' }
  }
  return { ...base, pass: true, reason: 'no origins: no end-user authentication required' }
}

function originCheck(
  spec: JwtSpec,
  found: ExtractedToken | undefined,
  request: RequestProfile,
  keySets: KeySets,
  profile: IstioProfile,
): Promise<OriginCheck> {
  if (profile === '1.1' && !originTriggered(spec, request.path)) return Promise.resolve({ skipped: 'not-triggered' })
  return verifyJwtForSpec(found?.token, found?.location, spec, keySets, request.now)
}

function decide(
  policy: OriginPolicy,
  perOrigin: OriginResult['perOrigin'],
  found: ExtractedToken | undefined,
): OriginResult {
  const base = { perOrigin, ...(found === undefined ? {} : { tokenLocation: found.location }) }
  const checked = perOrigin.flatMap(({ issuer, check }) => ('ok' in check ? [{ issuer, check }] : []))
  // 1.1: "origins empty" is tested before trigger rules, so none triggered passes even with USE_ORIGIN.
  if (checked.length === 0) return { ...base, pass: true, triggered: false, reason: 'no origin is triggered for this path' }
  for (const { issuer, check } of checked) {
    if (check.ok) {
      const where = found === undefined ? 'the request' : describeLocation(found.location)
      return { ...base, pass: true, triggered: true, principal: check.principal, reason: `the token from ${where} is valid for issuer ${issuer}` }
    }
  }
  const summary = failureSummary(checked)
  if (policy.originIsOptional) {
    return { ...base, pass: true, triggered: true, reason: `originIsOptional: failure ignored (${summary})` }
  }
  return { ...base, pass: false, triggered: true, reason: `Origin authentication failed: ${summary}` }
}

/** The single origin's detail, or "issuer: detail" for each when there are several. */
function failureSummary(checked: readonly { issuer: string; check: JwtCheck }[]): string {
  const details = checked.map(({ issuer, check }) => ({ issuer, detail: check.ok ? 'valid' : check.detail }))
  if (details.length === 1) return details[0]!.detail
  return details.map(({ issuer, detail }) => `${issuer}: ${detail}`).join('; ')
}
