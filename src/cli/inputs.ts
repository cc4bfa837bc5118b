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
  return { where: file, severity: 'error', code: 'IO', message: error instanceof Error ? error.message : String(error) }
}

export function loadInputs(args: GridArgs, read: (file: string) => string): LoadedInputs {
  const errors: InputError[] = []
  const warnings: InputError[] = []
  let fatal = false
  const objects: KubeObject[] = []
  const sources: ObjectSource[] = []
  for (const file of args.files) {
    let text: string
    try {
      text = read(file)
    } catch (error) {
      errors.push(ioError(file, error))
      fatal = true
      continue
    }
    const parsed = parseManifests(text, file === '-' ? '<stdin>' : file)
    for (const d of parsed.diagnostics) {
      const entry = { where: `${d.file}:${d.range.line}:${d.range.column}`, severity: d.severity, code: d.code, message: d.message }
      ;(d.severity === 'error' ? errors : warnings).push(entry)
    }
    objects.push(...parsed.objects)
    sources.push(...parsed.sources)
  }
  const prepared = prepareImported(objects)
  const keptSources = prepared.origin.map((i) => sources[i] as ObjectSource)
  const options: EngineOptions = { profile: args.profile, r11: args.r11 }
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
    try {
      const parsed = parseJwks(read(file))
      if (parsed.ok) keySets.set(uri, parsed.jwks)
      else {
        errors.push({ where: file, severity: 'error', code: 'JWKS', message: parsed.message })
        fatal = true
      }
    } catch (error) {
      errors.push(ioError(file, error))
      fatal = true
    }
  }
  const summary = importSummaryLine(prepared.summary)
  return { ok: !fatal, model, options, ...(token !== undefined ? { token } : {}), keySets, warnings, errors, notes: summary ? [summary] : [] }
}
