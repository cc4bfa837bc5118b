/**
 * The request each grid row sends, from the request settings: the row kind's path, the user's extra
 * headers, and the chosen token at its place. Pure: the caller passes the instant.
 */
import type { RequestProfile } from '../../engine'
import { ISTIO_DEMO_JWT } from '../../engine/jwt'
import type { RequestSettings } from '../types'
import { DEFAULT_INGRESS_PATH, DEFAULT_PLACEMENT, DEMO_TOKEN_ID, type SavedToken, type TokenPlacement } from './types'

/** A token as the lists show it: the built-in demo token or one of the user's. */
export interface TokenEntry extends SavedToken {
  builtIn: boolean
}

export const DEMO_TOKEN: TokenEntry = Object.freeze({
  id: DEMO_TOKEN_ID,
  name: 'Istio demo token',
  jwt: ISTIO_DEMO_JWT,
  source: 'generated',
  signedWith: 'istio-sample-key',
  builtIn: true,
})

/** Which grid rows a path is for: the pods' clients, or the external client through the ingress. */
export type RowKind = 'client' | 'ingress'

/** The built-in demo token first, then the user's tokens in the order they were added. */
export function tokenEntries(request: Pick<RequestSettings, 'tokens'>): TokenEntry[] {
  return [DEMO_TOKEN, ...(request.tokens ?? []).map((t) => ({ ...t, builtIn: false }))]
}

export function findToken(request: Pick<RequestSettings, 'tokens'>, id: string | undefined): TokenEntry | undefined {
  if (id === undefined) return undefined
  if (id === DEMO_TOKEN_ID) return DEMO_TOKEN
  const saved = request.tokens?.find((t) => t.id === id)
  return saved ? { ...saved, builtIn: false } : undefined
}

/** The token requests carry now, if any (a dangling id, e.g. of a removed token, means none). */
export function activeToken(request: Pick<RequestSettings, 'tokens' | 'tokenId'>): TokenEntry | undefined {
  return findToken(request, request.tokenId)
}

export function placementOf(request: Pick<RequestSettings, 'tokenPlacement'>): TokenPlacement {
  return request.tokenPlacement ?? DEFAULT_PLACEMENT
}

export function pathFor(request: Pick<RequestSettings, 'path' | 'ingressPath'>, row: RowKind): string {
  return row === 'ingress' ? (request.ingressPath ?? DEFAULT_INGRESS_PATH) : request.path
}

/** `path` and `headers` with `jwt` put where `placement` says. The headers object is a copy. */
export function withToken(base: { path: string; headers: Readonly<Record<string, string>> }, jwt: string | undefined, placement: TokenPlacement): { path: string; headers: Record<string, string> } {
  const headers = { ...base.headers }
  if (jwt === undefined) return { path: base.path, headers }
  switch (placement.kind) {
    case 'bearer':
      // The token replaces any Authorization header the user typed: one request carries one.
      for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name]
      headers['Authorization'] = `Bearer ${jwt}`
      return { path: base.path, headers }
    case 'header':
      for (const name of Object.keys(headers)) if (name.toLowerCase() === placement.name.toLowerCase()) delete headers[name]
      headers[placement.name] = jwt
      return { path: base.path, headers }
    case 'query':
      return { path: `${base.path}${base.path.includes('?') ? '&' : '?'}${placement.name}=${jwt}`, headers }
  }
}

/** The request a row of kind `row` sends at `now`, token included. */
export function requestFor(request: RequestSettings, row: RowKind, now: number): RequestProfile {
  const sent = withToken({ path: pathFor(request, row), headers: request.headers }, activeToken(request)?.jwt, placementOf(request))
  return { ...sent, now, ...requestExtras(request, row) }
}

/** Method (every row) and source IP (the external row only), when set: absent keeps the engine's defaults. */
function requestExtras(request: RequestSettings, row: RowKind): Pick<RequestProfile, 'method' | 'sourceIp'> {
  const extras: Pick<RequestProfile, 'method' | 'sourceIp'> = {}
  if (request.method && request.method !== 'GET') extras.method = request.method
  if (row === 'ingress' && request.sourceIp) extras.sourceIp = request.sourceIp
  return extras
}

/** The same without the instant: what a request loop sends at each of its instants. */
export function loopRequest(request: RequestSettings, row: RowKind, jwt: string | undefined): Omit<RequestProfile, 'now'> {
  return { ...withToken({ path: pathFor(request, row), headers: request.headers }, jwt, placementOf(request)), ...requestExtras(request, row) }
}

/** Words for a placement, e.g. "Authorization: Bearer" or "?access_token=". */
export function describePlacement(placement: TokenPlacement): string {
  switch (placement.kind) {
    case 'bearer':
      return 'Authorization: Bearer'
    case 'header':
      return `header ${placement.name}`
    case 'query':
      return `?${placement.name}=`
  }
}

/** A header name (RFC 7230 token) or query parameter name the placement can use; undefined when fine. */
export function placementNameProblem(placement: TokenPlacement): string | undefined {
  if (placement.kind === 'bearer') return undefined
  const name = placement.name
  if (name === '') return placement.kind === 'header' ? 'Give the header a name.' : 'Give the query parameter a name.'
  if (placement.kind === 'header' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return `"${name}" is not a valid header name.`
  if (placement.kind === 'query' && /[&=?#\s]/.test(name)) return `"${name}" cannot be a query parameter name (no &, =, ?, # or spaces).`
  return undefined
}
