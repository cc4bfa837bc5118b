/**
 * The one place where a regular expression from a design is compiled and run. Envoy matches with
 * Google RE2, whose matching time is linear in the input: no pattern can make it backtrack for
 * minutes, and RE2 refuses what needs backtracking (backreferences, lookaround). We use re2js, a
 * pure-JavaScript port of RE2 (browser, worker and Node alike), so the simulator refuses and
 * accepts what the proxy does, and a hostile pattern in a share link cannot freeze the page.
 *
 * Envoy also refuses a pattern whose compiled program is too big (`re2.max_program_size.error_level`,
 * 100 by default). re2js counts instructions as RE2 does, approximately; the bound is applied to
 * its count.
 */
import { RE2JS } from 're2js'

/** Envoy's default error level for an RE2 program size (runtime key `re2.max_program_size.error_level`). */
export const MAX_PROGRAM_SIZE = 100
/**
 * Our own bound on the pattern text, checked before compiling: compiling is linear in the text,
 * but a megabyte of pattern would still take seconds. Anything this long is far over the program
 * size anyway, except for huge character classes.
 */
export const MAX_PATTERN_LENGTH = 4096

export type RegexProblemKind = 'syntax' | 'program-size' | 'length'

export interface RegexProblem {
  kind: RegexProblemKind
  /** One sentence, for a finding or a banner. */
  message: string
}

interface Compiled {
  regex: RE2JS | null
  problem: RegexProblem | undefined
}

const cache = new Map<string, Compiled>()
const MAX_CACHED = 1000

function describeSyntaxError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  // re2js says "error parsing regexp: invalid escape sequence: `\1`"; the prefix adds nothing.
  const reason = text.replace(/^error parsing regexp:\s*/, '')
  if (/\\[1-9]/.test(reason)) return `RE2 does not support backreferences (${reason})`
  if (/\(\?[=!<]/.test(reason) || /named capture: `\(\?<[=!]/.test(reason)) return `RE2 does not support lookahead or lookbehind (${reason})`
  return `RE2 cannot compile it: ${reason}`
}

function compile(source: string): Compiled {
  if (source.length > MAX_PATTERN_LENGTH) {
    return { regex: null, problem: { kind: 'length', message: `the pattern is ${source.length} characters long, over the simulator's limit of ${MAX_PATTERN_LENGTH}` } }
  }
  let regex: RE2JS
  try {
    regex = RE2JS.compile(source)
  } catch (error) {
    return { regex: null, problem: { kind: 'syntax', message: describeSyntaxError(error) } }
  }
  const size = regex.programSize()
  if (size > MAX_PROGRAM_SIZE) {
    return {
      regex: null,
      problem: { kind: 'program-size', message: `its RE2 program size is ${size}, over Envoy's max_program_size of ${MAX_PROGRAM_SIZE} (re2.max_program_size.error_level); Envoy rejects the configuration` },
    }
  }
  return { regex, problem: undefined }
}

function compiled(source: string): Compiled {
  let entry = cache.get(source)
  if (entry === undefined) {
    entry = compile(source)
    if (cache.size >= MAX_CACHED) cache.clear()
    cache.set(source, entry)
  }
  return entry
}

/**
 * Why RE2 (or Envoy's size bound) refuses `source`, or undefined when it is accepted.
 * @example regexProblem('(a)\\1')?.kind // 'syntax'
 * @example regexProblem('/status/[0-9]+') // undefined
 */
export function regexProblem(source: string): RegexProblem | undefined {
  return compiled(source).problem
}

/**
 * Whether `input` matches `source` as a whole (Envoy's `safe_regex` semantics), in time linear in
 * the input. A refused pattern never matches; admission reports it.
 * @example matchesWhole('/ip|/headers', '/headers') // true
 * @example matchesWhole('/i', '/ip') // false
 */
export function matchesWhole(source: string, input: string): boolean {
  const regex = compiled(source).regex
  return regex !== null && regex.testExact(input)
}
