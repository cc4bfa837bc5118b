/** Adding, removing and choosing tokens in the request settings. Pure: each returns the changed part. */
import type { RequestSettings } from '../types'
import { DEMO_TOKEN } from './profile'
import { DEMO_TOKEN_ID, type SavedToken } from './types'

type Tokens = Pick<RequestSettings, 'tokens' | 'tokenId'>

export function newTokenId(): string {
  return `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
}

/** "Generated 3": numbered after the tokens of that source already in the list. */
export function defaultTokenName(tokens: readonly SavedToken[] | undefined, source: SavedToken['source']): string {
  const word = source === 'generated' ? 'Generated' : 'Pasted'
  const used = new Set((tokens ?? []).map((t) => t.name.split(' · ')[0]))
  for (let n = 1; ; n++) if (!used.has(`${word} ${n}`)) return `${word} ${n}`
}

/**
 * Adds a token (unless the same JWT is already listed) and returns the id it is listed under.
 *
 * @example
 * const { tokens, id } = addedToken(request, { jwt, source: 'pasted' })
 */
export function addedToken(request: Tokens, token: Omit<SavedToken, 'id' | 'name'> & { name?: string }, makeId: () => string = newTokenId): { tokens: SavedToken[]; id: string } {
  const tokens = request.tokens ?? []
  if (token.jwt === DEMO_TOKEN.jwt) return { tokens: [...tokens], id: DEMO_TOKEN_ID }
  const same = tokens.find((t) => t.jwt === token.jwt)
  if (same) return { tokens: [...tokens], id: same.id }
  const id = makeId()
  const name = token.name?.trim() || defaultTokenName(tokens, token.source)
  return { tokens: [...tokens, { ...token, id, name }], id }
}

/** Removes a token; requests that carried it then carry none. The demo token cannot be removed. */
export function withoutToken(request: Tokens, id: string): Tokens {
  const tokens = (request.tokens ?? []).filter((t) => t.id !== id)
  return { tokens, tokenId: request.tokenId === id ? undefined : request.tokenId }
}

export function renamedToken(request: Tokens, id: string, name: string): Pick<RequestSettings, 'tokens'> {
  const trimmed = name.trim()
  return { tokens: (request.tokens ?? []).map((t) => (t.id === id && trimmed !== '' ? { ...t, name: trimmed } : t)) }
}
