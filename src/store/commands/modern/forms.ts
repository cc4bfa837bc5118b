/**
 * Form models of the three modern kinds: read an object into plain lists the inspector edits, write
 * the edited form back into the object (fields the form does not show are kept as they were).
 */
import type { KubeObject } from '../../../engine'
import { asArray, asRecord, asString, clone, specOf, type Json } from '../objects'
import { OPERATION_FIELDS, SOURCE_FIELDS, type AuthzActionName, type OperationField, type SourceField } from './fieldsByProfile'
import { selectorOf } from './scope'

export type PeerMode = 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT'
export const PEER_MODES: readonly PeerMode[] = ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT']

const strings = (v: unknown): string[] => asArray(v).map(asString)

/** `app=httpbin, version=v1` <-> `{app: httpbin, version: v1}`. */
export function selectorText(selector: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')
}

export function parseSelectorText(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  for (const part of text.split(',')) {
    const p = part.trim()
    if (p === '') continue
    const eq = p.indexOf('=')
    if (eq <= 0) return undefined
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim()
  }
  return out
}

function withSelector(spec: Json, selector: Record<string, string> | undefined): Json {
  const next = { ...spec }
  if (selector && Object.keys(selector).length > 0) next.selector = { ...asRecord(spec.selector), matchLabels: selector }
  else delete next.selector
  return next
}

// PeerAuthentication

export interface PeerAuthForm {
  selector: Record<string, string> | undefined
  mode: PeerMode
  portLevel: { port: string; mode: PeerMode }[]
}

function peerMode(value: unknown): PeerMode {
  const m = asString(asRecord(value).mode)
  return (PEER_MODES as readonly string[]).includes(m) ? (m as PeerMode) : 'UNSET'
}

export function readPeerAuthForm(object: KubeObject): PeerAuthForm {
  const spec = specOf(object)
  return {
    selector: selectorOf(object),
    mode: peerMode(spec.mtls),
    portLevel: Object.entries(asRecord(spec.portLevelMtls)).map(([port, v]) => ({ port, mode: peerMode(v) })),
  }
}

export function writePeerAuthForm(object: KubeObject, form: PeerAuthForm): KubeObject {
  const spec = withSelector(clone(specOf(object)), form.selector)
  if (form.mode === 'UNSET') delete spec.mtls
  else spec.mtls = { ...asRecord(spec.mtls), mode: form.mode }
  const entries = form.portLevel.filter((p) => p.port.trim() !== '')
  if (entries.length > 0) spec.portLevelMtls = Object.fromEntries(entries.map((p) => [p.port.trim(), { mode: p.mode }]))
  else delete spec.portLevelMtls
  return { ...clone(object), spec }
}

// RequestAuthentication

export interface JwtRuleForm {
  issuer: string
  jwksUri: string
  jwks: string
  audiences: string[]
  fromHeaders: { name: string; prefix: string }[]
  fromParams: string[]
  fromCookies: string[]
  forwardOriginalToken: boolean
  /** Fields the form does not show, kept as written. */
  rest: Json
}

export interface RequestAuthForm {
  selector: Record<string, string> | undefined
  rules: JwtRuleForm[]
}

const JWT_SHOWN = ['issuer', 'jwksUri', 'jwks', 'audiences', 'fromHeaders', 'fromParams', 'fromCookies', 'forwardOriginalToken']

export function emptyJwtRule(): JwtRuleForm {
  return { issuer: '', jwksUri: '', jwks: '', audiences: [], fromHeaders: [], fromParams: [], fromCookies: [], forwardOriginalToken: false, rest: {} }
}

function readJwtRule(value: unknown): JwtRuleForm {
  const r = asRecord(value)
  const rest = Object.fromEntries(Object.entries(r).filter(([k]) => !JWT_SHOWN.includes(k)))
  return {
    issuer: asString(r.issuer),
    jwksUri: asString(r.jwksUri),
    jwks: asString(r.jwks),
    audiences: strings(r.audiences),
    fromHeaders: asArray(r.fromHeaders).map((h) => ({ name: asString(asRecord(h).name), prefix: asString(asRecord(h).prefix) })),
    fromParams: strings(r.fromParams),
    fromCookies: strings(r.fromCookies),
    forwardOriginalToken: r.forwardOriginalToken === true,
    rest,
  }
}

function writeJwtRule(form: JwtRuleForm): Json {
  const out: Json = {}
  if (form.issuer) out.issuer = form.issuer
  if (form.audiences.length > 0) out.audiences = form.audiences
  if (form.jwksUri) out.jwksUri = form.jwksUri
  if (form.jwks) out.jwks = form.jwks
  if (form.fromHeaders.length > 0) out.fromHeaders = form.fromHeaders.map((h) => (h.prefix ? { name: h.name, prefix: h.prefix } : { name: h.name }))
  if (form.fromParams.length > 0) out.fromParams = form.fromParams
  if (form.fromCookies.length > 0) out.fromCookies = form.fromCookies
  if (form.forwardOriginalToken) out.forwardOriginalToken = true
  return { ...out, ...clone(form.rest) }
}

export function readRequestAuthForm(object: KubeObject): RequestAuthForm {
  return { selector: selectorOf(object), rules: asArray(specOf(object).jwtRules).map(readJwtRule) }
}

export function writeRequestAuthForm(object: KubeObject, form: RequestAuthForm): KubeObject {
  const spec = withSelector(clone(specOf(object)), form.selector)
  if (form.rules.length > 0) spec.jwtRules = form.rules.map(writeJwtRule)
  else delete spec.jwtRules
  return { ...clone(object), spec }
}

// AuthorizationPolicy

export type SourceForm = Partial<Record<SourceField, string[]>>
export type OperationForm = Partial<Record<OperationField, string[]>>

export interface ConditionForm {
  key: string
  values: string[]
  notValues: string[]
}

export interface AuthzRuleForm {
  /** undefined: no `from` (any source); otherwise the `from[].source` entries. */
  from: SourceForm[] | undefined
  to: OperationForm[] | undefined
  when: ConditionForm[]
}

export interface AuthzForm {
  selector: Record<string, string> | undefined
  action: AuthzActionName
  provider: string
  /** undefined: no `rules` at all (ALLOW: allow-nothing, M23). */
  rules: AuthzRuleForm[] | undefined
}

function readFields<F extends string>(value: unknown, fields: readonly F[]): Partial<Record<F, string[]>> {
  const r = asRecord(value)
  const out: Partial<Record<F, string[]>> = {}
  for (const f of fields) if (r[f] !== undefined) out[f] = strings(r[f])
  return out
}

function writeFields(form: Partial<Record<string, string[]>>): Json {
  const out: Json = {}
  for (const [f, values] of Object.entries(form)) if (values && values.length > 0) out[f] = values
  return out
}

function readRule(value: unknown): AuthzRuleForm {
  const r = asRecord(value)
  return {
    from: r.from === undefined ? undefined : asArray(r.from).map((f) => readFields(asRecord(f).source, SOURCE_FIELDS)),
    to: r.to === undefined ? undefined : asArray(r.to).map((t) => readFields(asRecord(t).operation, OPERATION_FIELDS)),
    when: asArray(r.when).map((c) => ({ key: asString(asRecord(c).key), values: strings(asRecord(c).values), notValues: strings(asRecord(c).notValues) })),
  }
}

function writeRule(rule: AuthzRuleForm): Json {
  const out: Json = {}
  const from = (rule.from ?? []).map(writeFields).filter((s) => Object.keys(s).length > 0)
  const to = (rule.to ?? []).map(writeFields).filter((o) => Object.keys(o).length > 0)
  if (from.length > 0) out.from = from.map((source) => ({ source }))
  if (to.length > 0) out.to = to.map((operation) => ({ operation }))
  const when = rule.when.filter((c) => c.key !== '').map((c) => ({ key: c.key, ...(c.values.length > 0 ? { values: c.values } : {}), ...(c.notValues.length > 0 ? { notValues: c.notValues } : {}) }))
  if (when.length > 0) out.when = when
  return out
}

export function readAuthzForm(object: KubeObject): AuthzForm {
  const spec = specOf(object)
  const action = asString(spec.action || 'ALLOW') as AuthzActionName
  return {
    selector: selectorOf(object),
    action,
    provider: asString(asRecord(spec.provider).name),
    rules: spec.rules === undefined ? undefined : asArray(spec.rules).map(readRule),
  }
}

export function writeAuthzForm(object: KubeObject, form: AuthzForm): KubeObject {
  const spec = withSelector(clone(specOf(object)), form.selector)
  spec.action = form.action
  if (form.action === 'CUSTOM') spec.provider = { ...asRecord(spec.provider), name: form.provider }
  else delete spec.provider
  if (form.rules === undefined) delete spec.rules
  else spec.rules = form.rules.map(writeRule)
  return { ...clone(object), spec }
}
