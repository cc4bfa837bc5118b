/**
 * Where the built-in lessons and named bases live, and a loader that works wherever text can be read:
 * Node passes `(path) => readFileSync(path, 'utf8')`, the browser build passes its `?raw` imports
 * (see builtin/index.ts).
 */
import { formatLessonError, parseLesson } from './parse/parseLesson'
import type { Lesson, LessonBases, NamedBase } from './types'

/** Repository paths of the built-in lessons, in the order a trainer meets them. */
export const BUILTIN_LESSON_FILES = ['src/lessons/builtin/authentication-policy.yaml', 'src/lessons/builtin/permissive-migration.yaml', 'src/lessons/builtin/modern-authentication.yaml'] as const

/** Repository paths of the named bases. */
export const BASE_FILES: Readonly<Record<NamedBase, string>> = { 'seed-workloads': 'src/scenarios/seed/workloads.yaml' }

/** Reads the named bases through `readText` (repository paths). */
export function loadBases(readText: (path: string) => string): LessonBases {
  return Object.fromEntries(Object.entries(BASE_FILES).map(([name, path]) => [name, readText(path)]))
}

/**
 * Parses every built-in lesson; a built-in lesson that does not parse is a bug, so this throws.
 * @example loadBuiltinLessons((path) => readFileSync(path, 'utf8')).map((l) => l.id) // ['authentication-policy', 'permissive-migration']
 */
export function loadBuiltinLessons(readText: (path: string) => string): Lesson[] {
  const bases = loadBases(readText)
  return BUILTIN_LESSON_FILES.map((path) => {
    const result = parseLesson(readText(path), path, bases)
    if (!result.ok) throw new Error(`built-in lesson ${path} does not parse:\n${result.errors.map((e) => formatLessonError(e, path)).join('\n')}`)
    return result.lesson
  })
}
