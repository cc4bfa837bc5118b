/**
 * Plain words for the engine's short codes, for the explanation panel. Labels only: the engine
 * decides, this file names what it decided.
 */
import type { ClientTransport, ResourceKey, ServerMode } from '../../engine'
import { MODERN_RULE_TITLES } from '../modern/ruleTitles'

/** One-line titles of the rules of istio-semantics.md section 12 that appear in explanations. */
export const RULE_TITLES: Readonly<Record<string, string>> = {
  R2: 'Does the client run a sidecar?',
  R5: 'Which authentication policy applies to the service port',
  R6: 'What the server side accepts (transport mode)',
  R7: 'Whether an authentication filter runs',
  R8: 'A client without sidecar sends what the app sends',
  R9: 'Which DestinationRule the client sidecar uses',
  R10: 'Which TLS settings of that DestinationRule apply to the port',
  R11: 'Seed rule: 401 for plaintext to STRICT with JWT (Istio 1.0 task text)',
  R12: 'Transport outcome on an HTTP port',
  R13: 'Transport outcome on a TCP port',
  R14: 'Accepted, no authentication filter',
  R15: 'Peer authentication',
  R16: 'Origin (end-user JWT) authentication',
  R17: 'Token validity',
  R18: 'Trigger rules (Istio 1.1)',
  R19: 'Token expiry against the clock',
  R20: 'The ingress gateway: listener, route, gateway JWT',
  R24: 'No pod listens on the target port',
}

export function ruleTitle(rule: string): string {
  return RULE_TITLES[rule] ?? MODERN_RULE_TITLES[rule] ?? 'Rule'
}

export const TRANSPORT_WORDS: Readonly<Record<ClientTransport, string>> = {
  PLAIN: 'Plaintext HTTP',
  IMTLS: 'Istio mutual TLS (the sidecar presents its certificate)',
  TLS0: 'TLS without a client certificate',
  TLSX: 'Mutual TLS with certificates the user supplies',
}

export const SERVER_WORDS: Readonly<Record<ServerMode, string>> = {
  NONE: 'Sidecar, no mutual TLS required: accepts plaintext',
  PERMISSIVE: 'Sidecar in PERMISSIVE mode: accepts plaintext and mutual TLS',
  STRICT: 'Sidecar in STRICT mode: accepts mutual TLS only',
  NOSC: 'No sidecar: the app answers plaintext itself',
  EXTTLS: 'A TLS server outside the mesh',
}

export const POLICY_LEVEL_WORDS: Readonly<Record<string, string>> = {
  service: 'service-specific Policy',
  namespace: 'namespace-wide Policy',
  mesh: 'mesh-wide MeshPolicy',
  none: 'no policy',
}

/** `Policy/foo/default` → `Policy default · foo`; cluster-scoped keys have an empty namespace. */
export function resourceName(key: ResourceKey): string {
  const [kind = '', namespace = '', ...rest] = key.split('/')
  const name = rest.join('/')
  return namespace ? `${kind} ${name} · ${namespace}` : `${kind} ${name}`
}
