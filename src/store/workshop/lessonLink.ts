/**
 * Lesson links: `#lesson=builtin:<id>&step=<n>` for a built-in lesson, `#lesson=<lz-string>&step=<n>`
 * for a lesson file carried in the link. `step` is 1-based, as the step counter shows it. The hash is
 * treated as hostile: bounded before and after decompression, never throws.
 */
import LZString from 'lz-string'
import { decompressUriSafeBounded } from '../lzBounded'
import type { LessonSource } from './progress'

/** A lesson file of this size has hundreds of steps; anything longer is refused. */
export const MAX_LINKED_LESSON_CHARS = 512 * 1024
const BUILTIN = 'builtin:'

export interface LessonLink {
  source: { kind: 'builtin'; id: string } | { kind: 'text'; text: string }
  /** 0-based; undefined when the link names no step. */
  step?: number
}

export type DecodedLessonLink = { ok: true; link: LessonLink } | { ok: false; message: string }

function params(hash: string): Map<string, string> {
  const body = hash.startsWith('#') ? hash.slice(1) : hash
  const out = new Map<string, string>()
  for (const part of body.split('&')) {
    const eq = part.indexOf('=')
    if (eq > 0) out.set(part.slice(0, eq), part.slice(eq + 1))
  }
  return out
}

export function hasLessonLink(hash: string): boolean {
  return params(hash).has('lesson')
}

function decodeStep(raw: string | undefined): { ok: true; step?: number } | { ok: false; message: string } {
  if (raw === undefined) return { ok: true }
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) return { ok: false, message: `The link's step "${raw.slice(0, 20)}" is not a step number (1, 2, 3…).` }
  return { ok: true, step: Number(raw) - 1 }
}

export function decodeLessonLink(hash: string): DecodedLessonLink {
  const all = params(hash)
  const lesson = all.get('lesson')
  if (lesson === undefined || lesson === '') return { ok: false, message: 'The link names no lesson.' }
  const step = decodeStep(all.get('step'))
  if (!step.ok) return step
  const at = step.step === undefined ? {} : { step: step.step }
  if (lesson.startsWith(BUILTIN)) {
    const id = decodeURIComponent(lesson.slice(BUILTIN.length))
    if (!/^[a-z0-9-]{1,100}$/.test(id)) return { ok: false, message: 'The link names a built-in lesson with an impossible id.' }
    return { ok: true, link: { source: { kind: 'builtin', id }, ...at } }
  }
  if (lesson.length > MAX_LINKED_LESSON_CHARS) return { ok: false, message: 'The lesson in the link is too large.' }
  const text = decompressUriSafeBounded(lesson, MAX_LINKED_LESSON_CHARS)
  if (text === undefined || text === '') return { ok: false, message: 'The link is damaged: its lesson cannot be decoded.' }
  return { ok: true, link: { source: { kind: 'text', text }, ...at } }
}

/** The hash of a link to step `step` (0-based) of a lesson. */
export function encodeLessonLink(source: LessonSource, step: number): string {
  const lesson = source.kind === 'builtin' ? `${BUILTIN}${source.id}` : LZString.compressToEncodedURIComponent(source.text)
  return `#lesson=${lesson}&step=${step + 1}`
}
