/**
 * A share link normally leaves the request settings out (tokens are credentials). When the user asks
 * to include them, the receiver merges them into its own: its tokens and key sets stay, the shared
 * ones are added, and the shared profile (token, paths, placement, clock) is the one in use.
 */
import type { RequestSettings } from '../types'
import { newTokenId } from './tokenList'
import type { SavedToken } from './types'

export function mergeSharedRequest(current: RequestSettings, shared: RequestSettings, makeId: () => string = newTokenId): RequestSettings {
  const tokens: SavedToken[] = [...(current.tokens ?? [])]
  const ids = new Map<string, string>()
  for (const token of shared.tokens ?? []) {
    const same = tokens.find((t) => t.jwt === token.jwt)
    if (same) {
      ids.set(token.id, same.id)
      continue
    }
    const id = tokens.some((t) => t.id === token.id) ? makeId() : token.id
    ids.set(token.id, id)
    // The signing key pair lived in the sender's page only.
    const { keyPairId: _gone, ...rest } = token
    tokens.push({ ...rest, id })
  }
  const merged: RequestSettings = {
    ...current,
    path: shared.path,
    headers: { ...shared.headers },
    tokens,
    keySets: { ...current.keySets, ...shared.keySets },
    frozenNow: shared.frozenNow,
    ingressPath: shared.ingressPath,
    tokenPlacement: shared.tokenPlacement,
    tokenId: shared.tokenId === undefined ? undefined : (ids.get(shared.tokenId) ?? shared.tokenId),
  }
  return merged
}
