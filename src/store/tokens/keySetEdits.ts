/**
 * The key sets panel's edits of RequestSettings.keySets (jwksUri -> JWKS), and what the design's
 * policies ask of them. A paste that does not parse changes nothing and says where it broke.
 */
import type { Mesh } from '../../engine'
import { ISTIO_SAMPLE_JWKS, isIstioSampleJwksUri, parseJwks, type JwksJson } from '../../engine/jwt'

export type KeySets = Readonly<Record<string, JwksJson>>

export type KeySetEdit = { ok: true; keySets: Record<string, JwksJson> } | { ok: false; field: 'uri' | 'json'; message: string }

/** A jwksUri Pilot could fetch: an absolute http(s) URL. Undefined when fine. */
export function jwksUriProblem(uri: string): string | undefined {
  const text = uri.trim()
  if (text === '') return 'Give the jwksUri the key set is served at.'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return `"${text}" is not an absolute URL.`
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'A jwksUri is an http:// or https:// URL.'
  return undefined
}

/**
 * Adds or replaces the key set of `uri` with the pasted JSON.
 *
 * @example
 * withKeySetText({}, 'https://example.com/jwks.json', '{"keys": [}') // { ok: false, field: 'json', message: 'Not valid JSON at line 1, column 11: ...' }
 */
export function withKeySetText(keySets: KeySets | undefined, uri: string, text: string): KeySetEdit {
  const uriProblem = jwksUriProblem(uri)
  if (uriProblem) return { ok: false, field: 'uri', message: uriProblem }
  const parsed = parseJwks(text)
  if (!parsed.ok) return { ok: false, field: 'json', message: parsed.message }
  return { ok: true, keySets: { ...keySets, [uri.trim()]: parsed.jwks } }
}

/**
 * Attaches a key set the app made (a browser key pair's public keys), next to the keys already served
 * there: the user's, or for Istio's sample URI the bundled sample key (so the demo token still passes).
 */
export function withAttachedKeys(keySets: KeySets | undefined, uri: string, jwks: JwksJson): Record<string, JwksJson> {
  const key = uri.trim()
  const existing = keySets?.[key]?.keys ?? (isIstioSampleJwksUri(key) ? ISTIO_SAMPLE_JWKS.keys : [])
  const fresh = jwks.keys.filter((k) => !existing.some((e) => e.kid !== undefined && e.kid === k.kid))
  return { ...keySets, [key]: { keys: [...existing, ...fresh] } }
}

export function withoutKeySet(keySets: KeySets | undefined, uri: string): Record<string, JwksJson> {
  const next = { ...keySets }
  delete next[uri]
  return next
}

/** `2 keys: RSA RS256 (kid DHFbpoIU…), EC ES256` */
export function describeKeySet(jwks: JwksJson): string {
  const keys = jwks.keys.map((k) => [k.kty, k.alg, k.kid ? `(kid ${k.kid.length > 12 ? `${k.kid.slice(0, 10)}…` : k.kid})` : undefined].filter(Boolean).join(' '))
  return `${jwks.keys.length} ${jwks.keys.length === 1 ? 'key' : 'keys'}: ${keys.join(', ')}`
}

export interface JwksUriUse {
  uri: string
  issuers: string[]
  /** Keys of the policies whose origins name it. */
  policies: string[]
  /** Where its keys come from: the user's key set, Istio's bundled sample, or nowhere (every token fails). */
  source: 'user' | 'sample' | 'missing'
}

/** Every jwksUri the design's policies name, in policy order, with where its keys come from. */
export function jwksUrisInDesign(mesh: Mesh, keySets: KeySets | undefined): JwksUriUse[] {
  const policies = [...mesh.policiesByNamespace.values()].flat()
  if (mesh.meshPolicy) policies.push(mesh.meshPolicy)
  policies.sort((a, b) => a.order - b.order)
  const byUri = new Map<string, JwksUriUse>()
  for (const policy of policies) {
    const specs = [...policy.origins, ...policy.peers.flatMap((p) => (p.kind === 'jwt' ? [p.jwt] : []))]
    for (const spec of specs) {
      if (!spec.jwksUri) continue
      const use = byUri.get(spec.jwksUri) ?? { uri: spec.jwksUri, issuers: [], policies: [], source: keySets?.[spec.jwksUri] ? 'user' : isIstioSampleJwksUri(spec.jwksUri) ? 'sample' : 'missing' }
      if (!use.issuers.includes(spec.issuer)) use.issuers.push(spec.issuer)
      if (!use.policies.includes(policy.key)) use.policies.push(policy.key)
      byUri.set(spec.jwksUri, use)
    }
  }
  return [...byUri.values()]
}

export { ISTIO_SAMPLE_JWKS }
