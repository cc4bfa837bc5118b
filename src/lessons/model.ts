/**
 * The engine's view of a step: its resources through admission into a mesh, with the lesson's
 * profile and R11 behaviour. Built once per lesson and step.
 */
import { buildModel, DEFAULT_OPTIONS, type EngineOptions, type Model } from '../engine'
import { lessonBuild } from './resources'
import type { Lesson } from './types'

export function lessonOptions(lesson: Pick<Lesson, 'profile' | 'r11'>): EngineOptions {
  return { profile: lesson.profile, r11: lesson.r11 ?? DEFAULT_OPTIONS.r11 }
}

const cache = new WeakMap<Lesson, (Model | undefined)[]>()

/** @example lessonStepModel(lesson, 0).mesh.workloads.map((w) => w.name) */
export function lessonStepModel(lesson: Lesson, stepIndex: number): Model {
  const step = lessonBuild(lesson).steps[stepIndex]
  if (!step) throw new RangeError(`lesson ${lesson.id} has no step ${stepIndex}`)
  let models = cache.get(lesson)
  if (!models) {
    models = []
    cache.set(lesson, models)
  }
  let model = models[stepIndex]
  if (!model) {
    model = buildModel(step.objects, lessonOptions(lesson))
    models[stepIndex] = model
  }
  return model
}
