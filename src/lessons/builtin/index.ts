/**
 * The built-in lessons for code built by Vite (the app, and Vitest): their files come in as text
 * through `?raw` imports. Node code outside Vite uses loadBuiltinLessons with its own reader.
 */
import seedWorkloads from '../../scenarios/seed/workloads.yaml?raw'
import { BASE_FILES, BUILTIN_LESSON_FILES, loadBuiltinLessons } from '../builtinFiles'
import type { Lesson, LessonBases } from '../types'
import authenticationPolicy from './authentication-policy.yaml?raw'
import permissiveMigration from './permissive-migration.yaml?raw'
import modernAuthentication from './modern-authentication.yaml?raw'

export const BUILTIN_BASES: LessonBases = { 'seed-workloads': seedWorkloads }

/** The built-in files' text by repository path (what loadBuiltinLessons reads). */
export const BUILTIN_TEXTS: Readonly<Record<string, string>> = {
  [BUILTIN_LESSON_FILES[0]]: authenticationPolicy,
  [BUILTIN_LESSON_FILES[1]]: permissiveMigration,
  [BUILTIN_LESSON_FILES[2]]: modernAuthentication,
  [BASE_FILES['seed-workloads']]: seedWorkloads,
}

export function readBuiltinText(path: string): string {
  const text = BUILTIN_TEXTS[path]
  if (text === undefined) throw new Error(`no built-in file ${path}`)
  return text
}

let lessons: Lesson[] | undefined

/** Parsed once, on first use. */
export function builtinLessons(): Lesson[] {
  lessons ??= loadBuiltinLessons(readBuiltinText)
  return lessons
}
