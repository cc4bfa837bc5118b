/**
 * Workshop lessons: lesson files as data, their checks, the built-in lessons, and what the engine
 * says each step prints. Pure: no React, no DOM. The format is in FORMAT.md.
 *
 * @example
 * const lesson = builtinLessons()[0]
 * const grid = await computeStepGrid(lesson, 2, { keySets: new Map(), sign, now: Date.now() / 1000 | 0 })
 * // grid equals lesson.steps[2].expect.grid
 */
import { parseLesson as parseWithBases } from './parse/parseLesson'
import { BUILTIN_BASES } from './builtin'
import type { LessonBases, ParseLessonResult } from './types'

export * from './api'
export { builtinLessons, BUILTIN_BASES, BUILTIN_TEXTS, readBuiltinText } from './builtin'

/** parseLesson with the named bases built in (`base: seed-workloads` resolves without arguments). */
export function parseLesson(text: string, fileName?: string, bases: LessonBases = BUILTIN_BASES): ParseLessonResult {
  return parseWithBases(text, fileName, bases)
}
