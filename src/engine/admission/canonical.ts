/**
 * TypeScript view of the canonical specs walk.ts returns. Rules and normalisers only run on specs
 * that passed the walk without errors, so the types below hold: every present field has the type its
 * spec says (camelCase name, enum name, number), lists hold no nulls. Only oneof members may be null.
 */
import type { MtlsMode, PrincipalBinding, TlsMode } from '../istio'

export interface CPortSelector { number?: number; name?: string }

export interface CStringMatch { exact?: string; prefix?: string; suffix?: string; regex?: string }

// authentication.v1alpha1

export interface CTarget { name?: string; ports?: CPortSelector[] }
export interface CMutualTls { mode?: MtlsMode; allowTls?: boolean }
export interface CTriggerRule { excludedPaths?: CStringMatch[]; includedPaths?: CStringMatch[] }

export interface CJwt {
  issuer?: string
  audiences?: string[]
  jwksUri?: string
  jwtHeaders?: string[]
  jwtParams?: string[]
  triggerRules?: CTriggerRule[]
}

export interface CPeer { mtls?: CMutualTls | null; jwt?: CJwt | null }
export interface COrigin { jwt?: CJwt }

export interface CPolicy {
  targets?: CTarget[]
  peers?: CPeer[]
  peerIsOptional?: boolean
  origins?: COrigin[]
  originIsOptional?: boolean
  principalBinding?: PrincipalBinding
}

// networking.v1alpha3

export interface CTls { mode?: TlsMode; clientCertificate?: string; privateKey?: string }

interface CTuning { loadBalancer?: unknown; connectionPool?: unknown; outlierDetection?: unknown }

export interface CPortTrafficPolicy extends CTuning { port?: CPortSelector; tls?: CTls }
export interface CTrafficPolicy extends CTuning { tls?: CTls; portLevelSettings?: CPortTrafficPolicy[] }
export interface CSubset { name?: string; labels?: Record<string, string>; trafficPolicy?: CTrafficPolicy }

export interface CDestinationRule {
  host?: string
  trafficPolicy?: CTrafficPolicy
  subsets?: CSubset[]
  exportTo?: string[]
}

export interface CServer {
  port?: { number?: number; protocol?: string; name?: string }
  hosts?: string[]
  tls?: Record<string, unknown>
}

export interface CGateway { servers?: CServer[]; selector?: Record<string, string> }

export interface CDestination { host?: string; subset?: string; port?: CPortSelector }
export interface CRouteDestination { destination?: CDestination; weight?: number }
export interface CHttpMatch { uri?: CStringMatch }
export interface CHttpRoute { match?: CHttpMatch[]; route?: CRouteDestination[]; redirect?: unknown }

export interface CVirtualService {
  hosts?: string[]
  gateways?: string[]
  http?: CHttpRoute[]
  tls?: unknown[]
  tcp?: unknown[]
  exportTo?: string[]
}
