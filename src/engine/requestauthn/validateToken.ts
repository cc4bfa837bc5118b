/**
 * M17-M20: the JWT filter's verdict on a request for the union of the RequestAuthentication rules of
 * one workload. Checks per token in Envoy's order (format, issuer, time, audience, signature); the first
 * failure decides: 401, except a wrong audience, 403. No token: nothing to reject (M15). Time is an
 * argument; jose is used only for the signature, never for claims.
 */
import { compactVerify, importJWK } from 'jose'
import type { JWK } from 'jose'
import { decodeBase64Url, sanitizeAudience } from '../jwt/verifyToken'
import { parseJwks, resolveKeySet, type JwkJson, type JwksJson, type KeySets } from '../jwt/keySets'
import type { JwtRule } from '../security'
import type { RequestProfile } from '../types'
import { describeModernLocation, extractTokens, type ModernTokenLocation } from './extractTokens'

export interface ValidJwt {
  iss: string | undefined
  sub: string | undefined
  /** M20: `<iss>/<sub>` only when both claims exist. */
  principal: string | undefined
  audiences: string[]
  presenter: string | undefined
  claims: Readonly<Record<string, unknown>>
}

export type JwtVerdict =
  | { kind: 'none'; text: string }
  | { kind: 'valid'; jwt: ValidJwt; location: ModernTokenLocation; forwarded: boolean; text: string; multiple: boolean }
  | { kind: 'invalid'; code: '401' | '403'; message: string; text: string }

export interface JwtSettings {
  now: number
  /** M18: 60 from 1.9, else 0. */
  clockSkew: number
}

interface Decoded {
  alg: string
  kid: string | undefined
  claims: Record<string, unknown>
}

const FORMAT = 'Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections'

function jsonPart(part: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Url(part)
  if (!bytes || bytes.length === 0) return undefined
  try {
    const v: unknown = JSON.parse(new TextDecoder().decode(bytes))
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** M17 step 1. */
export function decodeModernJwt(token: string): Decoded | string {
  const parts = token.split('.')
  if (parts.length !== 3) return FORMAT
  const header = jsonPart(parts[0] as string)
  if (!header) return 'Jwt header is an invalid JSON'
  if (typeof header.alg !== 'string') return 'Jwt header [alg] field is required and must be a string'
  const claims = jsonPart(parts[1] as string)
  if (!claims) return 'Jwt payload is an invalid JSON'
  return { alg: header.alg, kid: typeof header.kid === 'string' && header.kid !== '' ? header.kid : undefined, claims }
}

function audiencesOf(claims: Record<string, unknown>): string[] {
  const aud = claims.aud
  if (typeof aud === 'string') return [aud]
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : []
}

/** M19: inline jwks wins; else jwksUri (user key sets, then the bundled Istio sample); else unreachable. */
function keySetOf(rule: JwtRule, keySets: KeySets): JwksJson | undefined {
  if (rule.jwks !== undefined) {
    const parsed = parseJwks(rule.jwks)
    return parsed.ok ? parsed.jwks : undefined
  }
  if (rule.jwksUri !== undefined) return resolveKeySet(rule.jwksUri, keySets)
  return undefined
}

const verdicts = new Map<string, Promise<boolean>>()

async function verifies(token: string, key: JwkJson, alg: string): Promise<boolean> {
  const id = `${JSON.stringify(key)} ${token}`
  let v = verdicts.get(id)
  if (!v) {
    v = (async () => {
      try {
        const imported = await importJWK(publicPart(key) as JWK, alg)
        await compactVerify(token, imported, { algorithms: [alg] })
        return true
      } catch {
        return false
      }
    })()
    if (verdicts.size > 2000) verdicts.clear()
    verdicts.set(id, v)
  }
  return v
}

/** WebCrypto refuses keys with `use`/`key_ops` mismatches the proxy ignores: keep the key material only. */
function publicPart(key: JwkJson): Record<string, unknown> {
  const members: Record<string, readonly string[]> = { RSA: ['kty', 'n', 'e'], EC: ['kty', 'crv', 'x', 'y'], OKP: ['kty', 'crv', 'x'], oct: ['kty', 'k'] }
  const names = members[key.kty] ?? Object.keys(key)
  return Object.fromEntries(names.map((n) => [n, key[n]]))
}

type TokenResult = { ok: true; jwt: ValidJwt; rule: JwtRule } | { ok: false; code: '401' | '403'; message: string; detail: string }

async function checkToken(token: string, candidates: readonly JwtRule[], keySets: KeySets, s: JwtSettings): Promise<TokenResult> {
  const decoded = decodeModernJwt(token)
  if (typeof decoded === 'string') return { ok: false, code: '401', message: decoded, detail: 'the token is not a well-formed JWT (M17 step 1)' }
  const { claims } = decoded
  const iss = typeof claims.iss === 'string' ? claims.iss : undefined
  const rule = candidates.find((r) => r.issuer === undefined || r.issuer === iss)
  if (!rule) {
    return { ok: false, code: '401', message: 'Jwt issuer is not configured', detail: `issuer ${iss ?? '(none)'} is not an issuer configured for this location (configured: ${candidates.map((r) => r.issuer ?? '(any)').join(', ')}) (M17 step 2)` }
  }
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined
  const nbf = typeof claims.nbf === 'number' ? claims.nbf : undefined
  if (exp !== undefined && !(s.now < exp + s.clockSkew)) {
    return { ok: false, code: '401', message: 'Jwt is expired', detail: `exp ${exp}${s.clockSkew ? ` + ${s.clockSkew} s clock skew` : ''} is not after the request time ${s.now} (M17 step 3, M18)` }
  }
  if (nbf !== undefined && !(s.now + s.clockSkew >= nbf)) {
    return { ok: false, code: '401', message: 'Jwt not yet valid', detail: `nbf ${nbf} is after the request time ${s.now}${s.clockSkew ? ` + ${s.clockSkew} s clock skew` : ''} (M17 step 3, M18)` }
  }
  const aud = audiencesOf(claims)
  if (rule.audiences.length > 0) {
    const allowed = new Set(rule.audiences.map(sanitizeAudience))
    if (!aud.some((a) => allowed.has(sanitizeAudience(a)))) {
      return { ok: false, code: '403', message: 'Audiences in Jwt are not allowed', detail: `token audiences [${aud.join(', ')}] match none of [${rule.audiences.join(', ')}]: 403, not 401 (M17 step 4)` }
    }
  }
  const jwks = keySetOf(rule, keySets)
  if (!jwks) {
    return { ok: false, code: '401', message: 'Jwks doesn\'t have key to match kid or alg from Jwt', detail: `no key set could be resolved for issuer ${rule.issuer ?? '(any)'} (${rule.jwksUri ?? 'no jwksUri: OpenID discovery is not possible offline'}): istiod inlines a key set no token verifies against (M19)` }
  }
  const keys = jwks.keys.filter((k) => (decoded.kid === undefined || typeof k.kid !== 'string' || k.kid === decoded.kid) && (typeof k.alg !== 'string' || k.alg === decoded.alg))
  if (keys.length === 0) return { ok: false, code: '401', message: 'Jwks doesn\'t have key to match kid or alg from Jwt', detail: `no key of the set has kid ${decoded.kid ?? '(any)'} and alg ${decoded.alg} (M17 step 5)` }
  for (const key of keys) {
    if (await verifies(token, key, decoded.alg)) {
      const sub = typeof claims.sub === 'string' ? claims.sub : undefined
      return {
        ok: true,
        rule,
        jwt: {
          iss,
          sub,
          principal: iss !== undefined && sub !== undefined ? `${iss}/${sub}` : undefined,
          audiences: aud,
          presenter: typeof claims.azp === 'string' ? claims.azp : undefined,
          claims,
        },
      }
    }
  }
  return { ok: false, code: '401', message: 'Jwt verification fails', detail: 'the signature does not verify with the issuer\'s keys (M17 step 5)' }
}

/** M15-M20 for one workload's rules (already unioned by M15) and one request. */
export async function judgeRequestJwt(rules: readonly JwtRule[], request: Pick<RequestProfile, 'path' | 'headers'>, keySets: KeySets, s: JwtSettings): Promise<JwtVerdict> {
  if (rules.length === 0) return { kind: 'none', text: 'no RequestAuthentication applies: the token, if any, is not validated and not read (M15, M27)' }
  const tokens = extractTokens(rules, request)
  if (tokens.length === 0) return { kind: 'none', text: 'the request carries no token at any configured location: RequestAuthentication lets it pass (M15, M16)' }
  const results = await Promise.all(tokens.map((t) => checkToken(t.token, t.rules.map((i) => rules[i] as JwtRule), keySets, s)))
  const failure = results.findIndex((r) => !r.ok)
  if (failure >= 0) {
    const r = results[failure] as Extract<TokenResult, { ok: false }>
    const where = describeModernLocation((tokens[failure] as (typeof tokens)[number]).location)
    return { kind: 'invalid', code: r.code, message: r.message, text: `the token in ${where} is rejected: ${r.detail}: ${r.code} "${r.message}"` }
  }
  const first = results[0] as Extract<TokenResult, { ok: true }>
  const location = (tokens[0] as (typeof tokens)[number]).location
  const multiple = tokens.length > 1
  const who = first.jwt.principal ? `request principal ${first.jwt.principal}` : 'no request principal (the token lacks iss or sub, M20)'
  return {
    kind: 'valid',
    jwt: first.jwt,
    location,
    forwarded: first.rule.forwardOriginalToken,
    multiple,
    text: `the token in ${describeModernLocation(location)} is valid for issuer ${first.jwt.iss ?? '(none)'}: ${who}${multiple ? `; ${tokens.length} tokens found, the first location's principal is used (M16, undefined in Istio)` : ''} (M17, M20)`,
  }
}
