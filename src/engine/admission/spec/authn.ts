/**
 * authentication.istio.io/v1alpha1: the one `Policy` message carried by both `Policy` and `MeshPolicy`
 * (istio-semantics.md section 1). 1.1 added StringMatch and Jwt.triggerRules (and a hidden
 * TargetSelector.labels); 1.2 added the inline `jwks`.
 */
import {
  BOOL, STRING, STRING_MAP, UINT32, enumOf, field, list, message, messageOf,
} from './model'

const PKG = 'authentication.v1alpha1'

export const AUTHN_PORT_SELECTOR = message(`${PKG}.PortSelector`, 'A service port, by number or by name.', [
  field('number', UINT32, 'Service port number (the Service port, not the container port).', { oneof: 'port' }),
  field('name', STRING, 'Service port name.', { oneof: 'port' }),
])

export const TARGET_SELECTOR = message(`${PKG}.TargetSelector`, 'A service the policy applies to.', [
  field('name', STRING, 'Short service name, looked up in the policy namespace (not an FQDN).'),
  list('ports', messageOf(AUTHN_PORT_SELECTOR), 'Ports of that service; empty means every port.'),
  field('labels', STRING_MAP, 'Reserved in 1.1 and not implemented by Pilot.', { since: '1.1' }),
])

export const MUTUAL_TLS = message(`${PKG}.MutualTls`, 'Require mutual TLS from peers.', [
  field('allowTls', BOOL, 'Also accept TLS without a client certificate (1.0; later deprecated).'),
  field('mode', enumOf(`${PKG}.MutualTls.Mode`, ['STRICT', 'PERMISSIVE']), 'STRICT (default): mTLS only. PERMISSIVE: mTLS or plaintext.'),
])

export const AUTHN_STRING_MATCH = message(`${PKG}.StringMatch`, 'Match a request path; set exactly one way.', [
  field('exact', STRING, 'The path equals this.', { oneof: 'matchType' }),
  field('prefix', STRING, 'The path starts with this.', { oneof: 'matchType' }),
  field('suffix', STRING, 'The path ends with this.', { oneof: 'matchType' }),
  field('regex', STRING, 'The path matches this regular expression.', { oneof: 'matchType' }),
])

export const TRIGGER_RULE = message(`${PKG}.Jwt.TriggerRule`, 'Decide by path whether the JWT check runs.', [
  list('excludedPaths', messageOf(AUTHN_STRING_MATCH), 'Skip the check for these paths.'),
  list('includedPaths', messageOf(AUTHN_STRING_MATCH), 'Run the check only for these paths.'),
])

export const JWT = message(`${PKG}.Jwt`, 'Validate a JSON Web Token.', [
  field('issuer', STRING, 'Required: the token issuer (`iss` claim).'),
  list('audiences', STRING, 'Accepted `aud` values; empty accepts any audience.'),
  field('jwksUri', STRING, 'http(s) URL of the public key set (JWKS) that signs the tokens.'),
  field('jwks', STRING, 'Inline key set (Istio 1.2 and later).', { since: '1.2' }),
  list('jwtHeaders', STRING, 'Headers that carry the raw token (default: Authorization: Bearer).'),
  list('jwtParams', STRING, 'Query parameters that carry the token (default: access_token).'),
  list('triggerRules', messageOf(TRIGGER_RULE), 'Paths for which the token is (not) checked (Istio 1.1).', { since: '1.1' }),
])

export const PEER_METHOD = message(`${PKG}.PeerAuthenticationMethod`, 'How a peer (the calling workload) proves who it is.', [
  field('mtls', messageOf(MUTUAL_TLS), 'Mutual TLS; `{}` means STRICT.', { oneof: 'params' }),
  field('jwt', messageOf(JWT), 'A JWT as peer identity (not available in practice).', { oneof: 'params' }),
])

export const ORIGIN_METHOD = message(`${PKG}.OriginAuthenticationMethod`, 'How the end user (request origin) proves who they are.', [
  field('jwt', messageOf(JWT), 'The JWT rule.'),
])

export const POLICY = message(`${PKG}.Policy`, 'Authentication required by services.', [
  list('targets', messageOf(TARGET_SELECTOR), 'Services this policy is for; empty means the whole namespace (or mesh).'),
  list('peers', messageOf(PEER_METHOD), 'Peer authentication methods; the first that succeeds wins.'),
  field('peerIsOptional', BOOL, 'Accept requests even when no peer method succeeds.'),
  list('origins', messageOf(ORIGIN_METHOD), 'End-user authentication methods; the first that succeeds wins.'),
  field('originIsOptional', BOOL, 'Accept requests even when no origin method succeeds.'),
  field('principalBinding', enumOf(`${PKG}.PrincipalBinding`, ['USE_PEER', 'USE_ORIGIN']), 'Which identity becomes the request principal (default USE_PEER).'),
])
