/**
 * M16: where the JWT filter looks for tokens. Every configured location of every rule is read; a rule
 * without locations uses `Authorization: Bearer <t>` and `?access_token=<t>`. A header value without
 * the configured prefix (case-sensitive) yields no token. Each token remembers the rules that declared
 * its location, because its issuer must be one of theirs (M17 step 2).
 */
import { parseQueryParameters } from '../jwt/extractToken'
import type { JwtRule } from '../security'
import type { RequestProfile } from '../types'

export type ModernTokenLocation =
  | { kind: 'header'; name: string; prefix: string }
  | { kind: 'param'; name: string }
  | { kind: 'cookie'; name: string }

export interface FoundToken {
  token: string
  location: ModernTokenLocation
  /** Indexes (into the rule list) of the rules that read this location. */
  rules: number[]
}

const DEFAULT_HEADER = { name: 'authorization', prefix: 'Bearer ' }
const DEFAULT_PARAM = 'access_token'

export function usesDefaultLocations(rule: JwtRule): boolean {
  return rule.fromHeaders.length === 0 && rule.fromParams.length === 0 && rule.fromCookies.length === 0
}

export function describeModernLocation(l: ModernTokenLocation): string {
  if (l.kind === 'header') return l.prefix ? `header ${l.name} (prefix "${l.prefix}")` : `header ${l.name}`
  if (l.kind === 'param') return `query parameter ${l.name}`
  return `cookie ${l.name}`
}

function lowerHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(headers)) if (!out.has(k.toLowerCase())) out.set(k.toLowerCase(), v)
  return out
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  if (!header) return out
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim())
  }
  return out
}

/** All tokens the request carries at the locations `rules` read, in the order headers, params, cookies. */
export function extractTokens(rules: readonly JwtRule[], request: Pick<RequestProfile, 'path' | 'headers'>): FoundToken[] {
  const headers = lowerHeaders(request.headers)
  const params = parseQueryParameters(request.path)
  const cookies = parseCookies(headers.get('cookie'))
  const found = new Map<string, FoundToken>()
  const add = (key: string, token: string, location: ModernTokenLocation, rule: number) => {
    const existing = found.get(key)
    if (existing) {
      if (!existing.rules.includes(rule)) existing.rules.push(rule)
    } else found.set(key, { token, location, rules: [rule] })
  }
  const headerLocations: [number, { name: string; prefix: string }][] = []
  const paramLocations: [number, string][] = []
  const cookieLocations: [number, string][] = []
  rules.forEach((rule, i) => {
    if (usesDefaultLocations(rule)) {
      headerLocations.push([i, DEFAULT_HEADER])
      paramLocations.push([i, DEFAULT_PARAM])
      return
    }
    for (const h of rule.fromHeaders) headerLocations.push([i, { name: h.name.toLowerCase(), prefix: h.prefix }])
    for (const p of rule.fromParams) paramLocations.push([i, p])
    for (const c of rule.fromCookies) cookieLocations.push([i, c])
  })
  for (const [i, h] of headerLocations) {
    const value = headers.get(h.name)
    if (value === undefined || !value.startsWith(h.prefix)) continue
    const token = value.slice(h.prefix.length).trim()
    if (token !== '') add(`h:${h.name}:${h.prefix}`, token, { kind: 'header', name: h.name, prefix: h.prefix }, i)
  }
  for (const [i, name] of paramLocations) {
    const value = params.get(name)
    if (value !== undefined && value !== '') add(`p:${name}`, value, { kind: 'param', name }, i)
  }
  for (const [i, name] of cookieLocations) {
    const value = cookies.get(name)
    if (value !== undefined && value !== '') add(`c:${name}`, value, { kind: 'cookie', name }, i)
  }
  return [...found.values()]
}
