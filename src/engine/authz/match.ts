/**
 * M24-M30: how one AuthorizationPolicy rule matches a request. A positive list matches iff a value
 * matches the attribute; a `notX` list iff none does; an absent attribute (no mTLS peer, no valid JWT,
 * missing header, unknown IP) makes positive fields false and `notX` fields true (M24).
 */
import type { AuthzCondition, AuthzOperation, AuthzRule, AuthzSource } from '../security'
import type { ValidJwt } from '../requestauthn/validateToken'
import { matchPathTemplate, matchStarGlob } from './glob'

/** M33: the peer identity of an mTLS connection (principal without `spiffe://`). */
export interface PeerIdentity {
  principal: string
  namespace: string
  serviceAccount: string
  trustDomain: string
}

/** What differs between clients of one column (built once per client row, not per cell). */
export interface ConnectionAttrs {
  peer: PeerIdentity | undefined
  sourceIp: string | undefined
  remoteIp: string | undefined
}

/** What is the same for every client of one column (the request and the server side). */
export interface RequestAttrs {
  method: string
  /** Path without the query string (M25). */
  path: string
  /** `:authority` as curl sends it, port included (M25). */
  host: string
  /** Lower-case names. */
  headers: ReadonlyMap<string, string>
  /** The workload port T (M29). */
  port: number
  jwt: ValidJwt | undefined
  /** 1.21+: requestPrincipals matched on separate iss and sub (M25). */
  splitRequestPrincipal: boolean
  /** 1.22+: `{*}`/`{**}` path templates (M25). */
  pathTemplates: boolean
  /** The namespace of the policy being evaluated (serviceAccounts without `ns/`). Set per policy. */
  policyNamespace: string
  /** Claims split on spaces (M25): scope, permission, plus spaceDelimitedClaims (1.28+). */
  spaceDelimited: ReadonlySet<string>
  /** SNI of Istio mTLS to this port, `outbound_.<P>_._.<host>` (M30); present only with a peer. */
  sni: string
}

export type MatchMode = 'http' | 'tcp'

/** `prefix*` -> `prefix`, `*suffix` -> `suffix`, cached: this runs per grid cell and must not allocate. */
const stems = new Map<string, string>()

function stemOf(pattern: string, leading: boolean): string {
  let stem = stems.get(pattern)
  if (stem === undefined) {
    stem = leading ? pattern.slice(1) : pattern.slice(0, -1)
    if (stems.size > 10_000) stems.clear()
    stems.set(pattern, stem)
  }
  return stem
}

/** M25 general syntax: exact, `prefix*`, `*suffix`, `*` = present and non-empty. */
export function matchValue(pattern: string, value: string): boolean {
  if (pattern === '*') return value !== ''
  const last = pattern.length - 1
  if (pattern.charCodeAt(0) === 42) return value.endsWith(stemOf(pattern, true))
  if (pattern.charCodeAt(last) === 42) return value.startsWith(stemOf(pattern, false))
  return pattern === value
}

type Matcher = 0 | 1 | 2 | 3 | 4
const GENERAL: Matcher = 0
const NAMESPACE: Matcher = 1
const IP: Matcher = 2
const HOST: Matcher = 3
const PATH: Matcher = 4

/** One pattern against one value by the field's matcher (no closures: this runs per grid cell). */
function matchOne(kind: Matcher, p: string, v: string, templates: boolean): boolean {
  switch (kind) {
    case GENERAL:
      return matchValue(p, v)
    case NAMESPACE:
      return matchNamespace(p, v)
    case IP:
      return matchIpBlock(p, v)
    case HOST:
      return matchValue(p.toLowerCase(), v)
    default:
      return matchPath(p, v, templates)
  }
}

function anyOf(patterns: readonly string[], value: string | undefined, kind: Matcher, templates = false): boolean {
  if (value === undefined) return false
  for (let i = 0; i < patterns.length; i++) if (matchOne(kind, patterns[i] as string, value, templates)) return true
  return false
}

/** Positive field: absent list = no constraint; absent attribute = no match. */
function pos(patterns: readonly string[] | undefined, value: string | undefined, kind: Matcher = GENERAL, templates = false): boolean {
  return patterns === undefined || anyOf(patterns, value, kind, templates)
}

/** `notX` field: absent attribute = match. */
function neg(patterns: readonly string[] | undefined, value: string | undefined, kind: Matcher = GENERAL, templates = false): boolean {
  return patterns === undefined || !anyOf(patterns, value, kind, templates)
}

/** `namespaces`: Istio builds the regex ".*" + "/ns/<v>/" + ".*", a `*` inside `v` meaning any (M25). */
function matchNamespace(pattern: string, ns: string): boolean {
  return matchStarGlob(pattern, ns)
}

function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text)
  if (!m) return undefined
  const parts = m.slice(1).map(Number)
  if (parts.some((p) => p > 255)) return undefined
  return (((parts[0] as number) << 24) | ((parts[1] as number) << 16) | ((parts[2] as number) << 8) | (parts[3] as number)) >>> 0
}

/** `ipBlocks` entries: an IP or a CIDR range (IPv4; IPv6 compared as written). */
export function matchIpBlock(block: string, ip: string): boolean {
  const [base = '', bitsText] = block.split('/')
  const a = ipv4(base)
  const b = ipv4(ip)
  if (a === undefined || b === undefined) return block === ip || base === ip
  const bits = bitsText === undefined ? 32 : Number(bitsText)
  if (bits === 0) return true
  const mask = bits >= 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0
  return (a & mask) === (b & mask)
}

function matchPath(pattern: string, path: string, templates: boolean): boolean {
  if (templates && pattern.includes('{')) return matchPathTemplate(pattern, path)
  return matchValue(pattern, path)
}

/** M25 requestPrincipals: 1.21+ split at the last `/` into iss and sub, each matched; before, the whole string. */
function matchRequestPrincipal(pattern: string, jwt: ValidJwt, split: boolean): boolean {
  if (jwt.principal === undefined) return false
  if (!split) return matchValue(pattern, jwt.principal)
  if (pattern === '*') return true
  const slash = pattern.lastIndexOf('/')
  if (slash < 0) return matchValue(pattern, jwt.principal)
  return matchValue(pattern.slice(0, slash), jwt.iss ?? '') && matchValue(pattern.slice(slash + 1), jwt.sub ?? '')
}

function requestPrincipalsField(patterns: readonly string[] | undefined, req: RequestAttrs, negate: boolean): boolean {
  if (patterns === undefined) return true
  const jwt = req.jwt
  const any = jwt !== undefined && patterns.some((p) => matchRequestPrincipal(p, jwt, req.splitRequestPrincipal))
  return negate ? !any : any
}

function serviceAccountMatches(pattern: string, peer: PeerIdentity, policyNamespace: string): boolean {
  const full = pattern.includes('/') ? pattern : `${policyNamespace}/${pattern}`
  return full === `${peer.namespace}/${peer.serviceAccount}`
}

function serviceAccountIn(patterns: readonly string[], peer: PeerIdentity, policyNamespace: string): boolean {
  for (const p of patterns) if (serviceAccountMatches(p, peer, policyNamespace)) return true
  return false
}

/** Only the fields the source sets are checked (the normaliser leaves unset fields out). */
function sourceMatches(s: AuthzSource, c: ConnectionAttrs, r: RequestAttrs, mode: MatchMode): boolean {
  const peer = c.peer
  for (const key in s) {
    const list = s[key as keyof AuthzSource]
    if (list === undefined) continue
    switch (key) {
      case 'principals':
        if (!anyOf(list, peer?.principal, GENERAL)) return false
        break
      case 'notPrincipals':
        if (anyOf(list, peer?.principal, GENERAL)) return false
        break
      case 'namespaces':
        if (!anyOf(list, peer?.namespace, NAMESPACE)) return false
        break
      case 'notNamespaces':
        if (anyOf(list, peer?.namespace, NAMESPACE)) return false
        break
      case 'serviceAccounts':
        if (peer === undefined || !serviceAccountIn(list, peer, r.policyNamespace)) return false
        break
      case 'notServiceAccounts':
        if (peer !== undefined && serviceAccountIn(list, peer, r.policyNamespace)) return false
        break
      case 'trustDomains':
        if (!anyOf(list, peer?.trustDomain, GENERAL)) return false
        break
      case 'notTrustDomains':
        if (anyOf(list, peer?.trustDomain, GENERAL)) return false
        break
      case 'ipBlocks':
        if (!anyOf(list, c.sourceIp, IP)) return false
        break
      case 'notIpBlocks':
        if (anyOf(list, c.sourceIp, IP)) return false
        break
      case 'remoteIpBlocks':
        if (!anyOf(list, c.remoteIp, IP)) return false
        break
      case 'notRemoteIpBlocks':
        if (anyOf(list, c.remoteIp, IP)) return false
        break
      case 'requestPrincipals':
        // HTTP-only: removed on TCP ports (M31).
        if (mode === 'http' && !requestPrincipalsField(list, r, false)) return false
        break
      case 'notRequestPrincipals':
        if (mode === 'http' && !requestPrincipalsField(list, r, true)) return false
        break
    }
  }
  return true
}

export function operationMatches(o: AuthzOperation, r: RequestAttrs, mode: MatchMode): boolean {
  const port = String(r.port)
  if (o.ports !== undefined && !o.ports.includes(port)) return false
  if (o.notPorts !== undefined && o.notPorts.includes(port)) return false
  if (mode === 'tcp') return true // hosts, methods, paths are HTTP-only (M31)
  const host = r.host.toLowerCase()
  if (!pos(o.hosts, host, HOST) || !neg(o.notHosts, host, HOST)) return false
  if (!pos(o.methods, r.method) || !neg(o.notMethods, r.method)) return false
  return pos(o.paths, r.path, PATH, r.pathTemplates) && neg(o.notPaths, r.path, PATH, r.pathTemplates)
}

/** Keys whose value depends on the connection (differs between clients of one column). */
export function isConnectionKey(key: string): boolean {
  return key.startsWith('source.') || key === 'remote.ip' || key === 'connection.sni'
}

/** Keys only an HTTP port has (M30, M31). */
export function isHttpOnlyKey(key: string): boolean {
  return key.startsWith('request.')
}

function claimValues(req: RequestAttrs, path: readonly string[]): string[] | undefined {
  if (!req.jwt || path.length === 0) return undefined
  let node: unknown = req.jwt.claims
  for (const step of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined
    node = (node as Record<string, unknown>)[step]
  }
  const top = path.length === 1 ? path[0] : undefined
  if (typeof node === 'string') return top !== undefined && req.spaceDelimited.has(top) ? node.split(' ').filter((s) => s !== '') : [node]
  if (typeof node === 'number' || typeof node === 'boolean') return [String(node)]
  if (Array.isArray(node)) return node.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').map(String)
  return undefined
}

function bracketed(key: string, prefix: string): string[] | undefined {
  if (!key.startsWith(prefix)) return undefined
  const rest = key.slice(prefix.length)
  const parts = [...rest.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] as string)
  return parts.length > 0 ? parts : undefined
}

/** The values of a `when` key; undefined = absent attribute (M24); destination.ip is not modelled. */
export function conditionValues(key: string, c: ConnectionAttrs, r: RequestAttrs): string[] | undefined {
  const one = (v: string | undefined) => (v === undefined ? undefined : [v])
  switch (key) {
    case 'source.ip':
      return one(c.sourceIp)
    case 'remote.ip':
      return one(c.remoteIp)
    case 'source.namespace':
      return one(c.peer?.namespace)
    case 'source.principal':
      return one(c.peer?.principal)
    case 'source.serviceAccount':
      return one(c.peer ? `${c.peer.namespace}/${c.peer.serviceAccount}` : undefined)
    case 'source.trustDomain':
      return one(c.peer?.trustDomain)
    case 'connection.sni':
      return one(c.peer ? r.sni : undefined)
    case 'destination.port':
      return [String(r.port)]
    case 'request.auth.principal':
      return one(r.jwt?.principal)
    case 'request.auth.audiences':
      return r.jwt ? r.jwt.audiences : undefined
    case 'request.auth.presenter':
      return one(r.jwt?.presenter)
  }
  const header = bracketed(key, 'request.headers')
  if (header) return one(r.headers.get((header[0] as string).toLowerCase()))
  const claim = bracketed(key, 'request.auth.claims')
  if (claim) return claimValues(r, claim)
  return undefined
}

function conditionValueMatches(key: string, pattern: string, value: string): boolean {
  if (key === 'source.ip' || key === 'remote.ip') return matchIpBlock(pattern, value)
  return matchValue(pattern, value)
}

function conditionHit(key: string, patterns: readonly string[], values: readonly string[] | undefined): boolean {
  if (values === undefined) return false
  for (const p of patterns) for (const v of values) if (conditionValueMatches(key, p, v)) return true
  return false
}

export function conditionMatches(w: AuthzCondition, c: ConnectionAttrs, r: RequestAttrs): boolean {
  const values = conditionValues(w.key, c, r)
  if (w.values !== undefined && !conditionHit(w.key, w.values, values)) return false
  return w.notValues === undefined || !conditionHit(w.key, w.notValues, values)
}

/** M24: a rule matches iff (no from or any source) and (no to or any operation) and every condition. Loops, not closures: per-cell hot path. */
export function ruleMatches(rule: AuthzRule, c: ConnectionAttrs, r: RequestAttrs, mode: MatchMode): boolean {
  const from = rule.from
  if (from !== undefined) {
    let any = false
    for (let i = 0; i < from.length && !any; i++) any = sourceMatches(from[i] as AuthzSource, c, r, mode)
    if (!any) return false
  }
  const to = rule.to
  if (to !== undefined) {
    let any = false
    for (let i = 0; i < to.length && !any; i++) any = operationMatches(to[i] as AuthzOperation, r, mode)
    if (!any) return false
  }
  const when = rule.when
  if (when !== undefined) {
    for (let i = 0; i < when.length; i++) {
      const w = when[i] as AuthzCondition
      if (mode === 'tcp' && isHttpOnlyKey(w.key)) continue
      if (!conditionMatches(w, c, r)) return false
    }
  }
  return true
}

/** M31: does the rule use an attribute a TCP port cannot evaluate? */
export function usesHttpOnly(rule: AuthzRule): boolean {
  const src = rule.from?.some((s) => s.requestPrincipals !== undefined || s.notRequestPrincipals !== undefined) ?? false
  const op = rule.to?.some((o) => o.hosts !== undefined || o.notHosts !== undefined || o.methods !== undefined || o.notMethods !== undefined || o.paths !== undefined || o.notPaths !== undefined) ?? false
  const cond = rule.when?.some((w) => isHttpOnlyKey(w.key)) ?? false
  return src || op || cond
}

/** Does matching this rule depend on who the client is (peer identity, IPs, SNI)? */
export function dependsOnConnection(rule: AuthzRule): boolean {
  if (rule.when?.some((w) => isConnectionKey(w.key))) return true
  return rule.from?.some(readsPeerOrAddress) ?? false
}

/** A source field other than requestPrincipals (for..in: no key array per source). */
function readsPeerOrAddress(s: AuthzSource): boolean {
  for (const k in s) if (k !== 'requestPrincipals' && k !== 'notRequestPrincipals') return true
  return false
}
