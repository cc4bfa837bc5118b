/**
 * Runs a fix search in a Web Worker (fix.worker.ts) with progress and cancel; where there is no
 * Worker (Node, tests) it runs in this thread, still reporting progress and honouring cancel
 * between checked designs.
 */
import type { EngineOptions, KubeObject, RequestProfile } from '../../engine'
import { searchFixes, type Expectation, type FixSearchResult } from '../../engine/intent'
import type { JwksJson } from '../../engine/jwt'

export interface FixJob {
  resources: KubeObject[]
  expectations: Expectation[]
  options: EngineOptions
  request: RequestProfile
  ingressRequest?: RequestProfile
  keySets: [string, JwksJson][]
}

export type FixWorkerMessage = { kind: 'progress'; done: number; total: number } | { kind: 'result'; result: FixSearchResult } | { kind: 'error'; message: string }

export interface RunningSearch {
  result: Promise<FixSearchResult | undefined>
  /** Stops the search; `result` then resolves to undefined. */
  cancel(): void
}

class Cancelled extends Error {}

function inThisThread(job: FixJob, onProgress: (done: number, total: number) => void): RunningSearch {
  let cancelled = false
  const result = searchFixes(job.resources, job.expectations, { options: job.options, request: job.request, ...(job.ingressRequest ? { ingressRequest: job.ingressRequest } : {}), keySets: new Map(job.keySets) }, {
    onProgress(done, total) {
      if (cancelled) throw new Cancelled()
      onProgress(done, total)
    },
  }).catch((error: unknown) => {
    if (error instanceof Cancelled) return undefined
    throw error
  })
  return { result, cancel: () => (cancelled = true) }
}

export function startFixSearch(job: FixJob, onProgress: (done: number, total: number) => void): RunningSearch {
  if (typeof Worker === 'undefined') return inThisThread(job, onProgress)
  const worker = new Worker(new URL('./fix.worker.ts', import.meta.url), { type: 'module', name: 'fix-search' })
  let settle: (value: FixSearchResult | undefined) => void = () => undefined
  let fail: (error: Error) => void = () => undefined
  const result = new Promise<FixSearchResult | undefined>((resolve, reject) => {
    settle = resolve
    fail = reject
  })
  worker.onmessage = (event: MessageEvent<FixWorkerMessage>) => {
    const m = event.data
    if (m.kind === 'progress') return onProgress(m.done, m.total)
    worker.terminate()
    if (m.kind === 'result') settle(m.result)
    else fail(new Error(m.message))
  }
  worker.onerror = (event) => {
    worker.terminate()
    fail(new Error(event.message || 'the fix search failed'))
  }
  worker.postMessage(job)
  return {
    result,
    cancel() {
      worker.terminate()
      settle(undefined)
    },
  }
}
