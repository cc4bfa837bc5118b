/**
 * Reads the token part of saved request settings (localStorage, or a link shared with its tokens).
 * Lenient: an entry that does not check is dropped, never the whole design.
 */
import type { RequestSettings } from '../types'
import type { SavedToken, TokenPlacement } from './types'

type TokenSettings = Pick<RequestSettings, 'ingressPath' | 'tokens' | 'tokenId' | 'tokenPlacement'>

const MAX_TOKENS = 200
const MAX_JWT_CHARS = 64 * 1024

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max

function readToken(value: unknown): SavedToken | undefined {
  if (!isRecord(value)) return undefined
  const { id, name, jwt, source, signedWith, keyPairId, tabOnly } = value
  if (!isText(id, 200) || id === '' || !isText(name, 200) || !isText(jwt, MAX_JWT_CHARS) || (source !== 'pasted' && source !== 'generated')) return undefined
  const token: SavedToken = { id, name, jwt, source }
  if (signedWith === 'istio-sample-key' || signedWith === 'browser-key-pair') token.signedWith = signedWith
  if (isText(keyPairId, 200)) token.keyPairId = keyPairId
  if (tabOnly === true) token.tabOnly = true
  return token
}

function readPlacement(value: unknown): TokenPlacement | undefined {
  if (!isRecord(value)) return undefined
  if (value.kind === 'bearer') return { kind: 'bearer' }
  if ((value.kind === 'header' || value.kind === 'query') && isText(value.name, 200)) return { kind: value.kind, name: value.name }
  return undefined
}

export function readTokenSettings(value: Record<string, unknown>): TokenSettings {
  const out: TokenSettings = {}
  if (isText(value.ingressPath) && value.ingressPath.startsWith('/')) out.ingressPath = value.ingressPath
  if (Array.isArray(value.tokens)) {
    const seen = new Set<string>()
    out.tokens = value.tokens
      .slice(0, MAX_TOKENS)
      .map(readToken)
      .filter((t): t is SavedToken => t !== undefined && !seen.has(t.id) && Boolean(seen.add(t.id)))
  }
  if (isText(value.tokenId, 200)) out.tokenId = value.tokenId
  const placement = readPlacement(value.tokenPlacement)
  if (placement) out.tokenPlacement = placement
  return out
}
