/**
 * From where a lesson comes (built in, a file, a link) to the parsed lesson, with every problem of a
 * file that does not check. Pure: the built-in lessons and the parser are passed in.
 */
import type { Lesson, LessonError, ParseLessonResult } from '../../lessons/api'
import type { LessonLink } from './lessonLink'
import type { LessonSource } from './progress'

export type OpenedLesson = { ok: true; lesson: Lesson; source: LessonSource; warnings: LessonError[] } | { ok: false; message: string; errors: LessonError[] }

export interface LessonLibrary {
  builtins: readonly Lesson[]
  parse(text: string, fileName?: string): ParseLessonResult
}

export function openSource(source: LessonSource, library: LessonLibrary): OpenedLesson {
  if (source.kind === 'builtin') {
    const lesson = library.builtins.find((l) => l.id === source.id)
    return lesson ? { ok: true, lesson, source, warnings: [] } : { ok: false, message: `There is no built-in lesson "${source.id}".`, errors: [] }
  }
  const parsed = library.parse(source.text, source.name)
  if (!parsed.ok) return { ok: false, message: `${source.name} is not a valid lesson: ${parsed.errors.length} ${parsed.errors.length === 1 ? 'problem' : 'problems'}.`, errors: parsed.errors }
  return { ok: true, lesson: parsed.lesson, source, warnings: parsed.warnings }
}

/** A link's lesson, and its step checked against the lesson. */
export function openLink(link: LessonLink, library: LessonLibrary): OpenedLesson & { step?: number } {
  const source: LessonSource = link.source.kind === 'builtin' ? link.source : { kind: 'file', name: 'lesson from the link', text: link.source.text }
  const opened = openSource(source, library)
  if (!opened.ok || link.step === undefined) return opened
  const count = opened.lesson.steps.length
  if (link.step >= count) return { ok: false, message: `The link asks for step ${link.step + 1}, but "${opened.lesson.title}" has ${count} steps.`, errors: [] }
  return { ...opened, step: link.step }
}
