/**
 * Shared vocabulary of the engine. Pure data: no behaviour, no DOM, no I/O.
 * Rule numbers (R1 ... R23) refer to section 12 of shared/docs/istio-semantics.md.
 */

/** Which Istio's semantics to apply. 1.0 is the seed's (global DestinationRules, R11). */
export type IstioProfile = '1.0' | '1.1'

/** R11: print the seed's 401 ("documented") or what Istio really does, 000/56 ("implemented"). */
export type R11Behaviour = 'documented' | 'implemented'

export interface EngineOptions {
  profile: IstioProfile
  r11: R11Behaviour
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
export type HttpCode = '200' | '401' | '404' | '503' | '000' | 'open'

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

export interface Verdict {
  code: HttpCode
  /** curl's exit status: 0 with an HTTP code; 56 (reset), 35 (TLS handshake), 7 (refused) with 000. */
  exit: number
  rule: RuleId
}

/** What the client puts on the wire towards the server (section 4.1). */
export type ClientTransport = 'PLAIN' | 'IMTLS' | 'TLS0' | 'TLSX'

/** The server side's listener (rule 6): NOSC = no sidecar, plain app; EXTTLS = TLS server outside the mesh. */
export type ServerMode = 'NONE' | 'PERMISSIVE' | 'STRICT' | 'NOSC' | 'EXTTLS'

export type PortProtocol = 'HTTP' | 'TCP'

/** The request a probe sends: path (with query string), headers, and the clock. */
export interface RequestProfile {
  /** Request path including any query string, e.g. `/ip` or `/headers?access_token=...`. */
  path: string
  /** Header names are matched case-insensitively. */
  headers: Record<string, string>
  /** Unix seconds; JWT expiry is checked against it (R19). */
  now: number
}

export const DEFAULT_REQUEST: RequestProfile = { path: '/ip', headers: {}, now: 0 }
