/**
 * security.istio.io v1beta1 / v1 (same schema): PeerAuthentication, RequestAuthentication and
 * AuthorizationPolicy, field by field with the release each field arrived in (istio-semantics-modern.md
 * section 0, API-FIELDS). A field newer than the profile is unknown there and rejected (M35).
 */
import { BOOL, DURATION, STRING, STRING_MAP, enumOf, field, list, mapOf, message, messageOf } from './model'

const PKG = 'security.v1beta1'
const TYPE_PKG = 'type.v1beta1'

export const WORKLOAD_SELECTOR = message(`${TYPE_PKG}.WorkloadSelector`, 'Pods (by labels) the policy applies to; absent: the whole namespace (the mesh in the root namespace).', [
  field('matchLabels', STRING_MAP, 'Labels a pod must carry (all of them).'),
])

export const POLICY_TARGET_REFERENCE = message(`${TYPE_PKG}.PolicyTargetReference`, 'A Gateway API resource the policy attaches to; sidecars ignore such policies.', [
  field('group', STRING, 'API group, e.g. gateway.networking.k8s.io.'),
  field('kind', STRING, 'Kind, e.g. Gateway or Service.'),
  field('name', STRING, 'Name of the resource.'),
  field('namespace', STRING, 'Must be the policy\'s own namespace.'),
])

const PEER_MODE = enumOf(`${PKG}.PeerAuthentication.MutualTLS.Mode`, ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT'])

export const PEER_MUTUAL_TLS = message(`${PKG}.PeerAuthentication.MutualTLS`, 'The mTLS mode of the workloads (or one of their ports).', [
  field('mode', PEER_MODE, 'UNSET (inherit), DISABLE (plaintext only), PERMISSIVE (both), STRICT (mTLS only).'),
])

export const PEER_AUTHENTICATION = message(`${PKG}.PeerAuthentication`, 'Which traffic a workload\'s sidecar accepts: mutual TLS, plaintext, or both.', [
  field('selector', messageOf(WORKLOAD_SELECTOR), 'Workloads; absent: namespace-wide, or mesh-wide in the root namespace (a selector there is ignored).'),
  field('mtls', messageOf(PEER_MUTUAL_TLS), 'Mode for all ports; absent: UNSET (inherit).'),
  field('portLevelMtls', mapOf(messageOf(PEER_MUTUAL_TLS)), 'Mode per workload (container) port, not Service port; needs a selector.'),
])

export const JWT_HEADER = message(`${PKG}.JWTHeader`, 'A header that carries the token.', [
  field('name', STRING, 'Header name.'),
  field('prefix', STRING, 'Value prefix before the token, e.g. "Bearer ".'),
])

export const CLAIM_TO_HEADER = message(`${PKG}.ClaimToHeader`, 'Copy a claim into a request header.', [
  field('header', STRING, 'Header name.'),
  field('claim', STRING, 'Claim name.'),
])

export const JWT_RULE = message(`${PKG}.JWTRule`, 'One accepted token issuer and where its tokens are read.', [
  field('issuer', STRING, 'Accepted `iss` (required until 1.26; from 1.27 optional when jwksUri is set).'),
  list('audiences', STRING, 'Accepted `aud` values; empty accepts any.'),
  field('jwksUri', STRING, 'http(s) URL of the public key set.'),
  field('jwks', STRING, 'Inline public key set (JSON).'),
  list('fromHeaders', messageOf(JWT_HEADER), 'Headers carrying the token; default Authorization: Bearer.'),
  list('fromParams', STRING, 'Query parameters carrying the token; default access_token.'),
  list('fromCookies', STRING, 'Cookies carrying the token.', { since: '1.21' }),
  field('outputPayloadToHeader', STRING, 'Header receiving the base64 payload of a valid token.'),
  field('forwardOriginalToken', BOOL, 'Keep the token in the request sent upstream (default: removed).'),
  list('outputClaimToHeaders', messageOf(CLAIM_TO_HEADER), 'Claims copied into headers.', { since: '1.17' }),
  field('timeout', DURATION, 'JWKS fetch timeout (default 5s).', { since: '1.22' }),
  list('spaceDelimitedClaims', STRING, 'Claims whose string value is split on spaces for matching.', { since: '1.28' }),
])

const TARGETING = [
  field('targetRef', messageOf(POLICY_TARGET_REFERENCE), 'Attach to a Gateway API resource (sidecars ignore the policy).', { since: '1.20' }),
  list('targetRefs', messageOf(POLICY_TARGET_REFERENCE), 'Attach to Gateway API resources (sidecars ignore the policy).', { since: '1.22' }),
]

export const REQUEST_AUTHENTICATION = message(`${PKG}.RequestAuthentication`, 'Which end-user tokens (JWT) a workload accepts; a request without token is not rejected.', [
  field('selector', messageOf(WORKLOAD_SELECTOR), 'Workloads; absent: namespace-wide (mesh-wide in the root namespace).'),
  ...TARGETING,
  list('jwtRules', messageOf(JWT_RULE), 'Accepted issuers; tokens from others are rejected (401).'),
])

export const SOURCE = message(`${PKG}.Source`, 'Who sends the request; every set field must match.', [
  list('principals', STRING, 'Peer identities `cluster.local/ns/<ns>/sa/<sa>` (needs mTLS).'),
  list('notPrincipals', STRING, 'Negative of principals.'),
  list('requestPrincipals', STRING, 'JWT principals `<iss>/<sub>` (needs a valid token).'),
  list('notRequestPrincipals', STRING, 'Negative of requestPrincipals.'),
  list('namespaces', STRING, 'Namespaces of the peer identity (needs mTLS).'),
  list('notNamespaces', STRING, 'Negative of namespaces.'),
  list('ipBlocks', STRING, 'Peer addresses (IP or CIDR).'),
  list('notIpBlocks', STRING, 'Negative of ipBlocks.'),
  list('remoteIpBlocks', STRING, 'Original client addresses (X-Forwarded-For / proxy protocol).', { since: '1.8' }),
  list('notRemoteIpBlocks', STRING, 'Negative of remoteIpBlocks.', { since: '1.8' }),
  list('serviceAccounts', STRING, 'Service accounts `<ns>/<sa>` or `<sa>` (needs mTLS).', { since: '1.25' }),
  list('notServiceAccounts', STRING, 'Negative of serviceAccounts.', { since: '1.25' }),
  list('trustDomains', STRING, 'Trust domains of the peer identity (needs mTLS).', { since: '1.30' }),
  list('notTrustDomains', STRING, 'Negative of trustDomains.', { since: '1.30' }),
])

export const OPERATION = message(`${PKG}.Operation`, 'What the request does; every set field must match.', [
  list('hosts', STRING, 'Host (:authority, port included), case-insensitive.'),
  list('notHosts', STRING, 'Negative of hosts.'),
  list('ports', STRING, 'Workload (container) ports, not Service ports.'),
  list('notPorts', STRING, 'Negative of ports.'),
  list('methods', STRING, 'HTTP methods (case-sensitive).'),
  list('notMethods', STRING, 'Negative of methods.'),
  list('paths', STRING, 'URL paths without query string.'),
  list('notPaths', STRING, 'Negative of paths.'),
])

export const RULE_FROM = message(`${PKG}.Rule.From`, 'A source.', [field('source', messageOf(SOURCE), 'The source attributes.')])
export const RULE_TO = message(`${PKG}.Rule.To`, 'An operation.', [field('operation', messageOf(OPERATION), 'The operation attributes.')])

export const CONDITION = message(`${PKG}.Condition`, 'An extra condition on an attribute.', [
  field('key', STRING, 'Attribute, e.g. request.headers[x-token], source.ip, request.auth.claims[groups].'),
  list('values', STRING, 'Any of these matches.'),
  list('notValues', STRING, 'None of these may match.'),
])

export const AUTHZ_RULE = message(`${PKG}.Rule`, 'Matches if a source, an operation and every condition match.', [
  list('from', messageOf(RULE_FROM), 'Sources; absent: any.'),
  list('to', messageOf(RULE_TO), 'Operations; absent: any.'),
  list('when', messageOf(CONDITION), 'Conditions; all must match.'),
])

export const EXTENSION_PROVIDER = message(`${PKG}.AuthorizationPolicy.ExtensionProvider`, 'The ext_authz provider of a CUSTOM policy.', [
  field('name', STRING, 'A mesh-config extensionProviders name.'),
])

/** Action values in proto order; AUDIT and CUSTOM arrived in 1.8 (checked in rules/security.ts). */
export const AUTHZ_ACTIONS = ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'] as const

export const AUTHORIZATION_POLICY = message(`${PKG}.AuthorizationPolicy`, 'Allow or deny requests to workloads by who sends them and what they ask.', [
  field('selector', messageOf(WORKLOAD_SELECTOR), 'Workloads; absent: namespace-wide (mesh-wide in the root namespace).'),
  ...TARGETING,
  list('rules', messageOf(AUTHZ_RULE), 'Rules; absent with ALLOW allows nothing; `[{}]` matches everything.'),
  field('action', enumOf(`${PKG}.AuthorizationPolicy.Action`, AUTHZ_ACTIONS), 'ALLOW (default), DENY, AUDIT (1.8+), CUSTOM (1.8+).'),
  field('provider', messageOf(EXTENSION_PROVIDER), 'CUSTOM only: the ext_authz provider.', { oneof: 'action_detail', since: '1.8' }),
])
