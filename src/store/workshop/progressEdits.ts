import { isModernProfile } from '../../engine'
/** Changes to the progress, each returning a new value (the store compares by identity to save). Pure. */
import type { Lesson } from '../../lessons/api'
import { nextPrediction, scoreStep, isIngressStep, type Prediction } from './predictions'
import type { LessonProgress, LessonSource, StepProgress, WorkshopProgress } from './progress'

const NO_PREDICTIONS: StepProgress = Object.freeze({ predictions: Object.freeze({}) as Record<string, Prediction> })

export function lessonProgressOf(progress: WorkshopProgress, lessonId: string): LessonProgress {
  return progress.lessons[lessonId] ?? { step: 0, steps: {} }
}

export function stepProgressOf(progress: WorkshopProgress, lessonId: string, stepId: string): StepProgress {
  return progress.lessons[lessonId]?.steps[stepId] ?? NO_PREDICTIONS
}

export function clampStep(lesson: Lesson, step: number): number {
  return Math.min(Math.max(0, Math.trunc(step)), lesson.steps.length - 1)
}

/** Workshop mode on, with `lesson` current at `step`. */
export function withOpenLesson(progress: WorkshopProgress, source: LessonSource, lesson: Lesson, step: number): WorkshopProgress {
  const saved = lessonProgressOf(progress, lesson.id)
  return { ...progress, active: true, current: source, lessons: { ...progress.lessons, [lesson.id]: { ...saved, step } } }
}

export function withStep(progress: WorkshopProgress, lessonId: string, step: number): WorkshopProgress {
  const saved = lessonProgressOf(progress, lessonId)
  if (saved.step === step && progress.lessons[lessonId]) return progress
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: { ...saved, step } } }
}

function withStepProgress(progress: WorkshopProgress, lessonId: string, stepId: string, change: (s: StepProgress) => StepProgress): WorkshopProgress {
  const lesson = lessonProgressOf(progress, lessonId)
  const next = change(stepProgressOf(progress, lessonId, stepId))
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: { ...lesson, steps: { ...lesson.steps, [stepId]: next } } } }
}

/** Sets or clears one prediction; a revealed step's predictions stay as they were scored. */
export function withPrediction(progress: WorkshopProgress, lesson: Lesson, stepIndex: number, key: string, prediction: Prediction | undefined): WorkshopProgress {
  const step = lesson.steps[stepIndex]
  if (!step || !(key in step.expect.grid) || stepProgressOf(progress, lesson.id, step.id).score) return progress
  return withStepProgress(progress, lesson.id, step.id, (s) => {
    const predictions = { ...s.predictions }
    if (prediction === undefined) delete predictions[key]
    else predictions[key] = prediction
    return { predictions }
  })
}

/** One click on a prediction cell: the next code of the cycle. */
export function withCycledPrediction(progress: WorkshopProgress, lesson: Lesson, stepIndex: number, key: string): WorkshopProgress {
  const step = lesson.steps[stepIndex]
  if (!step) return progress
  const current = stepProgressOf(progress, lesson.id, step.id).predictions[key]
  return withPrediction(progress, lesson, stepIndex, key, nextPrediction(current, isIngressStep(step), isModernProfile(lesson.profile)))
}

/** Reveal: the step's score is fixed from its predictions against the expected grid. */
export function withReveal(progress: WorkshopProgress, lesson: Lesson, stepIndex: number): WorkshopProgress {
  const step = lesson.steps[stepIndex]
  if (!step) return progress
  return withStepProgress(progress, lesson.id, step.id, (s) => (s.score ? s : { ...s, score: scoreStep(step.expect.grid, s.predictions) }))
}

export function withoutPredictions(progress: WorkshopProgress, lesson: Lesson, stepIndex: number): WorkshopProgress {
  const step = lesson.steps[stepIndex]
  return step ? withStepProgress(progress, lesson.id, step.id, () => ({ predictions: {} })) : progress
}
