/**
 * Istio profiles: which releases the engine knows, how a version string becomes a profile, and the
 * per-release facts (istio-semantics-modern.md section 0) that the one pipeline consults. A minor
 * between two breakpoints takes the semantics of the breakpoints at or below it, so `1.13` behaves
 * as `1.12` everywhere.
 */
import type { EngineOptions, IstioProfile, ModernMinor } from './types'

const FIRST_MODERN = 5
const LAST_MODERN = 30

/** Every profile, oldest first: 1.0, 1.1, 1.5 ... 1.30. */
export const ISTIO_PROFILES: readonly IstioProfile[] = [
  '1.0',
  '1.1',
  ...Array.from({ length: LAST_MODERN - FIRST_MODERN + 1 }, (_, i) => `1.${(i + FIRST_MODERN) as ModernMinor}` as const),
]

/** The releases at which a grid cell or an admission verdict can change (section 0); a UI offers these first. */
export const BREAKPOINT_PROFILES: readonly IstioProfile[] = [
  '1.0', '1.1', '1.5', '1.6', '1.8', '1.9', '1.12', '1.17', '1.20', '1.21', '1.22', '1.24', '1.25', '1.27', '1.28', '1.30',
]

/** The newest profile. */
export const LATEST_PROFILE: IstioProfile = '1.30'

const minorOf = new Map<string, number>()

/** The minor release number: 0 for `1.0`, 12 for `1.12`. Cached: version checks run per grid column. */
export function profileMinor(profile: IstioProfile): number {
  let minor = minorOf.get(profile)
  if (minor === undefined) {
    minor = Number(profile.slice(2))
    minorOf.set(profile, minor)
  }
  return minor
}

/**
 * `1.12`, `1.12.3`, `v1.12` or ` 1.12 ` -> `1.12`; `1.2` ... `1.4`, `2.0`, `1.31` or garbage -> undefined
 * (the caller says which profiles exist: describeProfiles()).
 */
export function parseIstioProfile(text: string): IstioProfile | undefined {
  const m = /^v?1\.(\d{1,2})(?:\.\d+)?$/.exec(text.trim())
  if (!m) return undefined
  const minor = Number(m[1])
  if (minor === 0 || minor === 1) return `1.${minor}` as IstioProfile
  if (minor >= FIRST_MODERN && minor <= LAST_MODERN) return `1.${minor}` as IstioProfile
  return undefined
}

/** For messages: `1.0, 1.1, 1.5 ... 1.30`. */
export function describeProfiles(): string {
  return `1.0, 1.1, 1.${FIRST_MODERN} ... 1.${LAST_MODERN}`
}

/** True from 1.5: PeerAuthentication, RequestAuthentication and AuthorizationPolicy exist (M-rules). */
export function isModernProfile(profile: IstioProfile): boolean {
  return profileMinor(profile) >= FIRST_MODERN
}

/** `profile` is `release` or newer, e.g. atLeast(p, '1.12') for the auto-mTLS DISABLE breakpoint. */
export function atLeast(profile: IstioProfile, release: IstioProfile): boolean {
  return profileMinor(profile) >= profileMinor(release)
}

/** v1alpha1 Policy/MeshPolicy are honoured: 1.0, 1.1, and 1.5 next to v1beta1 (M39). */
export function honoursV1alpha1(profile: IstioProfile): boolean {
  const minor = profileMinor(profile)
  return minor <= 1 || minor === FIRST_MODERN
}

/** M10: `enableAutoMtls` as an installed mesh has it: on from 1.5 (install values), off before. */
export function defaultEnableAutoMtls(profile: IstioProfile): boolean {
  return isModernProfile(profile)
}

/** The mesh settings of section 13 (M43) with the profile's defaults filled in. */
export interface MeshSettings {
  enableAutoMtls: boolean
  rootNamespace: string
  /** 1.12+ `ENABLE_AUTO_MTLS_CHECK_POLICIES` (M10 step 4). */
  autoMtlsCheckPolicies: boolean
  /** M18: 60 s from 1.9, 0 before. */
  clockSkew: number
}

export function meshSettings(options: EngineOptions): MeshSettings {
  const p = options.profile
  return {
    enableAutoMtls: options.enableAutoMtls ?? defaultEnableAutoMtls(p),
    rootNamespace: options.rootNamespace ?? 'istio-system',
    autoMtlsCheckPolicies: atLeast(p, '1.12') && (options.autoMtlsCheckPolicies ?? true),
    clockSkew: atLeast(p, '1.9') ? 60 : 0,
  }
}

/**
 * Target port of the bundled httpbin sample's Service port 8000 (M4, M29, section 0): 8000 in the 1.0
 * sample, 80 in 1.1 ... 1.20, 8080 from 1.21.
 */
export function httpbinTargetPort(profile: IstioProfile): number {
  const minor = profileMinor(profile)
  if (minor === 0) return 8000
  return minor >= 21 ? 8080 : 80
}

/** API versions served for each modern kind (M35), and DestinationRule's (networking) per profile. */
export function servedApiVersions(kind: string, profile: IstioProfile): readonly string[] {
  const minor = profileMinor(profile)
  const sec = (v1From: number) => (minor >= v1From ? ['security.istio.io/v1beta1', 'security.istio.io/v1'] : ['security.istio.io/v1beta1'])
  switch (kind) {
    case 'PeerAuthentication':
      return minor >= FIRST_MODERN ? sec(22) : []
    case 'RequestAuthentication':
    case 'AuthorizationPolicy':
      return minor >= FIRST_MODERN ? sec(17) : []
    case 'DestinationRule':
    case 'Gateway':
    case 'VirtualService':
      if (minor < FIRST_MODERN) return ['networking.istio.io/v1alpha3']
      return minor >= 22
        ? ['networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1', 'networking.istio.io/v1']
        : ['networking.istio.io/v1alpha3', 'networking.istio.io/v1beta1']
    case 'Policy':
    case 'MeshPolicy':
      return honoursV1alpha1(profile) ? ['authentication.istio.io/v1alpha1'] : []
    default:
      return []
  }
}
