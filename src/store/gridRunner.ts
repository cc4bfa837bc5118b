/**
 * Runs grid evaluations after each change. A generation counter makes the newest change win: an
 * older evaluation that finishes late is dropped. Small grids are evaluated in the main thread (a
 * worker round trip would cost more), large ones in the worker when there is one.
 */
import { prepareEvaluation, type EngineOptions, type EvaluationContext, type KubeObject, type Mesh, type RequestProfile } from '../engine'
import type { JwksJson } from '../engine/jwt'
import { evaluateMesh, gridSize } from './gridView'
import { startGridWorker, type GridWorkerClient } from './gridWorkerClient'
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
}

export interface GridRunnerOptions {
  /** Grids with more cells than this go to the worker. */
  workerThreshold: number
  /** Injected for tests; by default a Vite module worker in browsers and none in Node. */
  startWorker?: () => Promise<GridWorkerClient | undefined>
  onResult(view: GridView, millis: number): void
  onError(error: unknown): void
}

export interface GridRunner {
  schedule(job: GridJob): void
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

  const contextOf = (job: GridJob) => prepareEvaluation(job.mesh, job.request, new Map(Object.entries(job.keySets)), job.options)

  const ingressContextOf = (job: GridJob) => prepareEvaluation(job.mesh, job.ingressRequest ?? job.request, new Map(Object.entries(job.keySets)), job.options)

  async function inThread(job: GridJob, mine: number): Promise<GridView | undefined> {
    const evaluation = await evaluateMesh(job.mesh, job.request, new Map(Object.entries(job.keySets)), job.options, () => mine === generation, job.ingressRequest, job.view)
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

  async function run(job: GridJob, mine: number): Promise<void> {
    const started = performance.now()
    try {
      const big = gridSize(job.mesh, job.view) > options.workerThreshold
      const view = await (big ? inWorker(job, mine) : inThread(job, mine))
      if (view && mine === generation) options.onResult(view, performance.now() - started)
    } catch (error) {
      if (mine === generation) options.onError(error)
    }
  }

  return {
    schedule(job) {
      const mine = ++generation
      current = { generation: mine, job }
      latest = run(job, mine)
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
