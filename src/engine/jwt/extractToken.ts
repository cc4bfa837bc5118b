/**
 * Rule 17's token extraction. The proxy's JWT filter collects token locations from every JWT spec of
 * the policy (origins and jwt peers), takes only the first token it finds, and remembers where it came
 * from: an issuer accepts a token only from a location its own spec names (section 6.1 item 1).
 */
import type { JwtSpec } from '../istio'
import type { RequestProfile } from '../types'

export type TokenLocation =
  /** `Authorization: Bearer <token>`, read only when some spec uses the default locations. */
  | { kind: 'authorization' }
  /** A header named in some spec's `jwtHeaders` (name in lower case); the raw value is the token. */
  | { kind: 'header'; name: string }
  /** A query parameter: some spec's `jwtParams`, or `access_token` for the default locations. */
  | { kind: 'query'; name: string }

export interface ExtractedToken {
  token: string
  location: TokenLocation
}

export type TokenRequest = Pick<RequestProfile, 'path' | 'headers'>

const DEFAULT_QUERY_PARAMETER = 'access_token'

/** A spec that names neither headers nor parameters reads `Authorization: Bearer` and `?access_token`. */
export function usesDefaultLocations(spec: Pick<JwtSpec, 'jwtHeaders' | 'jwtParams'>): boolean {
  return spec.jwtHeaders.length === 0 && spec.jwtParams.length === 0
}

/**
 * The one token the proxy would use for this request, or undefined. Order: the Authorization header
 * (prefix `Bearer `, compared case-insensitively) when some spec uses the defaults; then configured
 * headers; then query parameters. Within headers and within parameters the proxy keeps names in a
 * sorted map, so they are tried in alphabetical order, not in configuration order.
 *
 * @example
 * extractToken([spec], { path: '/ip', headers: { authorization: 'bearer abc' } })
 * // { token: 'abc', location: { kind: 'authorization' } }
 */
export function extractToken(specs: readonly JwtSpec[], request: TokenRequest): ExtractedToken | undefined {
  const headers = lowerCaseHeaderNames(request.headers)
  return (
    fromAuthorization(specs, headers) ?? fromConfiguredHeaders(specs, headers) ?? fromQuery(specs, request.path)
  )
}

/** Whether `spec` accepts a token found at `location` (rule 17). */
export function locationAllowedFor(spec: JwtSpec, location: TokenLocation): boolean {
  switch (location.kind) {
    case 'authorization':
      return usesDefaultLocations(spec)
    case 'header':
      return spec.jwtHeaders.some((name) => name.toLowerCase() === location.name)
    case 'query':
      return (
        spec.jwtParams.includes(location.name) ||
        (location.name === DEFAULT_QUERY_PARAMETER && usesDefaultLocations(spec))
      )
  }
}

/** Words for the UI, e.g. "the Authorization: Bearer header". */
export function describeLocation(location: TokenLocation): string {
  switch (location.kind) {
    case 'authorization':
      return 'the Authorization: Bearer header'
    case 'header':
      return `header ${location.name}`
    case 'query':
      return `query parameter ${location.name}`
  }
}

/** Every location `spec` reads, in words, e.g. "the Authorization: Bearer header or query parameter access_token". */
export function describeAllowedLocations(spec: JwtSpec): string {
  return allowedLocations(spec).map(describeLocation).join(' or ')
}

function allowedLocations(spec: JwtSpec): TokenLocation[] {
  if (usesDefaultLocations(spec)) {
    return [{ kind: 'authorization' }, { kind: 'query', name: DEFAULT_QUERY_PARAMETER }]
  }
  return [
    ...spec.jwtHeaders.map((name): TokenLocation => ({ kind: 'header', name: name.toLowerCase() })),
    ...spec.jwtParams.map((name): TokenLocation => ({ kind: 'query', name })),
  ]
}

const BEARER_PREFIX = 'bearer '

function fromAuthorization(specs: readonly JwtSpec[], headers: Map<string, string>): ExtractedToken | undefined {
  if (!specs.some(usesDefaultLocations)) return undefined
  const value = headers.get('authorization')
  if (value === undefined || value.slice(0, BEARER_PREFIX.length).toLowerCase() !== BEARER_PREFIX) return undefined
  return { token: value.slice(BEARER_PREFIX.length), location: { kind: 'authorization' } }
}

function fromConfiguredHeaders(specs: readonly JwtSpec[], headers: Map<string, string>): ExtractedToken | undefined {
  const names = sortedUnique(specs.flatMap((spec) => spec.jwtHeaders.map((name) => name.toLowerCase())))
  for (const name of names) {
    const value = headers.get(name)
    if (value !== undefined) return { token: value, location: { kind: 'header', name } }
  }
  return undefined
}

function fromQuery(specs: readonly JwtSpec[], path: string): ExtractedToken | undefined {
  const names = sortedUnique(
    specs.flatMap((spec) => (usesDefaultLocations(spec) ? [DEFAULT_QUERY_PARAMETER] : spec.jwtParams)),
  )
  if (names.length === 0) return undefined
  const params = parseQueryParameters(path)
  for (const name of names) {
    const value = params.get(name)
    if (value !== undefined) return { token: value, location: { kind: 'query', name } }
  }
  return undefined
}

/**
 * Query parameters as Envoy's parser of the time reads them: split on `&` and the first `=`, no
 * percent-decoding, the first occurrence of a name wins, a name without `=` has the empty value.
 */
export function parseQueryParameters(path: string): Map<string, string> {
  const params = new Map<string, string>()
  const question = path.indexOf('?')
  if (question < 0) return params
  for (const pair of path.slice(question + 1).split('&')) {
    if (pair === '') continue
    const equals = pair.indexOf('=')
    const name = equals < 0 ? pair : pair.slice(0, equals)
    if (!params.has(name)) params.set(name, equals < 0 ? '' : pair.slice(equals + 1))
  }
  return params
}

/** Header names are case-insensitive; when two spellings are present the first one written wins. */
function lowerCaseHeaderNames(headers: Readonly<Record<string, string>>): Map<string, string> {
  const byName = new Map<string, string>()
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (!byName.has(lower)) byName.set(lower, value)
  }
  return byName
}

function sortedUnique(names: readonly string[]): string[] {
  return [...new Set(names)].sort()
}
