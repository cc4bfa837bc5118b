/**
 * What a modern (1.5+) evaluation fixes before the grid: the mesh settings of the profile (M43), the
 * PeerAuthentication index (M1-M2), and the JWT verdict of every server workload (M15-M20), the only
 * asynchronous step. Built by prepareEvaluation next to the 1.x token results.
 */
import { authorizationPoliciesFor, requestAuthenticationsFor, unionJwtRules } from '../authz/applicable'
import type { KeySets } from '../jwt/keySets'
import type { Mesh, Workload } from '../mesh/model'
import { buildPeerAuthnIndex, type PeerAuthnIndex } from '../peerauthn/peerMode'
import { lowerHeaders } from './column'
import { meshSettings, type MeshSettings } from '../profile'
import { judgeRequestJwt, type JwtVerdict } from '../requestauthn/validateToken'
import type { AuthorizationPolicy, RequestAuthentication } from '../security'
import type { EngineOptions, RequestProfile } from '../types'

export interface ModernEvaluation {
  settings: MeshSettings
  peerIndex: PeerAuthnIndex
  /** JWT verdict per workload key for the request as sent (M15-M20). */
  jwtByWorkload: ReadonlyMap<string, JwtVerdict>
  /** RequestAuthentications per workload key (M15), for explanations and M39. */
  requestAuthnsByWorkload: ReadonlyMap<string, RequestAuthentication[]>
  authzByWorkload: ReadonlyMap<string, AuthorizationPolicy[]>
  /** The request's headers by lower-case name (M25). */
  headers: ReadonlyMap<string, string>
}

/** Workloads that can receive a request in the grid: service backends and the ingress gateway. */
function serverWorkloads(mesh: Mesh): Workload[] {
  const set = new Set<Workload>()
  for (const s of mesh.services) for (const w of s.workloads) set.add(w)
  for (const w of mesh.workloads) if (w.isIngressGateway) set.add(w)
  return [...set]
}

export async function prepareModern(mesh: Mesh, request: RequestProfile, keySets: KeySets, options: EngineOptions): Promise<ModernEvaluation> {
  const settings = meshSettings(options)
  const root = settings.rootNamespace
  const jwtByWorkload = new Map<string, JwtVerdict>()
  const requestAuthnsByWorkload = new Map<string, RequestAuthentication[]>()
  const authzByWorkload = new Map<string, AuthorizationPolicy[]>()
  // Workloads with the same RequestAuthentications share one verdict: judge each distinct set once.
  const byRuleSet = new Map<string, Promise<JwtVerdict>>()
  const pending: [string, Promise<JwtVerdict>][] = []
  for (const w of serverWorkloads(mesh)) {
    const ras = requestAuthenticationsFor(mesh.security.requestAuthentications, w, root)
    requestAuthnsByWorkload.set(w.key, ras)
    authzByWorkload.set(w.key, authorizationPoliciesFor(mesh.security.authorizationPolicies, w, root))
    const setKey = ras.map((r) => r.key).join('\n')
    let verdict = byRuleSet.get(setKey)
    if (!verdict) {
      verdict = judgeRequestJwt(unionJwtRules(ras), request, keySets, { now: request.now, clockSkew: settings.clockSkew })
      byRuleSet.set(setKey, verdict)
    }
    pending.push([w.key, verdict])
  }
  for (const [key, verdict] of pending) jwtByWorkload.set(key, await verdict)
  return { settings, peerIndex: buildPeerAuthnIndex(mesh.security.peerAuthentications, root), jwtByWorkload, requestAuthnsByWorkload, authzByWorkload, headers: lowerHeaders(request.headers) }
}
