/**
 * The learner's progress, kept in the browser: which lesson, which step, the predictions and scores
 * of each step, and whether workshop mode is on. Read back with checks (it is text anyone could have
 * edited): a value that does not check is dropped, never the whole progress. Steps are keyed by id,
 * so progress survives a trainer adding a step to a lesson file.
 */
import type { StorageLike } from '../autosave'
import { ALL_PREDICTIONS, type Prediction, type StepScore } from './predictions'

export const WORKSHOP_STORAGE_KEY = 'mesh-auth-designer:workshop:v1'

/** A lesson file's text is kept so a learner can continue it; larger files are not. */
export const MAX_SAVED_LESSON_CHARS = 512 * 1024

export type LessonSource = { kind: 'builtin'; id: string } | { kind: 'file'; name: string; text: string }

export interface StepProgress {
  predictions: Record<string, Prediction>
  /** Set by Reveal: the score at that moment. */
  score?: StepScore
}

export interface LessonProgress {
  /** 0-based step index. */
  step: number
  steps: Record<string, StepProgress>
}

export interface WorkshopProgress {
  active: boolean
  current?: LessonSource
  /** By lesson id. */
  lessons: Record<string, LessonProgress>
  /** What the designer held once the current step was applied, to tell a learner's edits apart after a reload. */
  applied?: { lessonId: string; step: number; fingerprint: string; clockStart: number }
}

export const EMPTY_PROGRESS: WorkshopProgress = { active: false, lessons: {} }

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e6

/** Own, non-prototype keys only: the result is a fresh object (no prototype pollution from storage). */
function entries(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value).filter(([k]) => !FORBIDDEN.has(k) && k.length <= 500) : []
}

function readScore(value: unknown): StepScore | undefined {
  if (!isRecord(value) || !isCount(value.correct) || !isCount(value.total) || value.correct > value.total) return undefined
  return { correct: value.correct, total: value.total }
}

function readStep(value: unknown): StepProgress {
  const predictions: Record<string, Prediction> = {}
  for (const [key, p] of entries(isRecord(value) ? value.predictions : undefined)) {
    if ((ALL_PREDICTIONS as readonly unknown[]).includes(p)) predictions[key] = p as Prediction
  }
  const score = readScore(isRecord(value) ? value.score : undefined)
  return score ? { predictions, score } : { predictions }
}

function readLesson(value: unknown): LessonProgress | undefined {
  if (!isRecord(value) || !isCount(value.step)) return undefined
  const steps: Record<string, StepProgress> = {}
  for (const [id, s] of entries(value.steps)) steps[id] = readStep(s)
  return { step: value.step, steps }
}

function readSource(value: unknown): LessonSource | undefined {
  if (!isRecord(value)) return undefined
  if (value.kind === 'builtin' && isText(value.id)) return { kind: 'builtin', id: value.id }
  if (value.kind === 'file' && isText(value.name, 500) && isText(value.text, MAX_SAVED_LESSON_CHARS)) return { kind: 'file', name: value.name, text: value.text }
  return undefined
}

function readApplied(value: unknown): WorkshopProgress['applied'] {
  if (!isRecord(value) || !isText(value.lessonId) || !isCount(value.step) || !isText(value.fingerprint, 100) || typeof value.clockStart !== 'number' || !Number.isFinite(value.clockStart)) return undefined
  return { lessonId: value.lessonId, step: value.step, fingerprint: value.fingerprint, clockStart: value.clockStart }
}

/** Anything to progress: what checks is kept. */
export function readProgress(value: unknown): WorkshopProgress {
  if (!isRecord(value) || value.v !== 1) return EMPTY_PROGRESS
  const lessons: Record<string, LessonProgress> = {}
  for (const [id, l] of entries(value.lessons)) {
    const lesson = readLesson(l)
    if (lesson) lessons[id] = lesson
  }
  const current = readSource(value.current)
  const applied = readApplied(value.applied)
  return { active: value.active === true && current !== undefined, ...(current ? { current } : {}), lessons, ...(applied ? { applied } : {}) }
}

export function loadProgress(storage: StorageLike | undefined): WorkshopProgress {
  try {
    const text = storage?.getItem(WORKSHOP_STORAGE_KEY)
    return text ? readProgress(JSON.parse(text)) : EMPTY_PROGRESS
  } catch (error) {
    console.warn('Ignoring the saved workshop progress:', error)
    return EMPTY_PROGRESS
  }
}

export function saveProgress(storage: StorageLike | undefined, progress: WorkshopProgress): void {
  // A lesson file too large to keep is not saved; the learner reopens the file.
  const current = progress.current?.kind === 'file' && progress.current.text.length > MAX_SAVED_LESSON_CHARS ? undefined : progress.current
  const { current: _dropped, ...rest } = progress
  try {
    storage?.setItem(WORKSHOP_STORAGE_KEY, JSON.stringify({ v: 1, ...rest, ...(current ? { current } : { active: false }) }))
  } catch (error) {
    console.warn('Could not save the workshop progress:', error)
  }
}
