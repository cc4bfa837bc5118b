/**
 * Shared vocabulary of the engine. Pure data: no behaviour, no DOM, no I/O.
 * Rule numbers (R1 ... R23) refer to section 12 of shared/docs/istio-semantics.md.
 */

/** Minor releases of the modern (security.istio.io) profiles: 1.5 ... 1.30 (istio-semantics-modern.md section 0). */
export type ModernMinor =
  | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17
  | 18 | 19 | 20 | 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30

/**
 * Which Istio's semantics to apply. 1.0 is the seed's (global DestinationRules, R11); 1.1 the v1alpha1
 * API with namespace-scoped DestinationRules; 1.5 ... 1.30 the modern API (M-rules), each minor taking
 * the semantics of the breakpoints at or below it (profile.ts: parseIstioProfile, isModernProfile).
 */
export type IstioProfile = '1.0' | '1.1' | `1.${ModernMinor}`

/** R11: print the seed's 401 ("documented") or what Istio really does, 000/56 ("implemented"). */
export type R11Behaviour = 'documented' | 'implemented'

/** M32: what a CUSTOM (ext_authz) provider answers; `unreachable` is a 403 as Envoy fails closed. */
export type CustomProviderAnswer = { kind: 'allow' } | { kind: 'deny'; code: HttpCode } | { kind: 'unreachable' }

export interface EngineOptions {
  profile: IstioProfile
  r11: R11Behaviour
  /**
   * Modern profiles (M10): mesh config `enableAutoMtls`. Absent: the profile's default as installed
   * (true from 1.5; see profile.ts defaultEnableAutoMtls). Ignored by 1.0/1.1.
   */
  enableAutoMtls?: boolean
  /** Mesh config `rootNamespace` (M1, M15, M21). Absent: `istio-system`. */
  rootNamespace?: string
  /** 1.12+ (M10 step 4): `ENABLE_AUTO_MTLS_CHECK_POLICIES`. Absent: true from 1.12. */
  autoMtlsCheckPolicies?: boolean
  /** M28: mesh config `gatewayTopology.numTrustedProxies` (X-Forwarded-For hops trusted). Absent: 0. */
  numTrustedProxies?: number
  /** M32: mesh config `extensionProviders` by name and what each answers. Absent name: undeclared (403). */
  extensionProviders?: Readonly<Record<string, CustomProviderAnswer>>
}

export const DEFAULT_OPTIONS: EngineOptions = { profile: '1.0', r11: 'documented' }

/** A Kubernetes or Istio object as parsed from YAML. Unknown shapes are checked by admission. */
export interface KubeObject {
  apiVersion?: string
  kind: string
  metadata: ObjectMeta
  spec?: unknown
  [key: string]: unknown
}

export interface ObjectMeta {
  name: string
  namespace?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  creationTimestamp?: string
  [key: string]: unknown
}

/** Identity of an object as kubectl sees it: `Kind/namespace/name` (namespace empty when cluster-scoped). */
export type ResourceKey = string

/** A path into an object, e.g. ['spec', 'peers', 0, 'mTLS']. The yaml layer maps it to a line. */
export type ObjectPath = readonly (string | number)[]

export type Severity = 'error' | 'warning' | 'info'

/** A finding about the input, with a stable code (see diagnostics.ts) and where it is. */
export interface Diagnostic {
  code: string
  severity: Severity
  message: string
  /** The object it is about; absent for findings about the whole input. */
  resource?: ResourceKey
  /** Index of that object in the input list, so a caller can map it back to a document. */
  index?: number
  path?: ObjectPath
}

/**
 * HTTP status printed by `curl -w %{http_code}`; 000 when curl got no HTTP response. `open` (R29):
 * a TCP-family port accepted the connection; what curl prints then depends on the application.
 */
export type HttpCode = '200' | '401' | '403' | '404' | '503' | '000' | 'open'

/** Every rule that can decide a request's outcome. */
export type RuleId =
  | 'R11' // seed compatibility: 401 for plaintext to STRICT + JWT
  | 'R12' // transport outcome on an HTTP-family port
  | 'R13' // transport outcome on a TCP-family port (app speaks TLS itself)
  | 'R14' // accepted, no authentication filter
  | 'R15' // peer authentication at the HTTP layer
  | 'R16' // origin (end-user JWT) authentication
  | 'R20' // the ingress gateway: listener, routing, gateway-level JWT
  | 'R24' // no endpoint listens on the target port (project extension)
  | 'R28' // the ingress gateway's HTTP filters, before routing
  | 'R29' // a TCP-family port: the transport outcome only, no HTTP code
  | ModernRuleId // modern profiles: istio-semantics-modern.md M1 ... M43

/** A rule of istio-semantics-modern.md (M1 ... M43). */
export type ModernRuleId = `M${ModernRuleNumber}`
export type ModernRuleNumber =
  | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 | 16 | 17 | 18 | 19 | 20 | 21 | 22
  | 23 | 24 | 25 | 26 | 27 | 28 | 29 | 30 | 31 | 32 | 33 | 34 | 35 | 36 | 37 | 38 | 39 | 40 | 41 | 42 | 43

export interface Verdict {
  code: HttpCode
  /** curl's exit status: 0 with an HTTP code; 56 (reset), 35 (TLS handshake), 7 (refused) with 000. */
  exit: number
  rule: RuleId
}

/** What the client puts on the wire towards the server (section 4.1). */
export type ClientTransport = 'PLAIN' | 'IMTLS' | 'TLS0' | 'TLSX'

/**
 * The server side's listener (rule 6): NOSC = no sidecar, plain app; EXTTLS = TLS server outside the mesh.
 * Modern profiles reuse NONE for PeerAuthentication `DISABLE` (plaintext chain only, M5).
 */
export type ServerMode = 'NONE' | 'PERMISSIVE' | 'STRICT' | 'NOSC' | 'EXTTLS'

export type PortProtocol = 'HTTP' | 'TCP'

/** The request a probe sends: path (with query string), headers, and the clock. */
export interface RequestProfile {
  /** Request path including any query string, e.g. `/ip` or `/headers?access_token=...`. */
  path: string
  /**
   * Header names are matched case-insensitively. The token travels here (`Authorization: Bearer ...`,
   * or any header a RequestAuthentication names), in the path's query string, or in a `Cookie` header.
   */
  headers: Record<string, string>
  /** Unix seconds; JWT expiry is checked against it (R19, M18). */
  now: number
  /** HTTP method (AuthorizationPolicy `methods`, M25). Absent: `GET`, as `curl` without `-X` sends. */
  method?: string
  /**
   * `--from external` only (M28, M34): the address the ingress gateway sees as the peer (`source.ip`,
   * `ipBlocks`). Absent: unknown, and IP fields are reported as not modelled.
   */
  sourceIp?: string
  /**
   * `--from external` only (M28): the X-Forwarded-For the external client sends (`remoteIpBlocks`,
   * `remote.ip`); overrides an `X-Forwarded-For` entry of `headers`. Absent: that header, else none.
   */
  xForwardedFor?: string
}

/** `curl http://httpbin.foo:8000/ip`: GET, no headers, no token. */
export const DEFAULT_REQUEST: RequestProfile = { path: '/ip', headers: {}, now: 0 }

/** The method a request profile sends (M25): `GET` unless set. */
export function requestMethod(request: RequestProfile): string {
  return request.method ?? 'GET'
}
