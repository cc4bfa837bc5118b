/**
 * networking.istio.io/v1alpha3: DestinationRule, Gateway and VirtualService. The parts the simulator
 * reads (hosts, TLS settings, ports, routes) are modelled field by field; the rest (load balancing,
 * retries, fault injection ...) are known fields whose content is not checked ("opaque"), so a valid
 * rule is never rejected for using them. Where we are unsure whether a minor field arrived in 1.0 or
 * 1.1, it is accepted in both: a false "unknown field" would be worse than a missed typo there.
 */
import {
  BOOL, DURATION, INT32, OPAQUE, STRING, STRING_MAP, UINT32, enumOf, field, list, mapOf, message, messageOf,
} from './model'

const PKG = 'networking.v1alpha3'

export const NET_PORT_SELECTOR = message(`${PKG}.PortSelector`, 'A port of the destination service.', [
  field('number', UINT32, 'Port number.', { oneof: 'port' }),
  field('name', STRING, 'Port name (Istio 1.0; no longer accepted for route destinations in 1.1).', { oneof: 'port' }),
])

export const TLS_SETTINGS = message(`${PKG}.TLSSettings`, 'TLS the client sidecar uses towards the destination.', [
  field('mode', enumOf(`${PKG}.TLSSettings.TLSmode`, ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']), 'DISABLE (default): plaintext. ISTIO_MUTUAL: mTLS with the Istio certificates.'),
  field('clientCertificate', STRING, 'Client certificate file (MUTUAL only).'),
  field('privateKey', STRING, 'Client private key file (MUTUAL only).'),
  field('caCertificates', STRING, 'CA bundle used to verify the server certificate.'),
  list('subjectAltNames', STRING, 'Accepted names in the server certificate.'),
  field('sni', STRING, 'SNI sent in the TLS handshake.'),
  // Modern fields (not modelled); accepted from 1.5 so a current DestinationRule is not rejected.
  field('credentialName', STRING, 'Secret holding client certificates (not modelled).', { since: '1.5' }),
  field('insecureSkipVerify', OPAQUE, 'Skip server certificate verification (not modelled).', { since: '1.5' }),
  field('caCrl', STRING, 'Certificate revocation list (not modelled).', { since: '1.5' }),
])

const TUNING = [
  field('loadBalancer', OPAQUE, 'Load balancing (not modelled).'),
  field('connectionPool', OPAQUE, 'Connection pool limits (not modelled).'),
  field('outlierDetection', OPAQUE, 'Outlier detection (not modelled).'),
]

export const PORT_TRAFFIC_POLICY = message(`${PKG}.TrafficPolicy.PortTrafficPolicy`, 'Settings for one port; they replace the top-level ones entirely for it.', [
  field('port', messageOf(NET_PORT_SELECTOR), 'The port these settings are for.'),
  ...TUNING,
  field('tls', messageOf(TLS_SETTINGS), 'TLS for this port; absent means plaintext, whatever the top level says.'),
])

export const TRAFFIC_POLICY = message(`${PKG}.TrafficPolicy`, 'How clients talk to the destination.', [
  ...TUNING,
  field('tls', messageOf(TLS_SETTINGS), 'TLS towards the destination.'),
  list('portLevelSettings', messageOf(PORT_TRAFFIC_POLICY), 'Per-port overrides.'),
])

export const SUBSET = message(`${PKG}.Subset`, 'A named group of endpoints, selected by labels.', [
  field('name', STRING, 'Subset name (a DNS-1123 label).'),
  field('labels', STRING_MAP, 'Pod labels that select the endpoints.'),
  field('trafficPolicy', messageOf(TRAFFIC_POLICY), 'Overrides for this subset.'),
])

export const DESTINATION_RULE = message(`${PKG}.DestinationRule`, 'Client-side policy for traffic to a host.', [
  field('host', STRING, 'Service host; a short name is resolved in the rule\'s namespace, a dotted name is taken literally.'),
  field('trafficPolicy', messageOf(TRAFFIC_POLICY), 'Traffic policy for the host.'),
  list('subsets', messageOf(SUBSET), 'Named subsets of the host.'),
  list('exportTo', STRING, 'Visibility (Istio 1.1): `.` this namespace only, `*` everywhere.', { since: '1.1' }),
  field('workloadSelector', OPAQUE, 'Client workloads this rule applies to (not modelled; makes the rule private).', { since: '1.5' }),
])

export const GATEWAY_PORT = message(`${PKG}.Port`, 'The port a gateway server listens on.', [
  field('number', UINT32, 'Port number.'),
  field('protocol', STRING, 'HTTP, HTTPS, GRPC, HTTP2, MONGO, TCP, TLS ...'),
  field('name', STRING, 'Port name (unique in the gateway).'),
])

export const SERVER_TLS = message(`${PKG}.Server.TLSOptions`, 'TLS served by the gateway.', [
  field('httpsRedirect', BOOL, 'Answer plain HTTP with a redirect to HTTPS.'),
  field('mode', enumOf(`${PKG}.Server.TLSOptions.TLSmode`, ['PASSTHROUGH', 'SIMPLE', 'MUTUAL', 'AUTO_PASSTHROUGH', 'ISTIO_MUTUAL']), 'How TLS is terminated.'),
  field('serverCertificate', STRING, 'Server certificate file.'),
  field('privateKey', STRING, 'Server private key file.'),
  field('caCertificates', STRING, 'CA bundle to verify client certificates.'),
  list('subjectAltNames', STRING, 'Accepted client certificate names.'),
  field('minProtocolVersion', OPAQUE, 'Lowest TLS version.'),
  field('maxProtocolVersion', OPAQUE, 'Highest TLS version.'),
  list('cipherSuites', STRING, 'Allowed cipher suites.'),
  field('credentialName', STRING, 'Secret holding the certificate (Istio 1.1, SDS).', { since: '1.1' }),
])

export const SERVER = message(`${PKG}.Server`, 'A port and the hosts a gateway exposes on it.', [
  field('port', messageOf(GATEWAY_PORT), 'The listening port.'),
  list('hosts', STRING, 'Hosts exposed (`*` for all).'),
  field('tls', messageOf(SERVER_TLS), 'TLS options; required for HTTPS and TLS ports.'),
  field('defaultEndpoint', STRING, 'Where to forward traffic (Istio 1.1).', { since: '1.1' }),
  field('bind', STRING, 'Address to bind to (Istio 1.1).', { since: '1.1' }),
])

export const GATEWAY = message(`${PKG}.Gateway`, 'A load balancer at the edge of the mesh.', [
  list('servers', messageOf(SERVER), 'What the gateway listens for.'),
  field('selector', STRING_MAP, 'Labels of the gateway pods (e.g. istio: ingressgateway).'),
])

export const NET_STRING_MATCH = message(`${PKG}.StringMatch`, 'Match a string; set exactly one way.', [
  field('exact', STRING, 'Equals this.', { oneof: 'matchType' }),
  field('prefix', STRING, 'Starts with this.', { oneof: 'matchType' }),
  field('regex', STRING, 'Matches this regular expression.', { oneof: 'matchType' }),
])

const STRING_MATCH = messageOf(NET_STRING_MATCH)

export const HTTP_MATCH = message(`${PKG}.HTTPMatchRequest`, 'Conditions on a request; all must hold.', [
  field('name', STRING, 'Name of the match, for logs.'),
  field('uri', STRING_MATCH, 'Request path.'),
  field('scheme', STRING_MATCH, 'URI scheme.'),
  field('method', STRING_MATCH, 'HTTP method.'),
  field('authority', STRING_MATCH, 'Host / authority header.'),
  field('headers', mapOf(STRING_MATCH), 'Request headers (lower-case names).'),
  field('port', UINT32, 'Destination port.'),
  field('sourceLabels', STRING_MAP, 'Labels of the calling workload.'),
  list('gateways', STRING, 'Gateways this match is limited to.'),
  field('queryParams', mapOf(STRING_MATCH), 'Query parameters.'),
  field('ignoreUriCase', BOOL, 'Compare the path case-insensitively.'),
])

export const DESTINATION = message(`${PKG}.Destination`, 'Where matching traffic goes.', [
  field('host', STRING, 'Service host (short names resolve in the VirtualService namespace).'),
  field('subset', STRING, 'Subset defined in the host\'s DestinationRule.'),
  field('port', messageOf(NET_PORT_SELECTOR), 'Destination port.'),
])

export const ROUTE_DESTINATION = message(`${PKG}.HTTPRouteDestination`, 'A destination and its share of traffic.', [
  field('destination', messageOf(DESTINATION), 'The destination.'),
  field('weight', INT32, 'Percentage of traffic (0-100).'),
  field('headers', OPAQUE, 'Header changes (not modelled).'),
  field('appendRequestHeaders', STRING_MAP, 'Deprecated header additions.'),
  field('appendResponseHeaders', STRING_MAP, 'Deprecated header additions.'),
  list('removeRequestHeaders', STRING, 'Deprecated header removals.'),
  list('removeResponseHeaders', STRING, 'Deprecated header removals.'),
])

export const HTTP_ROUTE = message(`${PKG}.HTTPRoute`, 'An HTTP routing rule.', [
  field('name', STRING, 'Name of the route, for logs.'),
  list('match', messageOf(HTTP_MATCH), 'When the rule applies; empty means always.'),
  list('route', messageOf(ROUTE_DESTINATION), 'Destinations.'),
  field('redirect', OPAQUE, 'Redirect instead of routing (not modelled).'),
  field('rewrite', OPAQUE, 'Path/authority rewrite (not modelled).'),
  field('timeout', DURATION, 'Request timeout, e.g. 10s.'),
  field('retries', OPAQUE, 'Retry policy (not modelled).'),
  field('fault', OPAQUE, 'Fault injection (not modelled).'),
  field('mirror', messageOf(DESTINATION), 'Copy traffic to this destination.'),
  field('corsPolicy', OPAQUE, 'CORS policy (not modelled).'),
  field('headers', OPAQUE, 'Header changes (not modelled).'),
  field('appendHeaders', STRING_MAP, 'Deprecated header additions.'),
  field('appendRequestHeaders', STRING_MAP, 'Deprecated header additions.'),
  field('appendResponseHeaders', STRING_MAP, 'Deprecated header additions.'),
  list('removeRequestHeaders', STRING, 'Deprecated header removals.'),
  list('removeResponseHeaders', STRING, 'Deprecated header removals.'),
  field('websocketUpgrade', BOOL, 'Deprecated WebSocket switch.'),
])

export const VIRTUAL_SERVICE = message(`${PKG}.VirtualService`, 'Routing rules for a set of hosts.', [
  list('hosts', STRING, 'Hosts the rules apply to.'),
  list('gateways', STRING, 'Gateways (`name` or `namespace/name`); empty means the sidecars (`mesh`).'),
  list('http', messageOf(HTTP_ROUTE), 'HTTP routes, first match wins.'),
  list('tls', OPAQUE, 'TLS routes (not modelled).'),
  list('tcp', OPAQUE, 'TCP routes (not modelled).'),
  list('exportTo', STRING, 'Visibility (Istio 1.1): `.` or `*`.', { since: '1.1' }),
])
