/**
 * The engine's explanation of one cell of a lesson step, on the step's own resources and request
 * (not the designer's, which the learner may have changed): why the real result is what it is.
 */
import { clientLabel, explainExternal, explainWorkloadCell, prepareEvaluation, resolveTarget, type CellExplanation, type RequestProfile } from '../../engine'
import { ISTIO_DEMO_JWT, type KeySets } from '../../engine/jwt'
import { DEFAULT_PATH, EXTERNAL_CLIENT, lessonOptions, lessonStepModel, type Lesson, type TokenSpec } from '../../lessons/api'
import { parseCellKey } from './cellTable'
import { SERVICE_ACCOUNT_TOKEN } from './stepRequest'

export interface ExplainDeps {
  /** Signs a token like `gen-jwt.py --expire N`, issued at `now` (Unix seconds). */
  sign(expireSeconds: number, now: number): Promise<string>
  /** The lesson clock's start, Unix seconds. */
  clockStart: number
  keySets?: KeySets
}

async function tokenText(token: TokenSpec, deps: ExplainDeps): Promise<string | undefined> {
  if (token === 'none') return undefined
  if (token === 'demo') return ISTIO_DEMO_JWT
  if (token === 'serviceaccount') return SERVICE_ACCOUNT_TOKEN
  return deps.sign(token.generate.expireSeconds, deps.clockStart + (token.generate.issuedAtOffset ?? 0))
}

/** undefined when the key is not a cell of the step. */
export async function explainStepCell(lesson: Lesson, stepIndex: number, key: string, deps: ExplainDeps): Promise<CellExplanation | undefined> {
  const step = lesson.steps[stepIndex]
  const cell = parseCellKey(key)
  if (!step || !cell || !(key in step.expect.grid)) return undefined
  const mesh = lessonStepModel(lesson, stepIndex).mesh
  const token = await tokenText(step.request.token ?? 'none', deps)
  const request: RequestProfile = {
    path: step.request.path ?? DEFAULT_PATH,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    // A loop's cell names its instant; other cells run at the step's `at`.
    now: deps.clockStart + (cell.at ?? step.request.at ?? 0),
  }
  const ctx = await prepareEvaluation(mesh, request, deps.keySets ?? new Map(), lessonOptions(lesson))
  if (cell.from === EXTERNAL_CLIENT) return explainExternal(ctx)
  const client = mesh.workloads.find((w) => clientLabel(w) === cell.from)
  const target = resolveTarget(mesh, cell.target, '')
  return client && target.ok ? explainWorkloadCell(ctx, client, target.target) : undefined
}
