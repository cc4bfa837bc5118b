/**
 * Predict, then reveal: the codes a learner can predict, how a click cycles them, and how a step's
 * predictions are scored against the step's expected grid. Pure.
 */
import type { CellCode, LessonStep } from '../../lessons/api'
import { EXTERNAL_CLIENT } from '../../lessons/api'

/**
 * What a learner predicts. `000` stands for every curl failure (`000 (56)`, `000 (35)`, `000 (7)`):
 * the exit code is a detail learners are not asked to guess.
 */
export type Prediction = '200' | '503' | '401' | '403' | '000' | '404'

/** The cycle order: the common answers first; 404 only where an ingress route can be missing. */
const CYCLE: readonly Prediction[] = ['200', '503', '401', '000']
const INGRESS_CYCLE: readonly Prediction[] = [...CYCLE, '404']
/** Modern profiles (1.5+) add 403: an AuthorizationPolicy said no. */
const MODERN_CYCLE: readonly Prediction[] = ['200', '503', '401', '403', '000']
const MODERN_INGRESS_CYCLE: readonly Prediction[] = [...MODERN_CYCLE, '404']

export const ALL_PREDICTIONS: readonly Prediction[] = MODERN_INGRESS_CYCLE

/** A step whose requests come from outside the cluster, through the ingress gateway. */
export function isIngressStep(step: Pick<LessonStep, 'request'>): boolean {
  return step.request.clients?.includes(EXTERNAL_CLIENT) ?? false
}

export function predictionChoices(ingress: boolean, modern = false): readonly Prediction[] {
  if (modern) return ingress ? MODERN_INGRESS_CYCLE : MODERN_CYCLE
  return ingress ? INGRESS_CYCLE : CYCLE
}

/** The prediction after one more click: none → 200 → 503 → 401 → 000 (→ 404) → 200 … */
export function nextPrediction(current: Prediction | undefined, ingress: boolean, modern = false): Prediction {
  const choices = predictionChoices(ingress, modern)
  const at = current === undefined ? -1 : choices.indexOf(current)
  return choices[(at + 1) % choices.length] as Prediction
}

/** The prediction a code counts as: `000 (56)` is a `000`. */
export function predictionOf(code: CellCode | string): Prediction | undefined {
  const head = code.slice(0, 3)
  return (ALL_PREDICTIONS as readonly string[]).includes(head) ? (head as Prediction) : undefined
}

export function predictionMatches(prediction: Prediction | undefined, actual: CellCode | string): boolean {
  return prediction !== undefined && predictionOf(actual) === prediction
}

export type CellMark = 'correct' | 'wrong' | 'unanswered'

export function markOf(prediction: Prediction | undefined, actual: CellCode | string): CellMark {
  if (prediction === undefined) return 'unanswered'
  return predictionMatches(prediction, actual) ? 'correct' : 'wrong'
}

export interface StepScore {
  correct: number
  total: number
}

/** Every expected cell counts; a cell left blank is not correct. */
export function scoreStep(expected: Readonly<Record<string, string>>, predictions: Readonly<Record<string, Prediction>>): StepScore {
  const keys = Object.keys(expected)
  return { correct: keys.filter((k) => predictionMatches(predictions[k], expected[k] as string)).length, total: keys.length }
}

/** "7 / 9 correct" */
export function scoreText(score: StepScore): string {
  return `${score.correct} / ${score.total} correct`
}

/** The sum over the steps that have a score. */
export function totalScore(scores: readonly (StepScore | undefined)[]): StepScore {
  return scores.reduce<StepScore>((sum, s) => (s ? { correct: sum.correct + s.correct, total: sum.total + s.total } : sum), { correct: 0, total: 0 })
}
