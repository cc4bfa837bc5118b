/**
 * Reads the CLI's files into a model: YAML with positions, admission, the mesh, the token and the
 * key sets. Every problem is reported as `FILE:LINE:COLUMN` so an editor can jump to it.
 */
import { buildModel, type Model } from '../engine'
import type { Diagnostic, EngineOptions, KubeObject } from '../engine/types'
import { parseJwks, type JwksJson } from '../engine/jwt/keySets'
import { locate, parseManifests, type ObjectSource } from '../yaml'
import type { GridArgs } from './args'
import { bytesOverLimit, DEFAULT_LIMITS, jsonErrorWhere, objectsOverLimit } from './limits'

export interface InputError {
  where: string
  severity: string
  code: string
  message: string
}

export type LoadedInputs =
  | { ok: true; model: Model; options: EngineOptions; token?: string; keySets: Map<string, JwksJson>; warnings: InputError[] }
  | { ok: false; errors: InputError[]; warnings: InputError[] }

function where(source: ObjectSource | undefined, d: Diagnostic): string {
  if (!source) return '<input>'
  const at = d.path ? locate(source, d.path) : { line: source.line, column: 1 }
  return `${source.file}:${at.line}:${at.column}`
}

export function loadInputs(args: GridArgs, read: (file: string) => string): LoadedInputs {
  const errors: InputError[] = []
  const warnings: InputError[] = []
  const objects: KubeObject[] = []
  const sources: ObjectSource[] = []
  const limits = args.limits ?? DEFAULT_LIMITS
  let bytes = 0
  for (const file of args.files) {
    let text: string
    try {
      text = read(file)
    } catch (error) {
      errors.push({ where: `${file}:1:1`, severity: 'error', code: 'IO', message: error instanceof Error ? error.message : String(error) })
      continue
    }
    const name = file === '-' ? '<stdin>' : file
    // Characters, not bytes, until encoded: a cheap bound first, the exact count only near the limit.
    bytes += text.length * 3 <= limits.maxBytes ? text.length : Buffer.byteLength(text)
    const tooBig = bytesOverLimit(name, bytes, limits)
    if (tooBig) return { ok: false, errors: [...errors, tooBig], warnings }
    const parsed = parseManifests(text, name)
    const tooMany = objectsOverLimit(name, objects.length + parsed.objects.length, limits)
    if (tooMany) return { ok: false, errors: [...errors, tooMany], warnings }
    for (const d of parsed.diagnostics) {
      const entry = { where: `${d.file}:${d.range.line}:${d.range.column}`, severity: d.severity, code: d.code, message: d.message }
      ;(d.severity === 'error' ? errors : warnings).push(entry)
    }
    objects.push(...parsed.objects)
    sources.push(...parsed.sources)
  }
  const options: EngineOptions = { profile: args.profile, r11: args.r11 }
  const model = buildModel(objects, options)
  for (const d of model.diagnostics) {
    if (d.severity === 'info') continue
    const entry = { where: where(d.index !== undefined ? sources[d.index] : undefined, d), severity: d.severity, code: d.code, message: d.message }
    ;(d.severity === 'error' ? errors : warnings).push(entry)
  }
  let token: string | undefined
  if (args.tokenFile) {
    try {
      token = read(args.tokenFile).trim()
    } catch (error) {
      errors.push({ where: `${args.tokenFile}:1:1`, severity: 'error', code: 'IO', message: error instanceof Error ? error.message : String(error) })
    }
  }
  const keySets = new Map<string, JwksJson>()
  for (const { uri, file } of args.jwks) {
    let text: string
    try {
      text = read(file)
    } catch (error) {
      errors.push({ where: `${file}:1:1`, severity: 'error', code: 'IO', message: error instanceof Error ? error.message : String(error) })
      continue
    }
    const parsed = parseJwks(text)
    if (parsed.ok) keySets.set(uri, parsed.jwks)
    else errors.push({ where: jsonErrorWhere(file, text, parsed.message), severity: 'error', code: 'JWKS', message: parsed.message })
  }
  if (errors.length > 0) return { ok: false, errors, warnings }
  return { ok: true, model, options, ...(token !== undefined ? { token } : {}), keySets, warnings }
}
