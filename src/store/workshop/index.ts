/**
 * Workshop mode's state: the lesson, the step, predictions and scores, saved in the browser. A small
 * zustand store of its own (createWorkshopStore), created on first use and bound to the designer's
 * store, like useDesignerStore.
 */
import { ISTIO_SAMPLE_PRIVATE_KEY_PEM } from '../../engine'
import { genJwtLikeIstio } from '../../engine/jwt'
import { builtinLessons, parseLesson } from '../../lessons'
import { browserStorage } from '../autosave'
import { useDesignerStore } from '../index'
import { hiddenCellKeys } from './hiddenCells'
import { clampStep, lessonProgressOf, stepProgressOf } from './progressEdits'
import type { StepProgress } from './progress'
import type { WorkshopState } from './types'
import { createWorkshopStore, type WorkshopStoreHook } from './workshopStore'

export { createWorkshopStore, type WorkshopDeps, type WorkshopStoreHook } from './workshopStore'
export type * from './types'
export * from './predictions'
export * from './cellTable'
export * from './lessonLink'
export { explainStepCell, type ExplainDeps } from './explainStep'
export { WORKSHOP_STORAGE_KEY, loadProgress, saveProgress, readProgress, type LessonSource, type StepProgress, type LessonProgress, type WorkshopProgress } from './progress'
export { designerFingerprint } from './fingerprint'
export { hiddenCellKeys, isHiddenCell, ANY_COLUMN } from './hiddenCells'

/** Like `gen-jwt.py key.pem --expire N` with Istio's sample key, so the sample key set accepts it. */
export const signWithSampleKey = (expireSeconds: number, now: number) => genJwtLikeIstio({ privateKeyPem: ISTIO_SAMPLE_PRIVATE_KEY_PEM, expireSeconds, now })

let instance: WorkshopStoreHook | undefined

function workshopStore(): WorkshopStoreHook {
  instance ??= createWorkshopStore({
    designer: useDesignerStore,
    // A getter: the built-in lessons are parsed when a lesson is first opened, not at start-up.
    library: {
      get builtins() {
        return builtinLessons()
      },
      parse: parseLesson,
    },
    sign: signWithSampleKey,
    storage: browserStorage(),
  })
  return instance
}

/** The app's workshop store (a zustand hook with getState/setState/subscribe). */
export const useWorkshopStore = ((...args: unknown[]) => (workshopStore() as (...a: unknown[]) => unknown)(...args)) as unknown as WorkshopStoreHook
for (const member of ['getState', 'getInitialState', 'setState', 'subscribe'] as const) {
  Object.defineProperty(useWorkshopStore, member, { get: () => workshopStore()[member] })
}

/** The current step's index (0-based), clamped to the lesson. */
export function currentStepIndex(s: Pick<WorkshopState, 'lesson' | 'progress'>): number {
  return s.lesson ? clampStep(s.lesson, lessonProgressOf(s.progress, s.lesson.id).step) : 0
}

/** The current step's predictions and score. */
export function currentStepProgress(s: Pick<WorkshopState, 'lesson' | 'progress'>): StepProgress | undefined {
  const step = s.lesson?.steps[currentStepIndex(s)]
  return s.lesson && step ? stepProgressOf(s.progress, s.lesson.id, step.id) : undefined
}

/**
 * The cells of the current step still to be predicted, one `row|column` a line ('' when none): a
 * string, so a selector returning it re-renders only when the set changes.
 */
export function hiddenCellsText(s: Pick<WorkshopState, 'lesson' | 'progress'>): string {
  if (!s.progress.active || !s.lesson) return ''
  const step = s.lesson.steps[currentStepIndex(s)]
  return hiddenCellKeys(step, currentStepProgress(s)?.score !== undefined).join('\n')
}
