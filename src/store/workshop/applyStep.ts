/**
 * Puts a lesson step into the designer: the step's resources (origin 'lesson', one undo step), the
 * lesson's engine options, and the step's request (path, token, clock). The canvas, the YAML and the
 * live grid follow from the designer store as for any other change.
 */
import { lessonOptions, lessonStepResources, type Lesson } from '../../lessons/api'
import type { DesignerStore } from '../types'
import { designerFingerprint } from './fingerprint'
import { stepRequestSettings, tokenIssuedAt } from './stepRequest'

/** The part of the designer store the workshop uses (the app's store, or a test's). */
export interface DesignerHandle {
  getState(): DesignerStore
  subscribe(listener: (state: DesignerStore, previous: DesignerStore) => void): () => void
}

/** Signs a token like `gen-jwt.py key.pem --expire N`, issued at `now` (Unix seconds). */
export type Signer = (expireSeconds: number, now: number) => Promise<string>

export interface ApplyInput {
  lesson: Lesson
  step: number
  clockStart: number
  /** Keep the boxes where they are (moving from step to step); false lays the design out afresh. */
  keepLayout: boolean
  /** Asked after the token is signed: a newer navigation makes this one moot. */
  stillWanted(): boolean
}

/** Resolves to the designer's fingerprint once the step is in, or undefined when it was overtaken. */
export async function applyStep(designer: DesignerHandle, sign: Signer, input: ApplyInput): Promise<string | undefined> {
  const { lesson, step: index, clockStart } = input
  const step = lesson.steps[index]
  if (!step) throw new RangeError(`lesson ${lesson.id} has no step ${index}`)
  const token = step.request.token ?? 'none'
  const issuedAt = tokenIssuedAt(token, clockStart)
  // Signed before anything changes, so the designer never shows the step with the previous token.
  const jwt = typeof token === 'object' && issuedAt !== undefined ? await sign(token.generate.expireSeconds, issuedAt) : undefined
  if (!input.stillWanted()) return undefined
  const designer0 = designer.getState()
  // A lesson step is not an edit to preview: staged edits are committed first (one undo step, so
  // nothing is lost) and the step loads as it always does.
  if (designer0.staging) designer0.applyPreview()
  const options = lessonOptions(lesson)
  const current = designer0.options
  designer0.setRequest(stepRequestSettings(step, designer.getState().request, clockStart, jwt))
  // Last, so the designer's lastOrigin says 'lesson'; the lesson's profile comes in the same step (one undo).
  const sameOptions = current.profile === options.profile && current.r11 === options.r11
  designer0.loadResources(lessonStepResources(lesson, index), 'lesson', input.keepLayout ? designer.getState().layout : undefined, sameOptions ? undefined : options)
  return designerFingerprint(designer.getState())
}
