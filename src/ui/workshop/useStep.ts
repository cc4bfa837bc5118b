import { useShallow } from 'zustand/react/shallow'
import type { Lesson, LessonStep } from '../../lessons/api'
import { currentStepIndex, currentStepProgress, useWorkshopStore, type StepProgress } from '../../store/workshop'

export interface CurrentStep {
  lesson: Lesson
  step: LessonStep
  index: number
  count: number
  progress: StepProgress
}

const NONE: StepProgress = { predictions: {} }

/** The open lesson's current step, or undefined outside workshop mode. */
export function useCurrentStep(): CurrentStep | undefined {
  const { lesson, index, progress, active } = useWorkshopStore(
    useShallow((s) => ({ lesson: s.lesson, index: currentStepIndex(s), progress: currentStepProgress(s), active: s.progress.active })),
  )
  const step = lesson?.steps[index]
  if (!active || !lesson || !step) return undefined
  return { lesson, step, index, count: lesson.steps.length, progress: progress ?? NONE }
}

export function useWorkshopActive(): boolean {
  return useWorkshopStore((s) => s.progress.active && s.lesson !== undefined)
}

/** "Step 4 of 22 · Globally enabling Istio mutual TLS" */
export function stepCounterText(current: Pick<CurrentStep, 'index' | 'count' | 'step'>): string {
  return `Step ${current.index + 1} of ${current.count} · ${current.step.section}`
}
