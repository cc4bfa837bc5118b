/**
 * The main thread's side of grid.worker.ts: one long-lived worker, requests matched to answers by id.
 * Where there is no Worker (Node, tests) or it fails to start, `undefined` tells the caller to
 * evaluate in the main thread instead.
 */
import type { GridViewSpec } from './gridFilter'
import type { EngineOptions, KubeObject, RequestProfile } from '../engine'
import type { JwksJson } from '../engine/jwt'
import type { GridView } from './types'

export interface GridJobMessage {
  id: number
  resources: KubeObject[]
  options: EngineOptions
  request: RequestProfile
  /** The external row's request; absent: the same as `request`. */
  ingressRequest?: RequestProfile
  keySets: [string, JwksJson][]
  view?: GridViewSpec
}

export type GridResultMessage = { id: number; ok: true; view: GridView; millis: number } | { id: number; ok: false; message: string }

export interface GridWorkerClient {
  evaluate(job: Omit<GridJobMessage, 'id'>): Promise<{ view: GridView; millis: number }>
}

/** Vite bundles the worker as its own module chunk; the import is lazy so Node never resolves it. */
export async function startGridWorker(): Promise<GridWorkerClient | undefined> {
  if (typeof Worker === 'undefined') return undefined
  try {
    const { default: GridWorker } = await import('./grid.worker?worker')
    return wrapWorker(new GridWorker({ name: 'grid' }))
  } catch (error) {
    console.warn('Grid worker unavailable, evaluating in the main thread:', error)
    return undefined
  }
}

function wrapWorker(worker: Worker): GridWorkerClient {
  let nextId = 1
  const waiting = new Map<number, { resolve(v: { view: GridView; millis: number }): void; reject(e: Error): void }>()
  worker.onmessage = (event: MessageEvent<GridResultMessage>) => {
    const answer = event.data
    const entry = waiting.get(answer.id)
    waiting.delete(answer.id)
    if (!entry) return
    if (answer.ok) entry.resolve({ view: answer.view, millis: answer.millis })
    else entry.reject(new Error(answer.message))
  }
  worker.onerror = (event) => {
    // A crashed worker answers nothing more: fail everything waiting so callers fall back.
    for (const entry of waiting.values()) entry.reject(new Error(event.message || 'grid worker failed'))
    waiting.clear()
  }
  return {
    evaluate(job) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject })
        worker.postMessage({ id, ...job } satisfies GridJobMessage)
      })
    },
  }
}
