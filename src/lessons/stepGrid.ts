/**
 * What the engine says a step's requests print: one code per probe, and the step's
 * `istioctl authn tls-check` rows.
 */
import {
  clientLabel,
  computeGrid,
  evaluateExternal,
  formatVerdict,
  prepareEvaluation,
  resolveTarget,
  tlsCheckRows,
  verdictById,
  type EvaluationContext,
} from '../engine'
import { ISTIO_DEMO_JWT, type KeySets } from '../engine/jwt'
import { lessonOptions, lessonStepModel } from './model'
import { lessonStepRequests, type StepProbe } from './requests'
import { EXTERNAL_CLIENT, type CellCode, type Lesson, type TokenSpec } from './types'

export interface StepGridDeps {
  /** Key sets by jwksUri beyond Istio's sample (which is built in). */
  keySets: KeySets
  /** Signs a token like `gen-jwt.py key.pem --expire N` issued at `now` (Unix seconds). */
  sign: (expireSeconds: number, now: number) => Promise<string>
  /** The lesson clock's start, Unix seconds: a probe `at` N runs at now + N. */
  now: number
}

/** What `kubectl describe secret` yields for the default service account: opaque to Istio. */
const SERVICE_ACCOUNT_TOKEN = 'kubernetes-service-account-token'

function tokenKey(token: TokenSpec): string {
  return typeof token === 'string' ? token : `gen:${token.generate.expireSeconds}:${token.generate.issuedAtOffset ?? 0}`
}

async function tokenText(token: TokenSpec, deps: StepGridDeps): Promise<string | undefined> {
  if (token === 'none') return undefined
  if (token === 'demo') return ISTIO_DEMO_JWT
  if (token === 'serviceaccount') return SERVICE_ACCOUNT_TOKEN
  return deps.sign(token.generate.expireSeconds, deps.now + (token.generate.issuedAtOffset ?? 0))
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return [...groups.values()]
}

function codeOf(verdictId: number): CellCode {
  const verdict = verdictById(verdictId)
  if (!verdict) throw new Error(`the engine returned no verdict (${verdictId})`)
  return formatVerdict(verdict) as CellCode
}

/** Verdict ids of the workload probes of one request profile: one grid over their clients and targets. */
function workloadVerdicts(ctx: EvaluationContext, probes: readonly StepProbe[]): Map<StepProbe, number> {
  const mesh = ctx.mesh
  const clientLabels = [...new Set(probes.map((p) => p.from))]
  const targetLabels = [...new Set(probes.map((p) => p.target))]
  const clients = clientLabels.map((label) => {
    const workload = mesh.workloads.find((w) => clientLabel(w) === label)
    if (!workload) throw new Error(`no workload ${label}`)
    return workload
  })
  const targets = targetLabels.map((label) => {
    const resolved = resolveTarget(mesh, label, '')
    if (!resolved.ok) throw new Error(resolved.message)
    return resolved.target
  })
  const grid = computeGrid(ctx, clients, targets)
  return new Map(probes.map((p) => [p, grid.cells[clientLabels.indexOf(p.from) * targets.length + targetLabels.indexOf(p.target)] as number]))
}

/**
 * Runs step `stepIndex`'s probes through the engine. A generated token is signed once per step, so a
 * loop's iterations share it as `TOKEN=$(...)` before a shell loop does.
 * @example await computeStepGrid(lesson, 3, { keySets: new Map(), sign, now: 1_795_000_000 }) // { 'sleep.foo -> httpbin.foo:8000': '503', ... }
 */
export async function computeStepGrid(lesson: Lesson, stepIndex: number, deps: StepGridDeps): Promise<Record<string, CellCode>> {
  const mesh = lessonStepModel(lesson, stepIndex).mesh
  const options = lessonOptions(lesson)
  const tokens = new Map<string, Promise<string | undefined>>()
  const out: Record<string, CellCode> = {}
  // Probes that share path, token and time share one request profile, hence one evaluation.
  for (const group of groupBy(lessonStepRequests(lesson, stepIndex), (p) => `${p.path}\n${tokenKey(p.token)}\n${p.at}`)) {
    const first = group[0] as StepProbe
    const key = tokenKey(first.token)
    if (!tokens.has(key)) tokens.set(key, tokenText(first.token, deps))
    const token = await tokens.get(key)
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
    const ctx = await prepareEvaluation(mesh, { path: first.path, headers, now: deps.now + first.at }, deps.keySets, options)
    const inMesh = workloadVerdicts(ctx, group.filter((p) => p.from !== EXTERNAL_CLIENT))
    const external = group.some((p) => p.from === EXTERNAL_CLIENT) ? evaluateExternal(ctx).verdict : undefined
    for (const probe of group) out[probe.key] = codeOf(probe.from === EXTERNAL_CLIENT ? (external as number) : (inMesh.get(probe) as number))
  }
  return out
}

/**
 * `istioctl authn tls-check` for the step's pairs whose client has a sidecar, as
 * `STATUS SERVER CLIENT POLICY RULE` (istioctl's columns after HOST:PORT). It reads configuration
 * only: neither sidecar presence of the server nor JWT enters it.
 */
export function computeStepTlsCheck(lesson: Lesson, stepIndex: number): Record<string, string> {
  const mesh = lessonStepModel(lesson, stepIndex).mesh
  const out: Record<string, string> = {}
  for (const probe of lessonStepRequests(lesson, stepIndex)) {
    const client = mesh.workloads.find((w) => clientLabel(w) === probe.from)
    const resolved = resolveTarget(mesh, probe.target, '')
    if (!client?.sidecar || !resolved.ok) continue
    const row = tlsCheckRows(mesh, [resolved.target], lesson.profile, client.namespace)[0]
    if (row) out[`${probe.from} -> ${probe.target}`] = [row.status, row.server, row.client, row.authnPolicy, row.destinationRule].join(' ')
  }
  return out
}
