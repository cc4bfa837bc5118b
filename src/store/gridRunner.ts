/**
 * Runs grid evaluations after each change. A generation counter makes the newest change win: an
 * older evaluation that finishes late is dropped. Grids up to `syncThreshold` cells whose token
 * checks are already known (preparedMemo) are computed synchronously, so the edit and its grid are
 * one store update and one render; other small grids are evaluated in the main thread after the
 * token checks, large ones (above `workerThreshold`) in the worker when there is one.
 */
import { prepareEvaluation, type EngineOptions, type EvaluationContext, type KubeObject, type Mesh, type RequestProfile } from '../engine'
import type { JwksJson } from '../engine/jwt'
import { evaluateMesh, evaluatePrepared, gridSize, wantsExternalRow } from './gridView'
import { startGridWorker, type GridWorkerClient } from './gridWorkerClient'
import { configPrint, requestPrint, sameKey, type PreparedKey, type PreparedTokens } from './preparedMemo'
import type { GridViewSpec } from './gridFilter'
import type { GridView } from './types'

export interface GridJob {
  resources: readonly KubeObject[]
  options: EngineOptions
  mesh: Mesh
  request: RequestProfile
  /** The external row's request (its own path); absent: the same as `request`. */
  ingressRequest?: RequestProfile
  keySets: Record<string, JwksJson>
  /** Rows and columns to show; absent: the task's view. */
  view?: GridViewSpec
  /** Evaluate in the worker whatever the size (the change came from a text parsed off the main thread). */
  offThread?: boolean
}

export interface GridRunnerOptions {
  /** Grids with more cells than this go to the worker. */
  workerThreshold: number
  /** Grids with at most this many cells are computed synchronously when their token checks are known. */
  syncThreshold?: number
  /** Injected for tests; by default a Vite module worker in browsers and none in Node. */
  startWorker?: () => Promise<GridWorkerClient | undefined>
  onResult(view: GridView, millis: number): void
  onError(error: unknown): void
}

/** A grid computed inside schedule(): the caller puts it in the store with the edit. */
export interface SyncGrid {
  view: GridView
  millis: number
}

export interface GridRunner {
  /** Starts the evaluation of `job`; returns its grid when it could be computed at once (onResult is then not called). */
  schedule(job: GridJob): SyncGrid | undefined
  /** Resolves once the newest scheduled evaluation has finished (or failed). */
  settled(): Promise<void>
  /** The evaluation context of the current job, for explanations; prepared once per generation. */
  context(): Promise<EvaluationContext> | undefined
  /** The same for the external row, whose request has its own path. */
  ingressContext(): Promise<EvaluationContext> | undefined
}

export function createGridRunner(options: GridRunnerOptions): GridRunner {
  let generation = 0
  let latest: Promise<void> = Promise.resolve()
  let current: { generation: number; job: GridJob; context?: Promise<EvaluationContext>; ingressContext?: Promise<EvaluationContext> } | undefined
  let worker: Promise<GridWorkerClient | undefined> | undefined
  let memo: PreparedTokens | undefined

  const keyOf = (job: GridJob): PreparedKey => ({
    config: configPrint(job.resources),
    request: requestPrint(job.request),
    ingressRequest: job.ingressRequest ? requestPrint(job.ingressRequest) : '',
    keySets: job.keySets,
    options: job.options,
  })

  /** Remembers the token checks of a finished evaluation for the next synchronous one. */
  function remember(job: GridJob, key: PreparedKey | undefined, context: EvaluationContext, ingress: EvaluationContext): void {
    memo = {
      key: key ?? keyOf(job),
      tokens: context.tokens,
      ...(ingress !== context ? { ingressTokens: ingress.tokens } : {}),
      ...(context.modern ? { modern: context.modern, mesh: job.mesh } : {}),
      ...(ingress !== context && ingress.modern ? { ingressModern: ingress.modern } : {}),
    }
  }

  /** The grid now, or undefined when it is too big or its token checks are not known yet. */
  function computeNow(job: GridJob, key: PreparedKey, mine: number): SyncGrid | undefined {
    if (job.offThread || !memo || !sameKey(memo.key, key) || gridSize(job.mesh, job.view) > (options.syncThreshold ?? 0)) return undefined
    // A modern profile's prepared policies belong to one mesh: after a workload edit they are prepared again.
    if (memo.modern && memo.mesh !== job.mesh) return undefined
    const started = performance.now()
    const context: EvaluationContext = { mesh: job.mesh, options: job.options, request: job.request, tokens: memo.tokens, ...(memo.modern ? { modern: memo.modern } : {}) }
    const separateIngress = wantsExternalRow(job.mesh) && memo.ingressTokens !== undefined && job.ingressRequest !== undefined
    if (separateIngress && memo.modern && !memo.ingressModern) return undefined
    const ingress: EvaluationContext = separateIngress
      ? { mesh: job.mesh, options: job.options, request: job.ingressRequest as RequestProfile, tokens: memo.ingressTokens as EvaluationContext['tokens'], ...(memo.ingressModern ? { modern: memo.ingressModern } : {}) }
      : context
    const evaluation = evaluatePrepared(job.mesh, context, ingress, job.view)
    if (current?.generation === mine) {
      current.context = Promise.resolve(evaluation.context)
      current.ingressContext = Promise.resolve(evaluation.ingressContext)
    }
    return { view: evaluation.view, millis: performance.now() - started }
  }

  const contextOf = (job: GridJob) => prepareEvaluation(job.mesh, job.request, new Map(Object.entries(job.keySets)), job.options)

  const ingressContextOf = (job: GridJob) => prepareEvaluation(job.mesh, job.ingressRequest ?? job.request, new Map(Object.entries(job.keySets)), job.options)

  async function inThread(job: GridJob, mine: number, key?: PreparedKey): Promise<GridView | undefined> {
    const evaluation = await evaluateMesh(job.mesh, job.request, new Map(Object.entries(job.keySets)), job.options, () => mine === generation, job.ingressRequest, job.view)
    if (evaluation) remember(job, key, evaluation.context, evaluation.ingressContext)
    if (evaluation && current?.generation === mine) {
      current.context ??= Promise.resolve(evaluation.context)
      current.ingressContext ??= Promise.resolve(evaluation.ingressContext)
    }
    return evaluation?.view
  }

  async function inWorker(job: GridJob, mine: number): Promise<GridView | undefined> {
    worker ??= (options.startWorker ?? startGridWorker)()
    const client = await worker
    if (!client) return inThread(job, mine)
    try {
      const { view } = await client.evaluate({ resources: [...job.resources], options: job.options, request: job.request, ...(job.ingressRequest ? { ingressRequest: job.ingressRequest } : {}), ...(job.view ? { view: job.view } : {}), keySets: Object.entries(job.keySets) })
      return view
    } catch (error) {
      console.warn('Grid worker failed, evaluating in the main thread:', error)
      worker = Promise.resolve(undefined)
      return inThread(job, mine)
    }
  }

  async function run(job: GridJob, mine: number, key: PreparedKey): Promise<void> {
    const started = performance.now()
    try {
      const big = job.offThread === true || gridSize(job.mesh, job.view) > options.workerThreshold
      const view = await (big ? inWorker(job, mine) : inThread(job, mine, key))
      if (view && mine === generation) options.onResult(view, performance.now() - started)
    } catch (error) {
      if (mine === generation) options.onError(error)
    }
  }

  return {
    schedule(job) {
      const mine = ++generation
      current = { generation: mine, job }
      const key = keyOf(job)
      try {
        const now = computeNow(job, key, mine)
        if (now) {
          latest = Promise.resolve()
          return now
        }
      } catch (error) {
        console.warn('Synchronous grid failed, evaluating again:', error)
      }
      latest = run(job, mine, key)
      return undefined
    },
    async settled() {
      let seen: Promise<void>
      do {
        seen = latest
        await seen
      } while (seen !== latest)
    },
    context() {
      if (!current) return undefined
      current.context ??= contextOf(current.job)
      return current.context
    },
    ingressContext() {
      if (!current) return undefined
      current.ingressContext ??= current.job.ingressRequest ? ingressContextOf(current.job) : (current.context ??= contextOf(current.job))
      return current.ingressContext
    },
  }
}
