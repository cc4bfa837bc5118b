/**
 * Rule 17 / section 6.1: is one token valid for one JWT spec (issuer) at one instant?
 *
 * Checks run in this order and the first failure is reported, because the UI shows only one reason:
 *   1. a token was found                                  no-token
 *   2. it parses, alg RS256 or ES256                      malformed, unsupported-alg
 *   3. iss equals the spec's issuer                       issuer-mismatch
 *   4. it came from a location this issuer reads          location-not-allowed
 *   5. exp present and now < exp (rule 19)                no-exp, expired
 *   6. audience, when the spec lists audiences            audience-mismatch
 *   7. a key set, a key for kid/alg, a valid signature    no-key-set, no-matching-key, bad-signature
 * Steps 2-5 follow the proxy's own order (parse, location-for-issuer, exp, issuer, audience, keys);
 * the issuer comes before the location because "wrong issuer" is the more useful sentence when both
 * fail. Everything before step 7 needs no key, so an explanation never waits on cryptography.
 * nbf and iat are deliberately not checked: the Istio 1.0/1.1 proxy ignores them.
 *
 * Time is an argument (Unix seconds); nothing here reads a clock. jose is used only for the signature
 * (compactVerify), never for claims, so its own exp/nbf checks against the real clock never run.
 */
import { compactVerify, importJWK } from 'jose'
import type { CryptoKey, JWK } from 'jose'
import type { JwtSpec } from '../istio'
import { describeAllowedLocations, describeLocation, locationAllowedFor } from './extractToken'
import type { TokenLocation } from './extractToken'
import { parseJwks, resolveKeySet } from './keySets'
import type { JwkJson, JwksJson, KeySets } from './keySets'

export type JwtFailure =
  | 'no-token'
  | 'location-not-allowed'
  | 'malformed'
  | 'unsupported-alg'
  | 'expired'
  | 'no-exp'
  | 'issuer-mismatch'
  | 'audience-mismatch'
  | 'no-key-set'
  | 'no-matching-key'
  | 'bad-signature'

export type JwtClaims = Readonly<Record<string, unknown>>

export type JwtFailed = { ok: false; reason: JwtFailure; detail: string }

export type JwtCheck = { ok: true; claims: JwtClaims; principal: string } | JwtFailed

/** The only algorithms the Istio 1.0/1.1 proxy implements. */
export type SupportedAlg = 'RS256' | 'ES256'

/** What the checks need from a token that parsed. */
export interface DecodedJwt {
  alg: SupportedAlg
  /** Absent or empty `kid`: every key of the set is tried. */
  kid: string | undefined
  claims: JwtClaims
  iss: string | undefined
  sub: string
  exp: number | undefined
  aud: readonly string[]
}

export type DecodeResult = { ok: true; jwt: DecodedJwt } | JwtFailed

/**
 * Checks `token`, found at `location`, against one origin (or jwt peer) spec at time `now`.
 *
 * @example
 * await verifyJwtForSpec(ISTIO_DEMO_JWT, { kind: 'authorization' }, spec, NO_KEY_SETS, 1795000000)
 * // { ok: true, principal: 'testing@secure.istio.io/testing@secure.istio.io', claims: {...} }
 */
export async function verifyJwtForSpec(
  token: string | undefined,
  location: TokenLocation | undefined,
  spec: JwtSpec,
  keySets: KeySets,
  now: number,
): Promise<JwtCheck> {
  if (token === undefined || location === undefined) {
    return failed('no-token', `no token in the request (issuer ${spec.issuer} reads ${describeAllowedLocations(spec)})`)
  }
  const decoded = decodeJwt(token)
  if (!decoded.ok) return decoded
  const jwt = decoded.jwt
  const claimFailure =
    issuerFailure(jwt, spec) ??
    locationFailure(location, spec) ??
    expiryFailure(jwt, now) ??
    audienceFailure(jwt, spec) ??
    (await signatureFailure(token, jwt, spec, keySets))
  return claimFailure ?? { ok: true, claims: jwt.claims, principal: `${jwt.iss ?? ''}/${jwt.sub}` }
}

function failed(reason: JwtFailure, detail: string): JwtFailed {
  return { ok: false, reason, detail }
}

// ---- step 2: parsing -------------------------------------------------------------------------------

const decodeCache = new Map<string, DecodeResult>()
const MAX_CACHED_TOKENS = 500

/**
 * Parses a compact JWT the way the proxy does: three base64url parts, a JSON object header with a
 * string `alg` of RS256 or ES256 and an optional string `kid`, a JSON object payload whose `iss`/`sub`
 * are strings, `exp` an integer and `aud` a string or an array of strings, and a non-empty signature.
 */
export function decodeJwt(token: string): DecodeResult {
  let result = decodeCache.get(token)
  if (result === undefined) {
    result = decodeUncached(token)
    if (decodeCache.size >= MAX_CACHED_TOKENS) decodeCache.clear()
    decodeCache.set(token, result)
  }
  return result
}

function decodeUncached(token: string): DecodeResult {
  const parts = token.split('.')
  if (parts.length !== 3) {
    return failed('malformed', `a JWT has three dot-separated parts; this token has ${parts.length}`)
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string]
  const header = jsonObjectPart(headerPart, 'header')
  if (typeof header === 'string') return failed('malformed', header)
  const alg = header['alg']
  if (alg === undefined) return failed('malformed', 'the token header has no alg')
  if (typeof alg !== 'string') return failed('malformed', 'the token header alg is not a string')
  if (alg !== 'RS256' && alg !== 'ES256') {
    return failed('unsupported-alg', `token alg ${alg} is not supported (Istio 1.0/1.1 accept RS256 or ES256 only)`)
  }
  const kid = header['kid']
  if (kid !== undefined && typeof kid !== 'string') return failed('malformed', 'the token header kid is not a string')
  const claims = jsonObjectPart(payloadPart, 'payload')
  if (typeof claims === 'string') return failed('malformed', claims)
  const problem = claimTypeProblem(claims)
  if (problem !== undefined) return failed('malformed', problem)
  if (signaturePart === '' || decodeBase64Url(signaturePart) === undefined) {
    return failed('malformed', 'the token signature is empty or not base64url')
  }
  return { ok: true, jwt: decodedFrom(alg, kid, claims) }
}

function decodedFrom(alg: SupportedAlg, kid: string | undefined, claims: Record<string, unknown>): DecodedJwt {
  const aud = claims['aud']
  return {
    alg,
    kid: kid === '' ? undefined : kid,
    claims,
    iss: claims['iss'] as string | undefined,
    sub: (claims['sub'] as string | undefined) ?? '',
    exp: claims['exp'] as number | undefined,
    aud: aud === undefined ? [] : typeof aud === 'string' ? [aud] : (aud as string[]),
  }
}

function claimTypeProblem(claims: Record<string, unknown>): string | undefined {
  for (const name of ['iss', 'sub'] as const) {
    if (claims[name] !== undefined && typeof claims[name] !== 'string') return `the ${name} claim is not a string`
  }
  const exp = claims['exp']
  if (exp !== undefined && !Number.isInteger(exp)) return 'the exp claim is not an integer number of seconds'
  const aud = claims['aud']
  const audOk =
    aud === undefined || typeof aud === 'string' || (Array.isArray(aud) && aud.every((a) => typeof a === 'string'))
  return audOk ? undefined : 'the aud claim is neither a string nor an array of strings'
}

/** The decoded JSON object, or a sentence saying why there is none. */
function jsonObjectPart(part: string, name: 'header' | 'payload'): Record<string, unknown> | string {
  const bytes = decodeBase64Url(part)
  if (bytes === undefined || bytes.length === 0) return `the token ${name} is empty or not base64url`
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return `the token ${name} is not JSON`
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
  return isObject ? (value as Record<string, unknown>) : `the token ${name} is not a JSON object`
}

const BASE64URL_CHARS = /^[A-Za-z0-9_-]*$/
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Strict base64url, as the proxy decodes it: '=' padding tolerated only on a multiple of 4. */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  const unpadded = text.length % 4 === 0 ? text.replace(/={1,2}$/, '') : text
  if (!BASE64URL_CHARS.test(unpadded) || unpadded.length % 4 === 1) return undefined
  const bytes = new Uint8Array(Math.floor((unpadded.length * 3) / 4))
  let bits = 0
  let bitCount = 0
  let at = 0
  for (const char of unpadded) {
    bits = ((bits << 6) | BASE64_DIGITS.indexOf(char)) & 0xffffff
    bitCount += 6
    if (bitCount >= 8) {
      bitCount -= 8
      bytes[at++] = (bits >> bitCount) & 0xff
    }
  }
  return bytes
}

// ---- steps 3 to 6: claims ---------------------------------------------------------------------------

function issuerFailure(jwt: DecodedJwt, spec: JwtSpec): JwtFailed | undefined {
  if (jwt.iss === spec.issuer) return undefined
  if (jwt.iss === undefined) return failed('issuer-mismatch', `the token has no iss claim (expected ${spec.issuer})`)
  return failed('issuer-mismatch', `issuer ${jwt.iss} is not configured (expected ${spec.issuer})`)
}

function locationFailure(location: TokenLocation, spec: JwtSpec): JwtFailed | undefined {
  if (locationAllowedFor(spec, location)) return undefined
  return failed(
    'location-not-allowed',
    `the token came from ${describeLocation(location)}, but issuer ${spec.issuer} reads only ${describeAllowedLocations(spec)}`,
  )
}

/** Rule 19: valid iff now < exp; a token without exp counts as exp = 0, i.e. expired. */
function expiryFailure(jwt: DecodedJwt, now: number): JwtFailed | undefined {
  if (jwt.exp === undefined) return failed('no-exp', 'the token has no exp claim, so Istio treats it as expired')
  if (now < jwt.exp) return undefined
  return failed('expired', `token expired at ${isoSeconds(jwt.exp)} (exp ${jwt.exp}); request time ${now}`)
}

function isoSeconds(seconds: number): string {
  const date = new Date(seconds * 1000)
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString().replace('.000Z', 'Z')
}

function audienceFailure(jwt: DecodedJwt, spec: JwtSpec): JwtFailed | undefined {
  if (spec.audiences.length === 0) return undefined
  const configured = new Set(spec.audiences.map(sanitizeAudience))
  if (jwt.aud.some((aud) => configured.has(sanitizeAudience(aud)))) return undefined
  const expected = spec.audiences.join(', ')
  if (jwt.aud.length === 0) return failed('audience-mismatch', `the token has no aud claim (expected one of ${expected})`)
  return failed(
    'audience-mismatch',
    `token audience ${jwt.aud.join(', ')} matches none of ${expected} (compared without http:// or https:// and a trailing /)`,
  )
}

/** The proxy compares audiences without a leading http:// or https:// and without one trailing '/'. */
export function sanitizeAudience(aud: string): string {
  const withoutScheme = aud.replace(/^https?:\/\//, '')
  return withoutScheme.endsWith('/') ? withoutScheme.slice(0, -1) : withoutScheme
}

// ---- step 7: key set, key, signature ---------------------------------------------------------------

async function signatureFailure(
  token: string,
  jwt: DecodedJwt,
  spec: JwtSpec,
  keySets: KeySets,
): Promise<JwtFailed | undefined> {
  const source = spec.jwksUri !== undefined ? `jwksUri ${spec.jwksUri}` : 'the inline jwks'
  const jwks = keySetFor(spec, keySets)
  if (jwks === undefined) {
    return failed('no-key-set', spec.jwksUri !== undefined ? `no key set for ${source}` : `issuer ${spec.issuer} has no jwksUri`)
  }
  const candidates = jwks.keys.filter((key) => keyMatches(key, jwt))
  if (candidates.length === 0) {
    return failed('no-matching-key', `no key of ${source} has ${wantedKey(jwt)} (its keys: ${describeKeys(jwks)})`)
  }
  for (const key of candidates) {
    if (await signatureVerifies(token, key, jwt.alg)) return undefined
  }
  return failed('bad-signature', `the signature does not verify with ${describeKeyChoice(candidates)} of ${source}`)
}

function keySetFor(spec: JwtSpec, keySets: KeySets): JwksJson | undefined {
  if (spec.jwksUri !== undefined) return resolveKeySet(spec.jwksUri, keySets)
  return spec.jwks !== undefined ? inlineKeySet(spec.jwks) : undefined
}

const inlineKeySets = new Map<string, JwksJson | undefined>()

/** Istio 1.2+ inline `jwks` (never admitted under 1.0/1.1, handled for completeness). */
function inlineKeySet(text: string): JwksJson | undefined {
  if (!inlineKeySets.has(text)) {
    const parsed = parseJwks(text)
    if (inlineKeySets.size >= MAX_CACHED_TOKENS) inlineKeySets.clear()
    inlineKeySets.set(text, parsed.ok ? parsed.jwks : undefined)
  }
  return inlineKeySets.get(text)
}

/** Proxy rule: kids must be equal when both carry one; a key's alg, if set, must equal the token's. */
function keyMatches(key: JwkJson, jwt: DecodedJwt): boolean {
  const kidOk = jwt.kid === undefined || typeof key.kid !== 'string' || key.kid === jwt.kid
  const algOk = typeof key.alg !== 'string' || key.alg === jwt.alg
  return kidOk && algOk
}

function wantedKey(jwt: DecodedJwt): string {
  return jwt.kid === undefined ? `a key usable with alg ${jwt.alg}` : `kid ${jwt.kid} with alg ${jwt.alg} or no alg`
}

function describeKeys(jwks: JwksJson): string {
  if (jwks.keys.length === 0) return 'none'
  return jwks.keys.map((key) => `kid ${key.kid ?? '(none)'}${key.alg !== undefined ? ` alg ${key.alg}` : ''}`).join(', ')
}

function describeKeyChoice(keys: readonly JwkJson[]): string {
  const [only] = keys
  if (keys.length === 1 && only !== undefined) return `the key kid ${only.kid ?? '(none)'} (kty ${only.kty})`
  return `any of the ${keys.length} matching keys`
}

interface KeyCache {
  imported: Map<SupportedAlg, Promise<CryptoKey | undefined>>
  /** Signature verdicts by `${alg} ${token}`: they never depend on time, so they can be kept. */
  verdicts: Map<string, Promise<boolean>>
}

/** Keyed by the JWK object itself, so a key set replaced by the user drops its entries with it. */
const keyCaches = new WeakMap<JwkJson, KeyCache>()
const MAX_VERDICTS_PER_KEY = 1000

function cacheFor(key: JwkJson): KeyCache {
  let cache = keyCaches.get(key)
  if (cache === undefined) {
    cache = { imported: new Map(), verdicts: new Map() }
    keyCaches.set(key, cache)
  }
  return cache
}

function signatureVerifies(token: string, key: JwkJson, alg: SupportedAlg): Promise<boolean> {
  const { verdicts } = cacheFor(key)
  const id = `${alg} ${token}`
  let verdict = verdicts.get(id)
  if (verdict === undefined) {
    verdict = verifyWithKey(token, key, alg)
    if (verdicts.size >= MAX_VERDICTS_PER_KEY) verdicts.clear()
    verdicts.set(id, verdict)
  }
  return verdict
}

async function verifyWithKey(token: string, key: JwkJson, alg: SupportedAlg): Promise<boolean> {
  const cryptoKey = await importedKey(key, alg)
  if (cryptoKey === undefined) return false
  try {
    await compactVerify(token, cryptoKey, { algorithms: [alg] })
    return true
  } catch {
    return false
  }
}

function importedKey(key: JwkJson, alg: SupportedAlg): Promise<CryptoKey | undefined> {
  const { imported } = cacheFor(key)
  let cryptoKey = imported.get(alg)
  if (cryptoKey === undefined) {
    cryptoKey = importPublicKey(key, alg)
    imported.set(alg, cryptoKey)
  }
  return cryptoKey
}

/**
 * Imports only the public members: `use`, `key_ops` or a private `d` in a pasted set would make
 * WebCrypto refuse a key the proxy happily uses. A key of the wrong type for alg (an EC key for an
 * RS256 token) does not import, which the proxy also reports as a bad signature.
 */
async function importPublicKey(key: JwkJson, alg: SupportedAlg): Promise<CryptoKey | undefined> {
  const members = key.kty === 'RSA' ? ['kty', 'n', 'e'] : key.kty === 'EC' ? ['kty', 'crv', 'x', 'y'] : []
  if (members.length === 0) return undefined
  const publicJwk = Object.fromEntries(members.map((name) => [name, key[name]])) as JWK
  try {
    const imported = await importJWK(publicJwk, alg)
    return imported instanceof Uint8Array ? undefined : imported
  } catch {
    return undefined
  }
}
