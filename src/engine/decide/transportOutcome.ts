/**
 * Rules 11, 12, 13: what happens when the client's bytes meet the server's listener. Either the
 * request dies here (a verdict) or it reaches the HTTP layer, with or without a verified peer
 * certificate. Texts are constant strings: this runs once per grid cell class.
 */
import type { ServerSide } from '../server/serverMode'
import type { ClientTransport, IstioProfile, PortProtocol } from '../types'
import { verdictId } from './verdicts'

export type TransportResult =
  | { kind: 'verdict'; verdict: number; text: string }
  | { kind: 'http'; peerCert: boolean; text: string }

export interface TransportInput {
  clientSidecar: boolean
  transport: ClientTransport
  server: ServerSide
  protocol: PortProtocol
  profile: IstioProfile
  /** Rule 11 is on (1.0 profile, "as documented") and the chosen policy has an origin. */
  seedStrictJwt401: boolean
}

const stop = (code: '200' | '503' | '000' | 'open', exit: number, rule: 'R12' | 'R13' | 'R29', text: string): TransportResult => ({
  kind: 'verdict',
  verdict: verdictId(code, exit, rule),
  text,
})
const http = (peerCert: boolean, text: string): TransportResult => ({ kind: 'http', peerCert, text })

export function transportOutcome(input: TransportInput): TransportResult {
  if (input.server.mode === 'EXTTLS') return externalTlsOutcome(input)
  if (input.protocol === 'TCP') return tcpOutcome(input)
  return httpPortOutcome(input)
}

/** Rule 13: the app speaks https itself to a TLS server outside the mesh (the Kubernetes API). */
function externalTlsOutcome({ clientSidecar, transport }: TransportInput): TransportResult {
  if (!clientSidecar) return stop('200', 0, 'R13', "the app's own TLS goes straight to the server, which answers")
  if (transport === 'PLAIN') return stop('200', 0, 'R13', "the port is opaque TCP and the sidecar adds no TLS: the app's TLS passes through and the server answers")
  return stop('000', 35, 'R13', "the sidecar wraps the app's TLS in its own TLS towards a server that is not an Istio proxy; the upstream handshake fails and curl's TLS handshake is cut: exit 35")
}

/** Rule 12: HTTP-family ports. */
function httpPortOutcome(input: TransportInput): TransportResult {
  const { clientSidecar, transport, server, profile } = input
  const mode = server.mode
  const tlsWithoutCertAccepted = server.allowTls && profile === '1.0' && (mode === 'STRICT' || mode === 'PERMISSIVE')
  if (input.seedStrictJwt401 && !clientSidecar && transport === 'PLAIN' && mode === 'STRICT') {
    return { kind: 'verdict', verdict: verdictId('401', 0, 'R11'), text: 'rule 11 (seed compatibility): plaintext from a client without sidecar to a STRICT + JWT policy is answered 401, as the 2018-08-27 istio.io task prints; Istio 1.0/1.1 really reset the connection (000, exit 56)' }
  }
  switch (transport) {
    case 'PLAIN':
      if (mode === 'NOSC') return stop('200', 0, 'R12', 'plaintext reaches an app without sidecar, which answers')
      if (mode === 'STRICT') {
        return clientSidecar
          ? stop('503', 0, 'R12', "plaintext from the client's sidecar is reset by the STRICT (TLS-only) listener; the client sidecar answers 503")
          : stop('000', 56, 'R12', 'plaintext from a client without sidecar is reset by the STRICT (TLS-only) listener: curl prints 000 and exits 56')
      }
      return http(false, mode === 'PERMISSIVE' ? 'the PERMISSIVE listener accepts plaintext' : 'the listener accepts plaintext')
    case 'IMTLS':
      if (mode === 'NOSC') return stop('503', 0, 'R12', 'the client sidecar sends Istio mutual TLS to a server without sidecar; the handshake fails and the client sidecar answers 503')
      if (mode === 'NONE') return stop('503', 0, 'R12', 'the client sidecar sends Istio mutual TLS to a sidecar that accepts plaintext only; the handshake fails and the client sidecar answers 503')
      return http(true, 'Istio mutual TLS is accepted and the client certificate gives a verified peer identity')
    case 'TLS0':
      if (tlsWithoutCertAccepted) return http(false, 'TLS without a client certificate is accepted because allowTls is set (Istio 1.0)')
      if (clientSidecar) return stop('503', 0, 'R12', 'the client sidecar sends TLS without an Istio client certificate, which this listener does not accept; the client sidecar answers 503')
      return stop('000', 35, 'R12', "the app's own TLS handshake fails against this listener: curl prints 000 and exits 35")
    case 'TLSX':
      return stop('503', 0, 'R12', 'the client sidecar sends TLS with a certificate the Istio CA did not issue; the handshake fails and the client sidecar answers 503')
  }
}

/**
 * TCP-family ports (inferred from the listener rules; the seed has no such case): Envoy proxies
 * bytes, so failures reach curl as resets (56) or failed handshakes (35), never as HTTP codes, and
 * no HTTP-layer authentication runs (rule 7).
 */
function tcpOutcome({ clientSidecar, transport, server, profile }: TransportInput): TransportResult {
  const mode = server.mode
  const appTls = !clientSidecar && transport === 'TLS0'
  if (appTls) {
    return server.allowTls && profile === '1.0' && mode !== 'NOSC' && mode !== 'NONE'
      ? stop('open', 0, 'R29', 'allowTls (Istio 1.0) accepts TLS without a client certificate on this TCP port; the connection is open, and what curl prints depends on the application (R29)')
      : stop('000', 35, 'R13', "the app's own TLS handshake fails against this TCP listener: exit 35")
  }
  if (transport === 'PLAIN') {
    return mode === 'STRICT'
      ? stop('000', 56, 'R13', 'plaintext is reset by the STRICT (TLS-only) listener of this TCP port: exit 56')
      : stop('open', 0, 'R29', 'plaintext is proxied as TCP and the connection is open; what curl prints depends on the application (R29: no HTTP code is invented)')
  }
  if (transport === 'IMTLS') {
    return mode === 'STRICT' || mode === 'PERMISSIVE'
      ? stop('open', 0, 'R29', 'Istio mutual TLS is accepted and the connection is open (TCP ports have no HTTP-layer authentication); what curl prints depends on the application (R29)')
      : stop('000', 56, 'R13', 'the client sidecar sends Istio mutual TLS to a plaintext server; the upstream handshake fails and the connection is closed: exit 56')
  }
  if (transport === 'TLS0' && server.allowTls && profile === '1.0' && (mode === 'STRICT' || mode === 'PERMISSIVE')) {
    return stop('open', 0, 'R29', 'allowTls (Istio 1.0) accepts TLS without a client certificate and the connection is open; what curl prints depends on the application (R29)')
  }
  return stop('000', 56, 'R13', 'the upstream TLS handshake fails and the TCP proxy closes the connection: exit 56')
}
