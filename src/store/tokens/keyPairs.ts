/**
 * Key pairs generated in this page. The private halves are WebCrypto keys that cannot be exported:
 * they stay in this tab's memory, are never saved, never put in a link, and are gone on reload
 * (the public key sets the user attached to a jwksUri are saved with the request settings).
 */
import { create } from 'zustand'
import { generateKeyPair, type JwkJson, type JwksJson, type SupportedAlg } from '../../engine/jwt'

export interface BrowserKeyPair {
  id: string
  alg: SupportedAlg
  /** The public key's RFC 7638 thumbprint, also the `kid` of the tokens it signs. */
  kid: string
  publicJwk: JwkJson
  jwks: JwksJson
  privateKey: CryptoKey
  /** "RS256 key 1". */
  name: string
}

interface KeyPairState {
  pairs: BrowserKeyPair[]
  add(pair: BrowserKeyPair): void
  remove(id: string): void
}

export const useKeyPairs = create<KeyPairState>()((set) => ({
  pairs: [],
  add: (pair) => set((s) => ({ pairs: [...s.pairs, pair] })),
  remove: (id) => set((s) => ({ pairs: s.pairs.filter((p) => p.id !== id) })),
}))

/** A new key pair of `alg`, named after the ones already made. Does not add it to the list. */
export async function makeKeyPair(alg: SupportedAlg, existing: readonly BrowserKeyPair[]): Promise<BrowserKeyPair> {
  const { privateKey, publicJwk, jwks } = await generateKeyPair(alg)
  const kid = publicJwk.kid ?? ''
  const n = existing.filter((p) => p.alg === alg).length + 1
  return { id: `k-${kid.slice(0, 12)}`, alg, kid, publicJwk, jwks, privateKey, name: `${alg} key ${n}` }
}

export function findKeyPair(pairs: readonly BrowserKeyPair[], id: string | undefined): BrowserKeyPair | undefined {
  return id === undefined ? undefined : pairs.find((p) => p.id === id)
}
