/**
 * The token generator: gen-jwt.py's options, signed in the browser with jose, either with Istio's
 * sample key (so the sample key set accepts the token) or with a key pair made in this page.
 */
import { ISTIO_SAMPLE_PRIVATE_KEY_PEM } from '../../engine'
import { genJwtLikeIstio, signJwt } from '../../engine/jwt'
import { audienceClaim, parseClaimsText, type LineProblem } from './claimsText'
import type { BrowserKeyPair } from './keyPairs'

export interface TokenRecipe {
  iss: string
  /** Empty: the issuer, as gen-jwt.py does. */
  sub: string
  /** Comma-separated. */
  aud: string
  /** `name: value` lines. */
  claims: string
  /** Text of the expiry field, in seconds. */
  expireSeconds: string
}

export type Signer = { kind: 'istio-sample-key' } | { kind: 'browser-key-pair'; pair: BrowserKeyPair }

export const DEFAULT_RECIPE: TokenRecipe = { iss: 'testing@secure.istio.io', sub: '', aud: '', claims: '', expireSeconds: '3600' }

/** A hundred years: enough for any test, small enough to stay a safe integer with `now` added. */
const MAX_LIFETIME = 100 * 365 * 86400

export interface RecipeProblems {
  iss?: string
  expireSeconds?: string
  claims?: LineProblem[]
}

export function recipeProblems(recipe: TokenRecipe): RecipeProblems {
  const problems: RecipeProblems = {}
  if (recipe.iss.trim() === '') problems.iss = 'Give an issuer: origins accept tokens by their iss claim.'
  const expire = recipe.expireSeconds.trim()
  if (!/^-?\d+$/.test(expire)) problems.expireSeconds = 'Write a whole number of seconds, e.g. 5 or 3600.'
  else if (Math.abs(Number(expire)) > MAX_LIFETIME) problems.expireSeconds = 'At most a hundred years.'
  const claims = parseClaimsText(recipe.claims)
  if (!claims.ok) problems.claims = claims.problems
  return problems
}

export function hasProblems(problems: RecipeProblems): boolean {
  return problems.iss !== undefined || problems.expireSeconds !== undefined || problems.claims !== undefined
}

/**
 * Signs the recipe at simulated time `now`: iat = now, exp = now + expireSeconds. Throws when the
 * recipe has problems (check with recipeProblems first).
 */
export async function signRecipe(recipe: TokenRecipe, signer: Signer, now: number): Promise<string> {
  if (hasProblems(recipeProblems(recipe))) throw new Error('the token recipe has problems')
  const claims = (parseClaimsText(recipe.claims) as { ok: true; claims: Record<string, unknown> }).claims
  const iss = recipe.iss.trim()
  const sub = recipe.sub.trim() || iss
  const aud = audienceClaim(recipe.aud)
  const expireSeconds = Number(recipe.expireSeconds.trim())
  if (signer.kind === 'istio-sample-key') {
    return genJwtLikeIstio({ privateKeyPem: ISTIO_SAMPLE_PRIVATE_KEY_PEM, iss, sub, ...(aud === undefined ? {} : { aud }), claims, expireSeconds, now })
  }
  const { pair } = signer
  const payload = { exp: now + expireSeconds, iat: now, iss, sub, ...(aud === undefined ? {} : { aud }), ...claims }
  return signJwt({ privateKey: pair.privateKey, alg: pair.alg, kid: pair.kid, claims: payload })
}
