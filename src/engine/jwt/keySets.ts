/**
 * Key sets (JWKS) by `jwksUri`. Pilot fetches each origin's `jwksUri` and inlines the key set into the
 * proxy config; when the fetch fails it inlines an empty set, so every token fails (section 6.1 item 6).
 * The engine runs offline, so a key set comes from the user (pasted or generated) or, for Istio's
 * sample URI, from the bundled copy.
 */
import { ISTIO_SAMPLE_JWKS, isIstioSampleJwksUri } from './samples'

/** One JSON Web Key as found in a key set. Only `kty` is required; the rest is checked when used. */
export interface JwkJson {
  readonly kty: string
  readonly kid?: string
  readonly alg?: string
  readonly use?: string
  readonly [member: string]: unknown
}

/** A JSON Web Key Set (RFC 7517 section 5). */
export interface JwksJson {
  readonly keys: readonly JwkJson[]
}

/** Key sets supplied by the user, by `jwksUri` (matched exactly). */
export type KeySets = ReadonlyMap<string, JwksJson>

export const NO_KEY_SETS: KeySets = new Map()

/**
 * The key set Pilot would inline for `jwksUri`: the user's own first (it may shadow the sample URI),
 * else the bundled sample for Istio's sample URIs, else undefined, meaning every token fails.
 *
 * @example
 * resolveKeySet(ISTIO_SAMPLE_JWKS_URI, NO_KEY_SETS) === ISTIO_SAMPLE_JWKS // true
 */
export function resolveKeySet(jwksUri: string, keySets: KeySets = NO_KEY_SETS): JwksJson | undefined {
  return keySets.get(jwksUri) ?? (isIstioSampleJwksUri(jwksUri) ? ISTIO_SAMPLE_JWKS : undefined)
}

export type ParseJwksResult = { ok: true; jwks: JwksJson } | { ok: false; message: string }

/**
 * Checks a pasted key set. Messages are sentences for the UI; JSON syntax errors carry a 1-based
 * line and column.
 *
 * @example
 * parseJwks('{"keys": [}') // { ok: false, message: 'Not valid JSON at line 1, column 11: ...' }
 */
export function parseJwks(text: string): ParseJwksResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: jsonSyntaxMessage(text, error) }
  }
  const problem = jwksShapeProblem(value)
  return problem === undefined ? { ok: true, jwks: value as JwksJson } : { ok: false, message: problem }
}

function jwksShapeProblem(value: unknown): string | undefined {
  if (!isJsonObject(value)) return 'A key set must be a JSON object with a "keys" array.'
  const keys = value['keys']
  if (keys === undefined) return 'The key set has no "keys" member.'
  if (!Array.isArray(keys)) return '"keys" must be an array of keys.'
  if (keys.length === 0) return '"keys" is empty: no token could ever verify.'
  for (const [index, key] of keys.entries()) {
    const problem = jwkProblem(key)
    if (problem !== undefined) return `keys[${index}] ${problem}`
  }
  return undefined
}

/** Members each key type needs before a verifier can use it (RFC 7518 section 6). */
const REQUIRED_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  RSA: ['n', 'e'],
  EC: ['crv', 'x', 'y'],
}

function jwkProblem(key: unknown): string | undefined {
  if (!isJsonObject(key)) return 'is not a JSON object.'
  const kty = key['kty']
  if (typeof kty !== 'string' || kty === '') return 'has no "kty" (key type, e.g. "RSA" or "EC").'
  for (const member of ['kid', 'alg', 'use'] as const) {
    if (key[member] !== undefined && typeof key[member] !== 'string') return `has a "${member}" that is not a string.`
  }
  // Own properties only: `kty: constructor` is an unknown key type, not Object's constructor.
  const required = Object.hasOwn(REQUIRED_MEMBERS, kty) ? (REQUIRED_MEMBERS[kty] ?? []) : []
  const missing = required.filter((member) => typeof key[member] !== 'string')
  return missing.length > 0 ? `(kty ${kty}) lacks ${missing.map((m) => `"${m}"`).join(', ')}.` : undefined
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function jsonSyntaxMessage(text: string, error: unknown): string {
  if (text.trim() === '') return 'The key set is empty: paste a JSON object with a "keys" array.'
  const { line, column } = lineAndColumn(text, jsonSyntaxErrorOffset(text))
  return `Not valid JSON at line ${line}, column ${column}: ${engineReason(error)}.`
}

/**
 * The browser's own words without its position or source excerpt, which differ between engines and
 * would repeat (or contradict) our line and column. V8: "... in JSON at position 32 (line 3 column 19)"
 * or `Unexpected token '}', "{"keys": }" is not valid JSON`; Firefox: "JSON.parse: ... at line 3
 * column 19 of the JSON data".
 */
function engineReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message
    .replace(/^JSON\.parse: /, '')
    .replace(/ at line \d+ column \d+ of the JSON data$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/\.$/, '')
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const lastBreak = before.lastIndexOf('\n')
  return { line: before.split('\n').length, column: offset - lastBreak }
}

/**
 * Offset of the first character at which `text` stops being JSON. Browsers word JSON.parse errors
 * differently and V8 often omits the position, so the position is found here, by a minimal scanner
 * of the RFC 8259 grammar, to give every browser the same line and column.
 */
export function jsonSyntaxErrorOffset(text: string): number {
  const scanner = new JsonScanner(text)
  try {
    scanner.document()
    return -1
  } catch (offset) {
    if (typeof offset === 'number') return offset
    throw offset
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*/y

/** Throws the offset of the first error (a number) instead of an Error. */
class JsonScanner {
  private at = 0
  private readonly text: string

  constructor(text: string) {
    this.text = text
  }

  document(): void {
    this.value()
    this.space()
    if (this.at < this.text.length) throw this.at
  }

  private value(): void {
    this.space()
    const c = this.text[this.at]
    if (c === '{') this.members('}', () => this.member())
    else if (c === '[') this.members(']', () => this.value())
    else if (c === '"') this.string()
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.sticky(NUMBER)
    else this.literal()
  }

  /** An object or array body: items separated by commas, no trailing comma. */
  private members(close: string, item: () => void): void {
    this.at++
    this.space()
    if (this.text[this.at] === close) {
      this.at++
      return
    }
    for (;;) {
      item()
      this.space()
      const c = this.text[this.at]
      this.at++
      if (c === close) return
      if (c !== ',') throw this.at - 1
    }
  }

  private member(): void {
    this.space()
    if (this.text[this.at] !== '"') throw this.at
    this.string()
    this.space()
    if (this.text[this.at] !== ':') throw this.at
    this.at++
    this.value()
  }

  private string(): void {
    this.at++
    this.sticky(STRING_BODY)
    if (this.text[this.at] !== '"') throw this.at
    this.at++
  }

  private literal(): void {
    const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.at))
    if (word === undefined) throw this.at
    this.at += word.length
  }

  private sticky(pattern: RegExp): void {
    pattern.lastIndex = this.at
    const match = pattern.exec(this.text)
    if (match === null || (match[0] === '' && pattern === NUMBER)) throw this.at
    this.at += match[0].length
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at]!)) this.at++
  }
}
