/**
 * Checks a spec against its field spec the way Pilot's strict protobuf-JSON reader does, and returns
 * a canonical copy: camelCase keys, enum names instead of numbers, numbers instead of numeric strings,
 * unset (null) fields dropped. A `null` on a oneof member is kept, because `mtls: null` still selects
 * mutual TLS (istio-semantics.md 1.3).
 */
import type { IstioProfile, ObjectPath } from '../types'
import type { AdmissionCode } from './codes'
import { didYouMeanSuffix } from './didYouMean'
import { snakeCase } from './names'
import { availableIn, fieldsIn, type EnumSpec, type FieldSpec, type FieldType, type MessageSpec, type ScalarKind } from './spec/model'

export type Report = (code: AdmissionCode, path: ObjectPath, message: string) => void

export interface WalkContext {
  profile: IstioProfile
  report: Report
}

type Path = readonly (string | number)[]
type Json = Record<string, unknown>

/** `spec.peers[0].mtls`, for messages. */
export function pathText(path: ObjectPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `a ${typeof value} (${JSON.stringify(value)})`
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const INT_RANGE: Partial<Record<ScalarKind, [number, number]>> = { uint32: [0, 4294967295], int32: [-2147483648, 2147483647] }
const DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/

function checkScalar(value: unknown, scalar: ScalarKind, path: Path, ctx: WalkContext): unknown {
  const wrong = (expected: string) => ctx.report('IST0102', path, `${pathText(path)} must be ${expected}, not ${jsonKind(value)}`)
  const range = INT_RANGE[scalar]
  if (range) {
    // Protobuf JSON also takes integers written as strings.
    const n = typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : value
    if (typeof n === 'number' && Number.isInteger(n) && n >= range[0] && n <= range[1]) return n
    return wrong(`an integer (${scalar})`)
  }
  if (scalar === 'double') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
    return typeof n === 'number' && Number.isFinite(n) ? n : wrong('a number')
  }
  if (scalar === 'bool') return typeof value === 'boolean' ? value : wrong('true or false')
  if (typeof value !== 'string') return wrong(scalar === 'duration' ? 'a duration such as "5s"' : 'a string')
  if (scalar === 'duration' && !DURATION.test(value)) return wrong('a duration such as "5s"')
  return value
}

function checkEnum(value: unknown, spec: EnumSpec, path: Path, ctx: WalkContext): unknown {
  if (typeof value === 'string' && spec.values.includes(value)) return value
  if (typeof value === 'number' && Number.isInteger(value) && spec.values[value] !== undefined) return spec.values[value]
  const hint = typeof value === 'string' ? didYouMeanSuffix(value, spec.values) : ''
  ctx.report('IST0103', path, `${JSON.stringify(value)} is not a value of ${spec.name} (${spec.values.join(', ')})${hint}`)
  return undefined
}

function checkType(value: unknown, type: FieldType, path: Path, ctx: WalkContext): unknown {
  switch (type.kind) {
    case 'scalar':
      return checkScalar(value, type.scalar, path, ctx)
    case 'enum':
      return checkEnum(value, type.spec, path, ctx)
    case 'message':
      return checkMessage(value, type.spec, path, ctx)
    case 'opaque':
      return value
    case 'map': {
      if (!isObject(value)) return ctx.report('IST0102', path, `${pathText(path)} must be a mapping, not ${jsonKind(value)}`)
      const out: Json = {}
      for (const [k, v] of Object.entries(value)) out[k] = checkType(v, type.value, [...path, k], ctx)
      return out
    }
  }
}

function checkField(value: unknown, f: FieldSpec, path: Path, ctx: WalkContext): unknown {
  if (!f.repeated) return checkType(value, f.type, path, ctx)
  if (!Array.isArray(value)) return ctx.report('IST0102', path, `${pathText(path)} must be a list, not ${jsonKind(value)}`)
  return value.map((item, i) =>
    item === null
      ? ctx.report('IST0102', [...path, i], `${pathText([...path, i])} is an empty list item`)
      : checkType(item, f.type, [...path, i], ctx),
  )
}

function unknownFieldMessage(key: string, spec: MessageSpec, ctx: WalkContext): string {
  const later = spec.fields.find((f) => !availableIn(f, ctx.profile) && (f.name === key || snakeCase(f.name) === key))
  const head = `unknown field "${key}" in ${spec.name}`
  if (later) return `${head}: it is available from Istio ${later.since ?? ''} (the profile is ${ctx.profile})`
  const names = fieldsIn(spec, ctx.profile).flatMap((f) => [f.name, snakeCase(f.name)])
  return head + didYouMeanSuffix(key, names)
}

/** Checks one message; returns its canonical form, or undefined when it is not a mapping at all. */
export function checkMessage(value: unknown, spec: MessageSpec, path: Path, ctx: WalkContext): Json | undefined {
  if (!isObject(value)) {
    ctx.report('IST0102', path, `${pathText(path)} must be a mapping (${spec.name}), not ${jsonKind(value)}`)
    return undefined
  }
  const byName = new Map<string, FieldSpec>()
  for (const f of fieldsIn(spec, ctx.profile)) byName.set(f.name, f).set(snakeCase(f.name), f)
  const out: Json = {}
  const writtenAs = new Map<string, string>()
  for (const [key, raw] of Object.entries(value)) {
    const f = byName.get(key)
    if (!f) {
      ctx.report('IST0101', [...path, key], unknownFieldMessage(key, spec, ctx))
      continue
    }
    const earlier = writtenAs.get(f.name)
    if (earlier !== undefined) {
      ctx.report('IST0105', [...path, key], `"${key}" repeats "${earlier}": both spell the field ${f.name}`)
      continue
    }
    writtenAs.set(f.name, key)
    if (raw === null) {
      if (f.oneof && f.type.kind === 'message') out[f.name] = null
      continue
    }
    out[f.name] = checkField(raw, f, [...path, key], ctx)
  }
  reportOneofConflicts(spec, out, writtenAs, path, ctx)
  return out
}

function reportOneofConflicts(spec: MessageSpec, out: Json, writtenAs: Map<string, string>, path: Path, ctx: WalkContext): void {
  const chosen = new Map<string, string>()
  for (const f of spec.fields) {
    if (!f.oneof || out[f.name] === undefined || out[f.name] === null) continue
    const first = chosen.get(f.oneof)
    if (first === undefined) chosen.set(f.oneof, f.name)
    else ctx.report('IST0104', [...path, writtenAs.get(f.name) ?? f.name], `${first} and ${f.name} exclude each other in ${spec.name}; set only one`)
  }
}
