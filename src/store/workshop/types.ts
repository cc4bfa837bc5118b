/** The workshop store's state and actions. Progress is the persisted part; the rest is per session. */
import type { Lesson, LessonError } from '../../lessons/api'
import type { Prediction } from './predictions'
import type { LessonSource, WorkshopProgress } from './progress'

export type OpenResult = { ok: true } | { ok: false; message: string; errors: LessonError[] }

export interface WorkshopState {
  progress: WorkshopProgress
  /** The current lesson, parsed; undefined until one is opened (or resumed). */
  lesson?: Lesson
  /** The lesson clock's start (Unix seconds): a step's request `at` N runs at clockStart + N. */
  clockStart: number
  /** The designer no longer shows the step as the lesson has it: the learner edited ("try it yourself"). */
  modified: boolean
  /** A step is being put into the designer. */
  applying: boolean
  pickerOpen: boolean
  presenter: boolean
}

export interface WorkshopActions {
  /** Opens a lesson at `step` (0-based), else where the learner left it, else at the start. */
  openLesson(source: LessonSource, step?: number): OpenResult
  /** Opens a `#lesson=...` link; a bad link changes nothing and says why. */
  openLink(hash: string): OpenResult
  /** On start: back to the lesson and step of the last visit, if workshop mode was on. */
  resume(): void
  /** Leaves workshop mode; progress is kept for next time. */
  leave(): void
  goTo(step: number): void
  next(): void
  previous(): void
  /** Puts the step back into the designer after the learner's own edits. */
  backToLesson(): void
  cyclePrediction(key: string): void
  setPrediction(key: string, prediction: Prediction | undefined): void
  reveal(): void
  /** Clears the step's predictions and its score, to predict again. */
  predictAgain(): void
  setPickerOpen(open: boolean): void
  setPresenter(on: boolean): void
  /** Resolves when the step being applied is in the designer. */
  settled(): Promise<void>
}

export type WorkshopStore = WorkshopState & WorkshopActions
