/**
 * What the designer's request settings must be for a lesson step: the path of the pods' clients or of
 * the external client, the step's token, and the simulated clock at the step's first request. Pure:
 * a generated token is signed by the caller and passed in.
 */
import type { LessonStep, TokenSpec } from '../../lessons/api'
import { DEFAULT_PATH, EXTERNAL_CLIENT } from '../../lessons/api'
import { DEFAULT_INGRESS_PATH, DEFAULT_PLACEMENT, DEMO_TOKEN_ID, type SavedToken } from '../tokens/types'
import type { RequestSettings } from '../types'

/** Tokens the workshop adds to the user's list carry this id prefix; each step replaces them. */
export const LESSON_TOKEN_PREFIX = 'lesson-'

/** What `kubectl describe secret` gives for the default service account: opaque to Istio (as in the lesson engine). */
export const SERVICE_ACCOUNT_TOKEN = 'kubernetes-service-account-token'

/** The token a step's request carries, as one of the user's saved tokens (undefined: none or the built-in demo token). */
export function lessonToken(token: TokenSpec, signedJwt: string | undefined): SavedToken | undefined {
  if (token === 'serviceaccount') return { id: `${LESSON_TOKEN_PREFIX}serviceaccount`, name: 'Lesson: service account token', jwt: SERVICE_ACCOUNT_TOKEN, source: 'pasted' }
  if (typeof token === 'object' && signedJwt !== undefined) {
    return { id: `${LESSON_TOKEN_PREFIX}generated`, name: `Lesson: gen-jwt.py --expire ${token.generate.expireSeconds}`, jwt: signedJwt, source: 'generated', signedWith: 'istio-sample-key' }
  }
  return undefined
}

/** When the step's generated token is issued, in Unix seconds. */
export function tokenIssuedAt(token: TokenSpec, clockStart: number): number | undefined {
  return typeof token === 'object' ? clockStart + (token.generate.issuedAtOffset ?? 0) : undefined
}

/**
 * The request settings of `step`, keeping the user's own tokens and key sets. `signedJwt` is the
 * step's generated token, if it has one.
 */
export function stepRequestSettings(step: LessonStep, current: RequestSettings, clockStart: number, signedJwt?: string): RequestSettings {
  const token = step.request.token ?? 'none'
  const path = step.request.path ?? DEFAULT_PATH
  const external = step.request.clients?.includes(EXTERNAL_CLIENT) ?? false
  const added = lessonToken(token, signedJwt)
  const tokens = [...(current.tokens ?? []).filter((t) => !t.id.startsWith(LESSON_TOKEN_PREFIX)), ...(added ? [added] : [])]
  const tokenId = token === 'demo' ? DEMO_TOKEN_ID : added?.id
  return {
    ...current,
    // The external client's path is its own setting; the pods keep the lesson default then.
    path: external ? DEFAULT_PATH : path,
    ingressPath: external ? path : DEFAULT_INGRESS_PATH,
    headers: {},
    frozenNow: clockStart + (step.request.at ?? 0),
    tokens,
    // Always present, also when undefined: setRequest merges, and an old token must not stay on.
    tokenId,
    tokenPlacement: DEFAULT_PLACEMENT,
  }
}
