/** The profile picker's lists: the releases where something changes first, then every release. */
import { BREAKPOINT_PROFILES, ISTIO_PROFILES, type IstioProfile } from '../../engine'

export const BREAKPOINTS: readonly IstioProfile[] = BREAKPOINT_PROFILES
export const OTHER_RELEASES: readonly IstioProfile[] = ISTIO_PROFILES.filter((p) => !BREAKPOINT_PROFILES.includes(p))

/** What changes at a breakpoint, in a few words (istio-semantics-modern.md section 0). */
export const BREAKPOINT_NOTES: Partial<Record<IstioProfile, string>> = {
  '1.0': 'the seed task: MeshPolicy, Policy',
  '1.1': 'namespace-scoped DestinationRules, exportTo',
  '1.5': 'PeerAuthentication, RequestAuthentication, AuthorizationPolicy; auto mTLS',
  '1.6': 'v1alpha1 authentication removed',
  '1.8': 'AUDIT, CUSTOM, remoteIpBlocks',
  '1.9': 'JWT clock skew 60 s',
  '1.12': 'auto mTLS honours workload DISABLE',
  '1.17': 'security.istio.io/v1 for RA and AP',
  '1.20': 'targetRef',
  '1.21': 'fromCookies; httpbin target port 8080',
  '1.22': 'v1 PeerAuthentication; path templates',
  '1.24': 'ambient GA; sleep renamed curl',
  '1.25': 'serviceAccounts',
  '1.27': 'issuer optional',
  '1.28': 'spaceDelimitedClaims',
  '1.30': 'trustDomains',
}
