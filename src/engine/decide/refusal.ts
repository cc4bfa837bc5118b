/**
 * Rule 24 (with rule 29 for TCP-family ports): Kubernetes routes a Service port to its targetPort
 * whatever the pods declare; when the pods declare ports but not that one (or the Service selects
 * no pod), nothing listens there. Transport failures (rules 12-13) and the HTTP filters of a
 * server sidecar (401, rules 14-16) come first; only a request that would have reached the app
 * meets the refusal.
 */
import type { PortProtocol } from '../types'
import { verdictById, verdictId } from './verdicts'

export interface RefusalInput {
  clientSidecar: boolean
  serverSidecar: boolean
  protocol: PortProtocol
  /** Why nothing listens, e.g. "targetPort 9000 matches no container port of the pods app=httpbin". */
  reason: string
}

/** The verdict once the refusal is applied, or undefined when an earlier phase already decided. */
export function refusedOutcome(verdict: number, input: RefusalInput): { verdict: number; text: string } | undefined {
  const code = verdictById(verdict)?.code
  if (code !== '200' && code !== 'open') return undefined
  const { reason } = input
  if (input.protocol === 'TCP') {
    return input.clientSidecar || input.serverSidecar
      ? { verdict: verdictId('000', 56, 'R24'), text: `${reason}: an Envoy accepted the TCP connection, cannot reach the app and closes it: curl exits 56 (R24, R29; inferred: curl may print 52 when the close is graceful)` }
      : { verdict: verdictId('000', 7, 'R24'), text: `${reason}: no Envoy on either side and nothing listens: the connection is refused, curl exits 7 (R24, R29)` }
  }
  if (input.clientSidecar) return { verdict: verdictId('503', 0, 'R24'), text: `${reason}: the client sidecar cannot connect upstream and answers 503 (upstream connect error) (R24)` }
  if (input.serverSidecar) return { verdict: verdictId('503', 0, 'R24'), text: `${reason}: the server's sidecar accepts the connection, cannot reach the app and answers 503 (R24)` }
  return { verdict: verdictId('000', 7, 'R24'), text: `${reason}: nothing listens on that port, the connection is refused: curl exits 7 (R24)` }
}
