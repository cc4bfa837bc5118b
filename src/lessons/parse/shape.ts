/**
 * Small readers for untrusted lesson data: each checks one value's shape, records a problem with the
 * path it is at, and returns the value typed (or undefined).
 */
import type { Path } from './positions'

export interface RawProblem {
  /** Where to point in the text. */
  path: Path
  message: string
  /** Point at the entry's key (default) or at its value. */
  target?: 'key' | 'value'
  /** The path to print, when it differs from `path` (e.g. a map of cells prints the map's path). */
  shown?: Path
  /** A line/column inside the block scalar at `path` (embedded YAML). */
  block?: { line: number; column: number }
  warning?: boolean
}

export interface Problems {
  list: RawProblem[]
}

export function report(problems: Problems, problem: RawProblem): undefined {
  problems.list.push(problem)
  return undefined
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

function suggestion(word: string, known: readonly string[]): string {
  const near = known.find((k) => k.toLowerCase() === word.toLowerCase()) ?? known.find((k) => editDistance(word.toLowerCase(), k.toLowerCase()) <= Math.max(1, Math.floor(word.length / 3)))
  return near ? ` (did you mean \`${near}\`?)` : ''
}

/** A mapping with these required and optional fields, and no others. */
export function readFields(problems: Problems, value: unknown, path: Path, required: readonly string[], optional: readonly string[]): Record<string, unknown> | undefined {
  if (!isRecord(value)) return report(problems, { path, message: `expected a mapping, got ${describe(value)}`, target: 'value' })
  const known = [...required, ...optional]
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) report(problems, { path: [...path, key], message: `unknown field \`${key}\`${suggestion(key, known)}; known fields: ${known.join(', ')}` })
  }
  for (const key of required) {
    if (value[key] === undefined || value[key] === null) report(problems, { path: [...path, key], message: `missing required field \`${key}\`` })
  }
  return value
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${JSON.stringify(value)}`
}

export function readString(problems: Problems, value: unknown, path: Path, pattern?: { re: RegExp; hint: string }): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string' || value.trim() === '') return report(problems, { path, message: `expected a non-empty string, got ${describe(value)}`, target: 'value' })
  if (pattern && !pattern.re.test(value)) return report(problems, { path, message: `"${value}" is not ${pattern.hint}`, target: 'value' })
  return value
}

export function readInteger(problems: Problems, value: unknown, path: Path, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return report(problems, { path, message: `expected a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}, got ${describe(value)}`, target: 'value' })
  }
  return value
}

export function readEnum<T extends string>(problems: Problems, value: unknown, path: Path, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null) return undefined
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text === 'string' && (allowed as readonly string[]).includes(text)) return text as T
  return report(problems, { path, message: `expected one of ${allowed.join(', ')}, got ${describe(value)}`, target: 'value' })
}

export function readList(problems: Problems, value: unknown, path: Path, nonEmpty: boolean): unknown[] | undefined {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) return report(problems, { path, message: `expected a list, got ${describe(value)}`, target: 'value' })
  if (nonEmpty && value.length === 0) return report(problems, { path, message: 'expected a non-empty list', target: 'value' })
  return value
}

export function readStringList(problems: Problems, value: unknown, path: Path, pattern?: { re: RegExp; hint: string }): string[] | undefined {
  const list = readList(problems, value, path, true)
  if (!list) return undefined
  const out = list.map((item, i) => readString(problems, item, [...path, i], pattern))
  return out.every((s): s is string => s !== undefined) ? out : undefined
}
