/**
 * The request profile's token part: the user's tokens, which one every request carries, and where.
 * Plain JSON (saved with the design in this browser; never in a share link unless asked). Private
 * keys are not here: they live in memory only (keyPairs.ts).
 */

/** A token the user pasted or generated. The Istio demo token is built in (DEMO_TOKEN_ID), not stored. */
export interface SavedToken {
  id: string
  /** Shown in the token lists, e.g. "gen-jwt, 5 s" or "Pasted token 2". */
  name: string
  /** The compact JWT, exactly as pasted or signed. */
  jwt: string
  source: 'pasted' | 'generated'
  /** How a generated token was signed: Istio's sample key, or a key pair made in this page. */
  signedWith?: 'istio-sample-key' | 'browser-key-pair'
  /** The browser key pair's id (keyPairs.ts), for "attach its key set". */
  keyPairId?: string
  /** Kept only for this tab (sessionStorage), never in localStorage with the design. */
  tabOnly?: boolean
}

/** Where the token goes in each request. */
export type TokenPlacement =
  /** `Authorization: Bearer <token>` (what `curl --header "Authorization: Bearer $TOKEN"` sends). */
  | { kind: 'bearer' }
  /** A header of its own, e.g. `x-jwt-assertion: <token>` (an origin's `jwtHeaders`). */
  | { kind: 'header'; name: string }
  /** A query parameter, e.g. `?access_token=<token>` (an origin's `jwtParams`). */
  | { kind: 'query'; name: string }

/** The id under which the built-in Istio demo token (demo.jwt) is selected. */
export const DEMO_TOKEN_ID = 'istio-demo'

export const DEFAULT_PLACEMENT: TokenPlacement = { kind: 'bearer' }

/** The seed's paths: `curl http://httpbin.foo:8000/ip` from pods, `curl $INGRESS_HOST/headers` from outside. */
export const DEFAULT_CLIENT_PATH = '/ip'
export const DEFAULT_INGRESS_PATH = '/headers'
