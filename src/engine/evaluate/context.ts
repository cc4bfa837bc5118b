/**
 * Everything a grid or a single probe needs, fixed for one evaluation: the mesh, the options, the
 * request profile, and the token verdicts per policy (the only asynchronous part, done beforehand).
 */
import type { PolicyTokenResult } from '../decide/httpAuthn'
import type { Mesh } from '../mesh/model'
import type { ModernEvaluation } from '../modern/context'
import type { EngineOptions, RequestProfile, ResourceKey } from '../types'

export interface EvaluationContext {
  mesh: Mesh
  options: EngineOptions
  request: RequestProfile
  /** Keyed by policy key; absent for policies without origins or jwt peers. */
  tokens: ReadonlyMap<ResourceKey, PolicyTokenResult>
  /** Modern profiles (1.5+): mesh settings, PeerAuthentication index, JWT verdicts per workload. */
  modern?: ModernEvaluation
}
