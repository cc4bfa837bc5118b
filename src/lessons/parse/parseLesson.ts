/**
 * Lesson file text (YAML or JSON) -> a checked Lesson, or every problem with its line, column and path.
 */
import { LineCounter, parseDocument } from 'yaml'
import { NAMED_BASES, type Lesson, type LessonBases, type LessonError, type NamedBase, type ParseLessonResult } from '../types'
import { checkSteps } from './checkSteps'
import { formatPath, locator, type Locator } from './positions'
import { readLesson } from './readLesson'
import { report, type Problems, type RawProblem } from './shape'

function toError(problem: RawProblem, where: Locator): LessonError {
  const position = (problem.block && where.inBlock(problem.path, problem.block.line, problem.block.column)) ?? where.at(problem.path, problem.target)
  return { ...(position ? { line: position.line, column: position.column } : {}), path: formatPath(problem.shown ?? problem.path), message: problem.message }
}

function byPosition(a: LessonError, b: LessonError): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
}

function resolveBase(problems: Problems, base: string, bases: LessonBases): Lesson['base'] | undefined {
  if ((NAMED_BASES as readonly string[]).includes(base)) {
    const ref = base as NamedBase
    const yaml = bases[ref]
    if (yaml === undefined) return report(problems, { path: ['base'], target: 'value', message: `the named base \`${ref}\` was not given to parseLesson (pass it in \`bases\`)` })
    return { ref, yaml }
  }
  if (!base.includes('\n') && !base.includes(':')) {
    return report(problems, { path: ['base'], target: 'value', message: `unknown base \`${base}\`: name one of ${NAMED_BASES.join(', ')}, or write the resources inline as YAML` })
  }
  return { yaml: base }
}

/**
 * Parses and checks a lesson. Problems are errors; findings that Istio's admission would report for
 * the lesson's own resources are warnings (a lesson may show a rejected object on purpose).
 * @example
 * const result = parseLesson(text, 'my-lesson.yaml', { 'seed-workloads': seedYaml })
 * if (!result.ok) console.log(result.errors.map(formatLessonError).join('\n'))
 */
export function parseLesson(text: string, fileName = 'lesson.yaml', bases: LessonBases = {}): ParseLessonResult {
  const lines = new LineCounter()
  // A .json file is held to JSON's grammar; anything else is YAML 1.2 (JSON is valid YAML too).
  const json = fileName.toLowerCase().endsWith('.json')
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, ...(json ? { schema: 'json' as const } : {}) })
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e): LessonError => {
      const p = lines.linePos(e.pos[0])
      return { line: p.line, column: p.col, path: '', message: `not valid ${json ? 'JSON' : 'YAML'}: ${e.message.split(' at line ')[0] ?? e.message}` }
    })
    return { ok: false, errors }
  }
  const where = locator(doc, lines, text)
  const problems: Problems = { list: [] }
  const draft = readLesson(problems, doc.toJS({ maxAliasCount: 100 }))
  const base = draft && resolveBase(problems, draft.base, bases)
  if (!draft || !base) return { ok: false, errors: problems.list.map((p) => toError(p, where)).sort(byPosition) }
  const lesson: Lesson = { ...draft, base }
  checkSteps(problems, lesson)
  const errors = problems.list.filter((p) => !p.warning).map((p) => toError(p, where)).sort(byPosition)
  const warnings = problems.list.filter((p) => p.warning).map((p) => toError(p, where)).sort(byPosition)
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lesson, warnings }
}

/** `file:12:5: steps[3].expect.grid: "sleep.foo -> httpbin.foo:8000": expected one of ...` */
export function formatLessonError(error: LessonError, fileName?: string): string {
  const where = [fileName, error.line, error.column].filter((x) => x !== undefined).join(':')
  return `${where ? `${where}: ` : ''}${error.path ? `${error.path}: ` : ''}${error.message}`
}
