/**
 * Reads the CLI's files into a model: YAML with positions, what a cluster printed reduced to what a
 * user applies (yaml/clusterImport), admission, the mesh, the token and the key sets. Every problem
 * is reported as `FILE:LINE:COLUMN` so an editor can jump to it.
 */
import { buildModel, type Model } from '../engine'
import type { Diagnostic, EngineOptions, KubeObject } from '../engine/types'
import { parseJwks, type JwksJson } from '../engine/jwt/keySets'
import { importSummaryLine, prepareImported, locate, parseManifests, type ObjectSource } from '../yaml'
import type { GridArgs } from './args'
import { bytesOverLimit, DEFAULT_LIMITS, jsonErrorWhere, objectsOverLimit } from './limits'

export interface InputError {
  where: string
  severity: string
  code: string
  message: string
}

export interface LoadedInputs {
  /** False when a file, the token or a key set could not be read: nothing can be printed then. */
  ok: boolean
  /** Built from the objects admission accepted (R27: rejected ones are left out, with their error). */
  model: Model
  options: EngineOptions
  token?: string
  keySets: Map<string, JwksJson>
  warnings: InputError[]
  /** Rejected objects and unreadable input; any of them makes the exit status 2. */
  errors: InputError[]
  /** One-line summaries: server-populated fields dropped, kinds ignored. */
  notes: string[]
}

function where(source: ObjectSource | undefined, d: Diagnostic): string {
  if (!source) return '<input>'
  const at = d.path ? locate(source, d.path) : { line: source.line, column: 1 }
  return `${source.file}:${at.line}:${at.column}`
}

function ioError(file: string, error: unknown): InputError {
  return { where: `${file}:1:1`, severity: 'error', code: 'IO', message: error instanceof Error ? error.message : String(error) }
}

export function loadInputs(args: GridArgs, read: (file: string) => string): LoadedInputs {
  const errors: InputError[] = []
  const warnings: InputError[] = []
  let fatal = false
  const objects: KubeObject[] = []
  const sources: ObjectSource[] = []
  const limits = args.limits ?? DEFAULT_LIMITS
  let bytes = 0
  const options: EngineOptions = { profile: args.profile, r11: args.r11 }
  /** Past a limit nothing is evaluated: an empty model, the limit's error, status 2. */
  const stopped = (error: InputError): LoadedInputs => ({ ok: false, model: buildModel([], options), options, keySets: new Map(), warnings, errors: [...errors, error], notes: [] })
  for (const file of args.files) {
    let text: string
    try {
      text = read(file)
    } catch (error) {
      errors.push(ioError(file, error))
      fatal = true
      continue
    }
    const name = file === '-' ? '<stdin>' : file
    // Characters, not bytes, until encoded: a cheap bound first, the exact count only near the limit.
    bytes += text.length * 3 <= limits.maxBytes ? text.length : Buffer.byteLength(text)
    const tooBig = bytesOverLimit(name, bytes, limits)
    if (tooBig) return stopped(tooBig)
    const parsed = parseManifests(text, name)
    const tooMany = objectsOverLimit(name, objects.length + parsed.objects.length, limits)
    if (tooMany) return stopped(tooMany)
    for (const d of parsed.diagnostics) {
      const entry = { where: `${d.file}:${d.range.line}:${d.range.column}`, severity: d.severity, code: d.code, message: d.message }
      ;(d.severity === 'error' ? errors : warnings).push(entry)
    }
    objects.push(...parsed.objects)
    sources.push(...parsed.sources)
  }
  const prepared = prepareImported(objects)
  const keptSources = prepared.origin.map((i) => sources[i] as ObjectSource)
  const model = buildModel(prepared.objects, options)
  for (const d of model.diagnostics) {
    if (d.severity === 'info') continue
    const entry = { where: where(d.index !== undefined ? keptSources[d.index] : undefined, d), severity: d.severity, code: d.code, message: d.message }
    ;(d.severity === 'error' ? errors : warnings).push(entry)
  }
  let token: string | undefined
  if (args.tokenFile) {
    try {
      token = read(args.tokenFile).trim()
    } catch (error) {
      errors.push(ioError(args.tokenFile, error))
      fatal = true
    }
  }
  const keySets = new Map<string, JwksJson>()
  for (const { uri, file } of args.jwks) {
    let text: string
    try {
      text = read(file)
    } catch (error) {
      errors.push(ioError(file, error))
      fatal = true
      continue
    }
    const parsed = parseJwks(text)
    if (parsed.ok) keySets.set(uri, parsed.jwks)
    else {
      errors.push({ where: jsonErrorWhere(file, text, parsed.message), severity: 'error', code: 'JWKS', message: parsed.message })
      fatal = true
    }
  }
  const summary = importSummaryLine(prepared.summary)
  return { ok: !fatal, model, options, ...(token !== undefined ? { token } : {}), keySets, warnings, errors, notes: summary ? [summary] : [] }
}
