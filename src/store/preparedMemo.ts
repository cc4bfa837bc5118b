/**
 * Lets an edit's grid be computed synchronously, in the same update as the edit (one render): the
 * only asynchronous step of an evaluation is judging the request's token against the policies
 * (WebCrypto), so its result is remembered and reused while nothing it depends on has changed.
 *
 * It depends on the policies (any object that is not a Namespace, Service or workload counts, so a
 * new kind of policy is covered without listing it here), the key sets, the engine options and the
 * request. A request that carries no token at all (no headers, no query string: nothing a policy
 * could extract a JWT from) is judged the same at any time, so its clock is left out; a request with
 * headers or a query is remembered only for the same second.
 */
import type { EngineOptions, EvaluationContext, KubeObject, Mesh, RequestProfile } from '../engine'
import type { JwksJson } from '../engine/jwt'

const NOT_CONFIG: ReadonlySet<string> = new Set(['Namespace', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'Pod'])

const objectText = new WeakMap<KubeObject, string>()

function textOf(object: KubeObject): string {
  let text = objectText.get(object)
  if (text === undefined) objectText.set(object, (text = JSON.stringify(object)))
  return text
}

/** The objects that may decide a token check, as one string (objects are stringified once each). */
export function configPrint(resources: readonly KubeObject[]): string {
  const parts: string[] = []
  for (const o of resources) if (!NOT_CONFIG.has(o.kind)) parts.push(textOf(o))
  return parts.join('\n')
}

export function requestPrint(request: RequestProfile): string {
  const tokenless = Object.keys(request.headers).length === 0 && !request.path.includes('?')
  return JSON.stringify([request.path, request.headers, tokenless ? 0 : request.now])
}

export interface PreparedKey {
  config: string
  request: string
  ingressRequest: string
  keySets: Readonly<Record<string, JwksJson>>
  options: EngineOptions
}

export interface PreparedTokens {
  key: PreparedKey
  tokens: EvaluationContext['tokens']
  /** The external row's, when it had a context of its own. */
  ingressTokens?: EvaluationContext['tokens']
  /**
   * Modern profiles: the policy indexes and JWT verdicts per workload. They depend on the workloads
   * (labels, which policies select them) as well, which the key leaves out: valid for `mesh` only.
   */
  modern?: EvaluationContext['modern']
  ingressModern?: EvaluationContext['modern']
  mesh?: Mesh
}

export function sameKey(a: PreparedKey, b: PreparedKey): boolean {
  return a.config === b.config && a.request === b.request && a.ingressRequest === b.ingressRequest && a.keySets === b.keySets && a.options === b.options
}
