/**
 * M12-M13 (1.5+): the client's bytes meet the server's listener. Same result shape as the 1.x
 * transportOutcome (transportOutcome.ts): a verdict, or the request reaches the HTTP phase (on a TCP
 * port: the network RBAC filter) with or without a verified peer identity (M33). Server mode NONE is
 * PeerAuthentication DISABLE.
 */
import type { ClientTransport, PortProtocol, ServerMode } from '../types'
import type { TransportResult } from './transportOutcome'
import { verdictId } from './verdicts'

const stop = (code: '200' | '503' | '000', exit: number, rule: 'M12' | 'M13', text: string): TransportResult => ({ kind: 'verdict', verdict: verdictId(code, exit, rule), text })
const pass = (peerCert: boolean, text: string): TransportResult => ({ kind: 'http', peerCert, text })

const TRANSPORT_INDEX: Readonly<Record<ClientTransport, number>> = { PLAIN: 0, IMTLS: 1, TLS0: 2, TLSX: 3 }
const MODE_INDEX: Readonly<Record<ServerMode, number>> = { NONE: 0, PERMISSIVE: 1, STRICT: 2, NOSC: 3, EXTTLS: 4 }

/** The outcome depends on these four inputs only (80 combinations): each is decided once, then shared (frozen). */
const decided: (TransportResult | undefined)[] = []

export function modernTransportOutcome(clientSidecar: boolean, transport: ClientTransport, mode: ServerMode, protocol: PortProtocol): TransportResult {
  const key = (((clientSidecar ? 4 : 0) + TRANSPORT_INDEX[transport]) * 5 + MODE_INDEX[mode]) * 2 + (protocol === 'TCP' ? 1 : 0)
  let result = decided[key]
  if (result === undefined) {
    result = Object.freeze(decide(clientSidecar, transport, mode, protocol))
    decided[key] = result
  }
  return result
}

function decide(clientSidecar: boolean, transport: ClientTransport, mode: ServerMode, protocol: PortProtocol): TransportResult {
  if (mode === 'EXTTLS') return externalTls(clientSidecar, transport)
  return protocol === 'TCP' ? tcpPort(clientSidecar, transport, mode) : httpPort(clientSidecar, transport, mode)
}

/** M12, last column: the Kubernetes API (the app speaks https itself through an opaque TCP port). */
function externalTls(clientSidecar: boolean, transport: ClientTransport): TransportResult {
  if (!clientSidecar || transport === 'PLAIN') return stop('200', 0, 'M12', "the app's own TLS passes through to the TLS server outside the mesh, which answers (M12)")
  return stop('000', 35, 'M12', "the sidecar wraps the app's TLS in Istio mutual TLS towards a server that is not an Istio proxy; curl's handshake is cut: 000, exit 35 (M12)")
}

function httpPort(sidecar: boolean, transport: ClientTransport, mode: ServerMode): TransportResult {
  const name = mode === 'NONE' ? 'DISABLE' : mode
  switch (transport) {
    case 'PLAIN':
      if (mode === 'NOSC') return stop('200', 0, 'M12', 'plaintext reaches an app without sidecar, which answers; no policy is enforced there (M12, M6)')
      if (mode === 'STRICT') {
        return sidecar
          ? stop('503', 0, 'M12', "plaintext from the client's sidecar matches no filter chain of the STRICT listener; the connection is reset and the client sidecar answers 503 (M12, M5)")
          : stop('000', 56, 'M12', 'plaintext from a client without sidecar matches no filter chain of the STRICT listener: the connection is reset, curl prints 000 and exits 56 (M12, M5)')
      }
      return pass(false, `the ${name} listener accepts plaintext; the request carries no peer identity (M12, M33)`)
    case 'IMTLS':
      if (mode === 'NOSC') return stop('503', 0, 'M12', 'the client sidecar sends Istio mutual TLS to a pod without sidecar; the handshake fails and the client sidecar answers 503 (M12)')
      if (mode === 'NONE') return stop('503', 0, 'M12', 'the client sidecar sends Istio mutual TLS to a sidecar in DISABLE mode (plaintext chain only); the TLS bytes hit the HTTP codec, the connection is closed and the client sidecar answers 503 (M12, M5)')
      return pass(true, `the ${name} listener accepts Istio mutual TLS: the client certificate gives a peer identity (M12, M33)`)
    case 'TLS0':
    case 'TLSX': {
      const what = transport === 'TLS0' ? 'TLS without a client certificate (DestinationRule SIMPLE)' : 'TLS with a non-Istio certificate (DestinationRule MUTUAL)'
      if (!sidecar) return stop('000', 35, 'M12', "the app's own TLS handshake fails against this listener: curl prints 000 and exits 35 (M12)")
      return stop('503', 0, 'M12', `the client sidecar sends ${what}; ${mode === 'PERMISSIVE' ? 'without an Istio ALPN it matches no filter chain of the PERMISSIVE listener' : mode === 'STRICT' ? 'the STRICT listener requires an Istio client certificate' : 'the server does not speak TLS'}: the client sidecar answers 503 (M12, M5)`)
    }
  }
}

/** M13: TCP ports. Failures are connection closes: 56 while curl's bytes are unread, 52 after (inferred). */
function tcpPort(sidecar: boolean, transport: ClientTransport, mode: ServerMode): TransportResult {
  const name = mode === 'NONE' ? 'DISABLE' : mode
  if (transport === 'PLAIN') {
    if (mode !== 'STRICT') return pass(false, `plaintext is proxied to the ${name === 'NOSC' ? 'app' : `${name} listener`} of this TCP port (M13)`)
    return sidecar
      ? stop('000', 52, 'M13', "the client sidecar is a TCP proxy: it accepted curl's connection and read the request, then the STRICT listener closed the plaintext upstream connection: 000, exit 52 (M13, inferred)")
      : stop('000', 56, 'M13', 'plaintext from a client without sidecar is reset by the STRICT listener: 000, exit 56 (M13)')
  }
  if (transport === 'IMTLS') {
    if (mode === 'STRICT' || mode === 'PERMISSIVE') return pass(true, `the ${name} listener of this TCP port accepts Istio mutual TLS: peer identity known (M13, M33)`)
    return stop('000', 56, 'M13', 'the client sidecar sends Istio mutual TLS to a plaintext server on a TCP port; the upstream handshake fails and the downstream is closed with the request unread: 000, exit 56 (M13, inferred)')
  }
  if (!sidecar) return stop('000', 35, 'M13', "the app's own TLS handshake fails against this TCP listener: exit 35 (M13)")
  return stop('000', 56, 'M13', 'the upstream TLS handshake of the client sidecar fails; the TCP proxy closes the connection: 000, exit 56 (M13, inferred)')
}
