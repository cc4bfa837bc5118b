/**
 * Input limits of the command line. The parser and the engine are linear in the input, but a CI
 * job fed the wrong file should stop at once with a message, not run for minutes: past a limit
 * the CLI exits 2 with a coded error that names the limit and the option that raises it.
 */

/** Bytes of input over all files (and standard input). Large real clusters export a few MB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024
/** Objects over all files. A 1,000-namespace mesh is about 6,000 objects. */
export const DEFAULT_MAX_OBJECTS = 100_000

export interface Limits {
  maxBytes: number
  maxObjects: number
}

export const DEFAULT_LIMITS: Limits = { maxBytes: DEFAULT_MAX_BYTES, maxObjects: DEFAULT_MAX_OBJECTS }

export const LIMITS_USAGE = `  --max-bytes N    stop with error LIMIT001 when the input is over N bytes; default ${DEFAULT_MAX_BYTES} (64 MiB)
  --max-objects N  stop with error LIMIT002 when the input has over N objects; default ${DEFAULT_MAX_OBJECTS}`

/** A positive whole number for --max-bytes / --max-objects, or undefined when it is not one. */
export function parseLimit(value: string): number | undefined {
  if (!/^[0-9]+$/.test(value)) return undefined
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}

export interface LimitError {
  where: string
  severity: 'error'
  code: 'LIMIT001' | 'LIMIT002'
  message: string
}

/** Checked after reading each file, before parsing it: `total` counts every file read so far. */
export function bytesOverLimit(file: string, total: number, limits: Limits): LimitError | undefined {
  if (total <= limits.maxBytes) return undefined
  return {
    where: `${file}:1:1`,
    severity: 'error',
    code: 'LIMIT001',
    message: `the input is ${total} bytes so far, over the limit of ${limits.maxBytes} (--max-bytes); nothing was evaluated. Raise it with --max-bytes ${Math.max(total, limits.maxBytes * 2)}`,
  }
}

export function objectsOverLimit(file: string, count: number, limits: Limits): LimitError | undefined {
  if (count <= limits.maxObjects) return undefined
  return {
    where: `${file}:1:1`,
    severity: 'error',
    code: 'LIMIT002',
    message: `the input has ${count} objects so far, over the limit of ${limits.maxObjects} (--max-objects); nothing was evaluated. Raise it with --max-objects ${Math.max(count, limits.maxObjects * 2)}`,
  }
}

/** `FILE:LINE:COL` of a JSON error message ("line L, column C" or "position N"), else of the file's start. */
export function jsonErrorWhere(file: string, text: string, message: string): string {
  const lineColumn = /line (\d+), column (\d+)/.exec(message)
  if (lineColumn) return `${file}:${lineColumn[1]}:${lineColumn[2]}`
  const match = /position (\d+)/.exec(message)
  if (!match) return `${file}:1:1`
  const offset = Math.min(Number(match[1]), text.length)
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return `${file}:${line}:${offset - lineStart + 1}`
}
