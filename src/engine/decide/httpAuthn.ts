/**
 * Rules 14, 15, 16: the istio_authn filter's decision once the listener has accepted the request.
 * Token checks (rule 17) are asynchronous and done beforehand, once per policy (evaluate/prepare.ts).
 */
import type { AuthnPolicy } from '../istio'
import type { IstioProfile } from '../types'
import { verdictId } from './verdicts'

/** The request's token judged against one policy, computed before the grid. */
export interface PolicyTokenResult {
  /** Rule 16, everything included: originIsOptional, USE_ORIGIN, 1.1 trigger rules, JWT validity. */
  originPass: boolean
  originReason: string
  /** Some `peers[].jwt` method accepts the token. */
  jwtPeerPass: boolean
  jwtPeerReason: string
}

export interface HttpPhaseResult {
  verdict: number
  steps: string[]
}

export function httpPhase(
  policy: AuthnPolicy | undefined,
  authnFilter: boolean,
  peerCert: boolean,
  token: PolicyTokenResult | undefined,
  profile: IstioProfile,
): HttpPhaseResult {
  if (!policy || !authnFilter) {
    return { verdict: verdictId('200', 0, 'R14'), steps: ['no authentication filter on this port: the app answers'] }
  }
  const steps: string[] = []
  if (policy.peers.length > 0) {
    const peerPass = policy.peers.some((peer) =>
      peer.kind === 'jwt' ? token?.jwtPeerPass === true : peer.mode === 'PERMISSIVE' ? true : peerCert,
    )
    if (peerPass) steps.push(peerCert ? 'peer: the verified client certificate satisfies the mtls peer' : 'peer: a peer method passes')
    else if (policy.peerIsOptional) {
      steps.push(profile === '1.0' ? 'peer: no method passes, but peerIsOptional skips the peer check' : 'peer: no method passes; peerIsOptional ignores the failure')
    } else {
      steps.push(peerCert ? 'peer: no peer method passes' : 'peer: no client certificate, so the mtls peer fails')
      return { verdict: verdictId('401', 0, 'R15'), steps: [...steps, '401 "Peer authentication failed."'] }
    }
  } else steps.push('peer: the policy has no peers, nothing to check')
  const originPass = token?.originPass ?? (policy.originIsOptional || (policy.origins.length === 0 && policy.principalBinding === 'USE_PEER'))
  steps.push(`origin: ${token?.originReason ?? (originPass ? 'nothing to check' : 'principalBinding USE_ORIGIN with no origins fails')}`)
  if (!originPass) return { verdict: verdictId('401', 0, 'R16'), steps: [...steps, '401 "Origin authentication failed."'] }
  return { verdict: verdictId('200', 0, 'R16'), steps: [...steps, 'authentication passed: the app answers'] }
}
