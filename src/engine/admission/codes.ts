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
  // Kubernetes objects (only what the simulator reads is checked).
  K8S100: { severity: 'info', summary: 'Kind not modelled by the simulator; the object is kept as is' },
  K8S101: { severity: 'error', summary: 'kind or metadata.name is missing, or the name is not valid for this kind' },
  K8S102: { severity: 'error', summary: 'metadata.namespace is not a DNS-1123 label' },
  K8S103: { severity: 'info', summary: 'metadata.namespace on a cluster-scoped kind is ignored' },
  K8S104: { severity: 'error', summary: 'Labels, annotations or a selector are not a map of valid string keys and values' },
  K8S105: { severity: 'error', summary: 'apiVersion is missing or does not serve this Kubernetes kind' },
  K8S106: { severity: 'error', summary: 'An unknown field in metadata (often `spec:` indented one level too deep)' },
  K8S110: { severity: 'error', summary: 'A Service port number is missing or outside 1-65535' },
  K8S111: { severity: 'error', summary: 'A Service port name is invalid, missing (several ports) or repeated' },
  K8S112: { severity: 'error', summary: 'A Service targetPort is neither a port number nor a port name' },
  K8S120: { severity: 'error', summary: 'A workload has no pod template with containers' },
  K8S121: { severity: 'error', summary: 'A container port is invalid' },
  K8S122: { severity: 'error', summary: 'A workload selector is missing or does not match the pod template labels' },
} as const satisfies Record<string, CodeInfo>

export type AdmissionCode = keyof typeof ADMISSION_CODES
