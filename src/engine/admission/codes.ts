/**
 * Registry of admission findings: what Galley's webhook, Pilot's strict protobuf-JSON reader or the
 * Kubernetes API server would say about one object on its own. Cross-object findings live in
 * ../diagnostics.ts (MESH codes). Codes are stable; the summaries are meant for the docs page.
 */
import type { Severity } from '../types'

interface CodeInfo {
  severity: Severity
  summary: string
}

export const ADMISSION_CODES = {
  // Field-level: the shape of an Istio spec, from the field specs in spec/.
  IST0101: { severity: 'error', summary: 'Unknown field: the message has no such field in this Istio version (names are case-sensitive)' },
  IST0102: { severity: 'error', summary: 'Wrong type: for example a string where a list or a number is expected' },
  IST0103: { severity: 'error', summary: 'Not a value of the enum (names are case-sensitive; numbers must be in range)' },
  IST0104: { severity: 'error', summary: 'Two alternatives of a oneof are set (e.g. both `mtls` and `jwt` in one peer)' },
  IST0105: { severity: 'error', summary: 'The same field is written twice, once in camelCase and once in snake_case' },
  IST0106: { severity: 'error', summary: 'apiVersion is missing or does not serve this Istio kind' },
  IST0107: { severity: 'warning', summary: 'A top-level field other than apiVersion, kind, metadata, spec or status; Istio ignores it' },
  // Authentication Policy / MeshPolicy.
  IST0110: { severity: 'error', summary: 'A Policy without targets must be named `default`' },
  IST0111: { severity: 'error', summary: 'A Policy named `default` must not have targets' },
  IST0112: { severity: 'error', summary: 'A MeshPolicy must be named `default`' },
  IST0113: { severity: 'error', summary: 'A MeshPolicy must not have targets' },
  IST0114: { severity: 'error', summary: 'A target name must be a short service name (DNS-1123 label), resolved in the policy namespace' },
  IST0115: { severity: 'error', summary: 'A port selector needs a port number (1-65535) or a valid port name' },
  IST0116: { severity: 'warning', summary: '`mtls: null` (or an empty `mtls:`) is read as STRICT mutual TLS' },
  IST0117: { severity: 'warning', summary: 'A peer method sets neither `mtls` nor `jwt`; Pilot ignores it' },
  IST0118: { severity: 'error', summary: 'An origin method has no `jwt`' },
  IST0120: { severity: 'error', summary: 'A JWT rule has no issuer' },
  IST0121: { severity: 'error', summary: 'A JWT audience is an empty string' },
  IST0122: { severity: 'error', summary: 'jwksUri is not an http or https URL' },
  IST0123: { severity: 'error', summary: 'A JWT header or query parameter name is empty' },
  IST0124: { severity: 'error', summary: 'The same JWT issuer appears twice in one policy' },
  IST0125: { severity: 'warning', summary: 'A string match sets none of exact, prefix, suffix or regex, so it matches nothing' },
  IST0126: { severity: 'error', summary: 'A regex RE2 refuses (backreferences, lookahead/lookbehind, bad syntax); Envoy matches with RE2' },
  IST0127: { severity: 'error', summary: "A regex whose RE2 program is over Envoy's max_program_size (100), or a pattern over 4,096 characters" },
  // DestinationRule.
  IST0140: { severity: 'error', summary: 'A DestinationRule needs a host' },
  IST0141: { severity: 'error', summary: 'A host is not a valid (optionally wildcarded) DNS name' },
  IST0142: { severity: 'error', summary: 'A traffic policy (or port-level setting) sets nothing' },
  IST0143: { severity: 'error', summary: 'A port-level setting needs a port' },
  IST0144: { severity: 'error', summary: 'TLS mode MUTUAL needs clientCertificate and privateKey' },
  IST0145: { severity: 'error', summary: 'exportTo must be a single entry, `.` or `*`' },
  IST0146: { severity: 'error', summary: 'A subset needs a unique name that is a DNS-1123 label' },
  // Gateway.
  IST0150: { severity: 'error', summary: 'A Gateway needs at least one server' },
  IST0151: { severity: 'error', summary: 'A Gateway server port needs a number (1-65535), a known protocol and a unique name' },
  IST0152: { severity: 'error', summary: 'A Gateway server needs at least one valid host' },
  IST0153: { severity: 'error', summary: 'An HTTPS or TLS Gateway server needs `tls` settings' },
  IST0154: { severity: 'error', summary: 'A Gateway name must be a DNS-1123 label (no dots)' },
  // VirtualService.
  IST0160: { severity: 'error', summary: 'A VirtualService needs at least one valid host' },
  IST0161: { severity: 'error', summary: 'A VirtualService needs an http, tcp or tls section' },
  IST0162: { severity: 'error', summary: 'An HTTP route needs `route` destinations or a `redirect` (not both)' },
  IST0163: { severity: 'error', summary: 'A route destination needs a host (and `*` is not one)' },
  IST0164: { severity: 'error', summary: 'The weights of several destinations must add up to 100' },
  IST0165: { severity: 'error', summary: 'A gateway reference is not `name`, `namespace/name` or `mesh`' },
  // Modern security.istio.io (istio-semantics-modern.md M35-M38) and per-profile kinds.
  IST0170: { severity: 'error', summary: 'The kind does not exist in this Istio version (e.g. PeerAuthentication before 1.5, Policy from 1.6)' },
  IST0171: { severity: 'error', summary: 'PeerAuthentication: portLevelMtls on a mesh/namespace policy, an empty portLevelMtls, or a port out of range (M36)' },
  IST0172: { severity: 'error', summary: 'A workload selector has an empty key or a wildcard (M36, M38)' },
  IST0173: { severity: 'warning', summary: 'A workload selector without labels selects every workload (M36, M21)' },
  IST0174: { severity: 'info', summary: 'Accepted but without effect: a selector PeerAuthentication in the root namespace (M1)' },
  IST0180: { severity: 'error', summary: 'RequestAuthentication: a JWT rule lacks its issuer (or, 1.27+, both issuer and jwksUri) (M37)' },
  IST0181: { severity: 'error', summary: 'RequestAuthentication: an audience, header, query parameter, cookie or claim-to-header name is empty (M37)' },
  IST0182: { severity: 'error', summary: 'RequestAuthentication: jwksUri is not an http(s) URL, jwks does not parse, or both are set (M35, M37)' },
  IST0183: { severity: 'error', summary: 'targetRef(s) together with a selector, or a targetRef without name / with another namespace (M35, M37, M38)' },
  IST0190: { severity: 'error', summary: 'AuthorizationPolicy: DENY or CUSTOM without rules never triggers (M38)' },
  IST0191: { severity: 'error', summary: 'AuthorizationPolicy: CUSTOM needs provider.name and may not use identity fields; other actions may not set provider (M38)' },
  IST0192: { severity: 'error', summary: 'AuthorizationPolicy: an empty from/to list, or a from/to entry without source/operation (M38)' },
  IST0193: { severity: 'error', summary: 'AuthorizationPolicy: an empty value, a bad IP/CIDR, a bad port, a bad service account or trust domain, or a bad path template (M38)' },
  IST0194: { severity: 'error', summary: 'AuthorizationPolicy: a `when` condition with an empty or unknown key, or without values and notValues (M30, M38)' },
  IST0195: { severity: 'error', summary: 'The action value does not exist in this Istio version (AUDIT and CUSTOM from 1.8) (M35)' },
  IST0196: { severity: 'warning', summary: 'A DENY rule with only HTTP attributes denies every TCP connection under its scope (1.17+ warning, M31, M38)' },
  // Kubernetes objects (only what the simulator reads is checked).
  K8S100: { severity: 'info', summary: 'Kind not modelled by the simulator; the object is kept as is' },
  K8S101: { severity: 'error', summary: 'kind or metadata.name is missing, or the name is not valid for this kind' },
  K8S102: { severity: 'error', summary: 'metadata.namespace is not a DNS-1123 label' },
  K8S103: { severity: 'info', summary: 'metadata.namespace on a cluster-scoped kind is ignored' },
  K8S104: { severity: 'error', summary: 'Labels, annotations or a selector are not a map of valid string keys and values' },
  K8S105: { severity: 'error', summary: 'apiVersion is missing or does not serve this Kubernetes kind' },
  K8S106: { severity: 'warning', summary: 'R26: a later object of the same kind, namespace and name replaces this one, as kubectl apply does' },
  K8S107: { severity: 'error', summary: 'An unknown field in metadata (often `spec:` indented one level too deep)' },
  K8S110: { severity: 'error', summary: 'A Service port number is missing or outside 1-65535' },
  K8S111: { severity: 'error', summary: 'A Service port name is invalid, missing (several ports) or repeated' },
  K8S112: { severity: 'error', summary: 'A Service targetPort is neither a port number nor a port name' },
  K8S120: { severity: 'error', summary: 'A workload has no pod template with containers' },
  K8S121: { severity: 'error', summary: 'A container port is invalid' },
  K8S122: { severity: 'error', summary: 'A workload selector is missing or does not match the pod template labels' },
} as const satisfies Record<string, CodeInfo>

export type AdmissionCode = keyof typeof ADMISSION_CODES
