/**
 * The asynchronous half of an evaluation: judge the request's token against every policy that has
 * JWT methods (rules 16-19), once per policy, so that the grid itself is synchronous and cheap.
 */
import type { PolicyTokenResult } from '../decide/httpAuthn'
import type { AuthnPolicy } from '../istio'
import { checkJwtPeer, checkOrigins } from '../jwt/originCheck'
import type { KeySets } from '../jwt/keySets'
import type { Mesh } from '../mesh/model'
import type { EngineOptions, RequestProfile, ResourceKey } from '../types'
import type { EvaluationContext } from './context'
import { prepareModern } from '../modern/context'
import { isModernProfile } from '../profile'

function allPolicies(mesh: Mesh): AuthnPolicy[] {
  const list = [...mesh.policiesByNamespace.values()].flat()
  if (mesh.meshPolicy) list.push(mesh.meshPolicy)
  return list
}

function needsTokenCheck(policy: AuthnPolicy): boolean {
  return policy.origins.length > 0 || policy.peers.some((p) => p.kind === 'jwt') || policy.principalBinding === 'USE_ORIGIN' || policy.originIsOptional
}

async function judgePolicy(policy: AuthnPolicy, request: RequestProfile, keySets: KeySets, options: EngineOptions): Promise<PolicyTokenResult> {
  const origin = await checkOrigins(policy, request, keySets, options.profile)
  const jwtPeers = policy.peers.flatMap((p) => (p.kind === 'jwt' ? [p.jwt] : []))
  if (jwtPeers.length === 0) return { originPass: origin.pass, originReason: origin.reason, jwtPeerPass: false, jwtPeerReason: 'no jwt peer' }
  const checks = await Promise.all(jwtPeers.map((spec) => checkJwtPeer(spec, policy, request, keySets)))
  const passed = checks.find((c) => c.ok)
  const firstFailure = checks.find((c) => !c.ok)
  return {
    originPass: origin.pass,
    originReason: origin.reason,
    jwtPeerPass: passed !== undefined,
    jwtPeerReason: passed ? 'a jwt peer accepts the token' : firstFailure && !firstFailure.ok ? firstFailure.detail : 'no jwt peer passes',
  }
}

export async function prepareEvaluation(mesh: Mesh, request: RequestProfile, keySets: KeySets, options: EngineOptions): Promise<EvaluationContext> {
  const tokens = new Map<ResourceKey, PolicyTokenResult>()
  const policies = allPolicies(mesh).filter(needsTokenCheck)
  const results = await Promise.all(policies.map((p) => judgePolicy(p, request, keySets, options)))
  policies.forEach((p, i) => {
    const result = results[i]
    if (result) tokens.set(p.key, result)
  })
  if (!isModernProfile(options.profile)) return { mesh, options, request, tokens }
  return { mesh, options, request, tokens, modern: await prepareModern(mesh, request, keySets, options) }
}
