/**
 * Normalised Istio resources, as admission hands them to the engine: defaults filled in, snake_case
 * field names folded into camelCase, `mtls: {}`/`null` turned into STRICT. Section 1 of
 * istio-semantics.md describes the fields; admission/ produces these, mesh/ consumes them.
 */
import type { SecurityResource } from './security'
import type { ResourceKey } from './types'

export interface PortSelector {
  number?: number
  name?: string
}

export interface TargetSelector {
  name: string
  /** Empty: every port of the service. */
  ports: PortSelector[]
}

export type MtlsMode = 'STRICT' | 'PERMISSIVE'

export type PeerMethod =
  | { kind: 'mtls'; mode: MtlsMode; allowTls: boolean; /** written as `mtls: null` (warned) */ wasNull: boolean }
  | { kind: 'jwt'; jwt: JwtSpec }

/** Istio 1.1 StringMatch: exactly one of these is set. */
export interface StringMatch {
  exact?: string
  prefix?: string
  suffix?: string
  regex?: string
}

export interface TriggerRule {
  excludedPaths: StringMatch[]
  includedPaths: StringMatch[]
}

export interface JwtSpec {
  issuer: string
  audiences: string[]
  jwksUri?: string
  /** Inline key set (Istio 1.2+ only; never admitted under the 1.0/1.1 profiles). */
  jwks?: string
  jwtHeaders: string[]
  jwtParams: string[]
  /** Istio 1.1 only. */
  triggerRules: TriggerRule[]
}

export type PrincipalBinding = 'USE_PEER' | 'USE_ORIGIN'

/** A `Policy` (namespaced) or `MeshPolicy` (cluster-scoped); both carry the same message. */
export interface AuthnPolicy {
  kind: 'Policy' | 'MeshPolicy'
  key: ResourceKey
  name: string
  /** '' for a MeshPolicy. */
  namespace: string
  targets: TargetSelector[]
  peers: PeerMethod[]
  peerIsOptional: boolean
  origins: JwtSpec[]
  originIsOptional: boolean
  principalBinding: PrincipalBinding
  /** Creation order: lower is older. Ties between conflicting policies go to the oldest. */
  order: number
}

export type TlsMode = 'DISABLE' | 'SIMPLE' | 'MUTUAL' | 'ISTIO_MUTUAL'

export interface TlsSettings {
  mode: TlsMode
}

export interface PortTrafficPolicy {
  port: PortSelector
  /** Absent: plaintext for this port, even if the top level sets TLS (no inheritance). */
  tls?: TlsSettings
}

export interface TrafficPolicy {
  tls?: TlsSettings
  portLevelSettings: PortTrafficPolicy[]
}

export interface DestinationRule {
  kind: 'DestinationRule'
  key: ResourceKey
  name: string
  namespace: string
  /** As written; resolved against the rule's namespace by the engine (R9). */
  host: string
  trafficPolicy?: TrafficPolicy
  /** Istio 1.1 only; Pilot 1.1 reads just the first entry ('.' = private). */
  exportTo: string[]
  order: number
}

export interface GatewayServer {
  port: { number: number; name?: string; protocol: string }
  hosts: string[]
}

export interface Gateway {
  kind: 'Gateway'
  key: ResourceKey
  name: string
  namespace: string
  selector: Record<string, string>
  servers: GatewayServer[]
  order: number
}

export interface HttpRouteDestination {
  destination: { host: string; port?: PortSelector; subset?: string }
  weight?: number
}

export interface HttpMatchRequest {
  uri?: StringMatch
}

export interface HttpRoute {
  /** Empty: matches every request. */
  match: HttpMatchRequest[]
  route: HttpRouteDestination[]
}

export interface VirtualService {
  kind: 'VirtualService'
  key: ResourceKey
  name: string
  namespace: string
  hosts: string[]
  /** Gateway names as written (`name` or `namespace/name`); empty means the `mesh` gateway only. */
  gateways: string[]
  http: HttpRoute[]
  order: number
}

/** Every normalised Istio object: the 1.x kinds above and the modern security.istio.io kinds (security.ts). */
export type IstioResource = AuthnPolicy | DestinationRule | Gateway | VirtualService | SecurityResource
