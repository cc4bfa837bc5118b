/**
 * Checks a design that comes from outside the running app (a share link, localStorage) before the
 * store touches it. Everything is rebuilt from checked parts: nothing unvalidated flows through, and
 * a `__proto__` key (the one key whose assignment changes an object's prototype) rejects it. Other
 * member names (`constructor`, `prototype`, `toString`...) are ordinary keys: label keys, ConfigMap
 * keys, and are read with own-property checks only.
 * There is no count of objects: whatever can be imported can be saved and opened again (the size of
 * a share link and the browser's storage bound the input instead).
 */
import { DEFAULT_OPTIONS, ISTIO_PROFILES, describeProfiles, type EngineOptions, type KubeObject } from '../engine'
import type { JwksJson } from '../engine/jwt'
import { withoutSecretData } from '../yaml/clusterImport'
import { checkGridView, type GridViewSpec } from './gridFilter'
import { EMPTY_LAYOUT } from './placeNodes'
import { readTokenSettings } from './tokens/savedSettings'
import type { Layout, NamespaceBox, NodePosition, RequestSettings } from './types'

export interface Design {
  resources: KubeObject[]
  layout: Layout
  options: EngineOptions
  /** intent.yaml text (optional in saved designs and links). */
  intent?: string
  /** Which rows and columns the grid shows; absent in designs saved before views existed. */
  view?: GridViewSpec
}

/** intent.yaml longer than this is refused (a few thousand expectations). */
const MAX_INTENT_CHARS = 512 * 1024
/**
 * Top-level fields that hold payloads the engine never reads: a Secret's `data`/`stringData`, a
 * ConfigMap's `data`/`binaryData`. They are credentials or bulk, so they never reach autosave or
 * a share link (no modelled kind keeps anything there).
 */
const PAYLOAD_FIELDS = ['data', 'stringData', 'binaryData'] as const

/** The resources as they may be stored or shared: payload fields dropped, everything else kept. */
export function storableResources(resources: readonly KubeObject[]): KubeObject[] {
  return resources.map((o) => {
    if (!PAYLOAD_FIELDS.some((f) => Object.hasOwn(o, f))) return o
    const copy: Record<string, unknown> = { ...o }
    for (const f of PAYLOAD_FIELDS) delete copy[f]
    return copy as KubeObject
  })
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

const FORBIDDEN_KEYS = new Set(['__proto__'])
const MAX_DEPTH = 64

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message)
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** Rejects prototype keys and absurd nesting anywhere in a JSON value. */
function checkTree(value: unknown, where: string, depth = 0): void {
  if (depth > MAX_DEPTH) fail(`${where} is nested more than ${MAX_DEPTH} levels deep`)
  if (Array.isArray(value)) value.forEach((v, i) => checkTree(v, `${where}[${i}]`, depth + 1))
  else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) fail(`${where} has a forbidden key "${key}"`)
      checkTree((value as Record<string, unknown>)[key], `${where}.${key}`, depth + 1)
    }
  }
}

function checkResource(value: unknown, i: number): KubeObject {
  const where = `resources[${i}]`
  if (!isPlainRecord(value)) fail(`${where} is not an object`)
  if (typeof value.kind !== 'string' || value.kind === '') fail(`${where} has no kind`)
  if (value.apiVersion !== undefined && typeof value.apiVersion !== 'string') fail(`${where}.apiVersion is not a string`)
  const meta = value.metadata
  if (!isPlainRecord(meta) || typeof meta.name !== 'string' || meta.name === '') fail(`${where} has no metadata.name`)
  if (meta.namespace !== undefined && typeof meta.namespace !== 'string') fail(`${where}.metadata.namespace is not a string`)
  return value as KubeObject
}

function finite(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${where} is not a finite number`)
  return value
}

function checkRecord<T>(value: unknown, where: string, item: (v: unknown, where: string) => T): Record<string, T> {
  if (!isPlainRecord(value)) fail(`${where} is not an object`)
  // fromEntries defines own properties: no key can reach a prototype.
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, item(v, `${where}.${key}`)]))
}

function checkPosition(value: unknown, where: string): NodePosition {
  if (!isPlainRecord(value)) fail(`${where} is not a position`)
  return { x: finite(value.x, `${where}.x`), y: finite(value.y, `${where}.y`) }
}

function checkBox(value: unknown, where: string): NamespaceBox {
  if (!isPlainRecord(value)) fail(`${where} is not a box`)
  const size = (v: unknown, w: string) => Math.max(0, finite(v, w))
  return { ...checkPosition(value, where), width: size(value.width, `${where}.width`), height: size(value.height, `${where}.height`) }
}

function checkLayout(value: unknown): Layout {
  if (value === undefined) return EMPTY_LAYOUT
  if (!isPlainRecord(value)) fail('layout is not an object')
  return { positions: checkRecord(value.positions ?? {}, 'layout.positions', checkPosition), namespaces: checkRecord(value.namespaces ?? {}, 'layout.namespaces', checkBox) }
}

function checkOptions(value: unknown): EngineOptions {
  if (value === undefined) return DEFAULT_OPTIONS
  if (!isPlainRecord(value)) fail('options is not an object')
  const profile = value.profile ?? DEFAULT_OPTIONS.profile
  const r11 = value.r11 ?? DEFAULT_OPTIONS.r11
  if (!(ISTIO_PROFILES as readonly unknown[]).includes(profile)) fail(`options.profile must be one of ${describeProfiles()}`)
  if (r11 !== 'documented' && r11 !== 'implemented') fail('options.r11 must be "documented" or "implemented"')
  return { profile: profile as EngineOptions['profile'], r11 }
}

function checkKeySet(value: unknown, where: string): JwksJson {
  if (!isPlainRecord(value) || !Array.isArray(value.keys)) fail(`${where} is not a key set with "keys"`)
  value.keys.forEach((k, i) => {
    if (!isPlainRecord(k) || typeof k.kty !== 'string') fail(`${where}.keys[${i}] has no kty`)
  })
  return value as unknown as JwksJson
}

/** The request settings a saved design carries (share links leave them out: they may hold tokens). */
export function checkRequest(value: unknown, fallback: RequestSettings): RequestSettings {
  if (value === undefined) return fallback
  if (!isPlainRecord(value)) fail('request is not an object')
  if (typeof value.path !== 'string') fail('request.path is not a string')
  const request: RequestSettings = {
    path: value.path,
    headers: checkRecord(value.headers ?? {}, 'request.headers', (v, w) => (typeof v === 'string' ? v : fail(`${w} is not a string`))),
  }
  if (value.frozenNow !== undefined) request.frozenNow = finite(value.frozenNow, 'request.frozenNow')
  if (typeof value.method === 'string' && /^[A-Z]{1,20}$/.test(value.method)) request.method = value.method
  if (typeof value.sourceIp === 'string' && value.sourceIp.length <= 64) request.sourceIp = value.sourceIp
  if (value.keySets !== undefined) request.keySets = checkRecord(value.keySets, 'request.keySets', checkKeySet)
  return { ...request, ...readTokenSettings(value) }
}

/** Checks an envelope `{v: 1, resources, layout?, options?, ...}`; `extra` checks more members. */
export function checkDesign<T extends Design>(value: unknown, extra?: (envelope: Record<string, unknown>, design: Design) => T): Checked<T> {
  try {
    checkTree(value, 'design')
    if (!isPlainRecord(value)) fail('the design is not a JSON object')
    if (value.v !== 1) fail(`unsupported design version ${JSON.stringify(value.v)}`)
    if (!Array.isArray(value.resources)) fail('the design has no resources list')
    // A Secret's data never reaches the store, even from an old link or an old autosave (issue 8).
    const design: Design = { resources: [...withoutSecretData(value.resources.map(checkResource))], layout: checkLayout(value.layout), options: checkOptions(value.options) }
    const view = checkGridView(value.view)
    if (view) design.view = view
    if (value.intent !== undefined) {
      if (typeof value.intent !== 'string') fail('intent is not a string')
      if (value.intent.length > MAX_INTENT_CHARS) fail('intent is too long')
      design.intent = value.intent
    }
    return { ok: true, value: extra ? extra(value, design) : (design as T) }
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, message: error.message }
    // Anything else (a stack overflow on hostile input, say) is still a refusal, never a crash.
    return { ok: false, message: `the design could not be read (${error instanceof Error ? error.message : String(error)})` }
  }
}
