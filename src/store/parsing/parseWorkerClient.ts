/**
 * The main thread's side of parse.worker.ts, made like the grid worker's client: one long-lived
 * same-origin module worker (Vite `?worker`, so the strict CSP holds), requests matched to answers by
 * id. One request runs at a time; per lane (kind + file) only the newest waiting request is kept, so
 * a burst of edits to a big text parses the first and the last, not every one in between.
 * Where there is no Worker, or it fails, requests are parsed in this thread.
 */
import { markTiming } from '../timing'
import { laneOf, parseInThread, type ParseAnswer, type ParserPort, type ParseRequest } from './parserPort'

export type ParseReply = { id: number; ok: true; answer: ParseAnswer; millis: number } | { id: number; ok: false; message: string }

interface Waiting {
  request: ParseRequest
  resolve(answer: ParseAnswer | undefined): void
  reject(error: Error): void
}

/** The smallest part of a Worker this client uses (a test can hand in a fake). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ParseReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  postMessage(message: { id: number; request: ParseRequest }): void
}

async function startWorker(): Promise<WorkerLike | undefined> {
  try {
    const { default: ParseWorker } = await import('./parse.worker?worker')
    return new ParseWorker({ name: 'parse' })
  } catch (error) {
    console.warn('Parse worker unavailable, parsing in the main thread:', error)
    return undefined
  }
}

/** A port over a worker started on first use; `start` is injected by tests. */
export function workerParser(start: () => Promise<WorkerLike | undefined> = startWorker): ParserPort {
  let worker: Promise<WorkerLike | undefined> | undefined
  let nextId = 1
  let running: (Waiting & { id: number }) | undefined
  const queue: Waiting[] = []

  function failOver(message: string): void {
    // A crashed worker answers nothing more: what is running and waiting is parsed here instead.
    console.warn('Parse worker failed, parsing in the main thread:', message)
    worker = Promise.resolve(undefined)
    const all = [...(running ? [running] : []), ...queue.splice(0)]
    running = undefined
    for (const w of all) settleHere(w)
  }

  function settleHere(w: Waiting): void {
    try {
      w.resolve(parseInThread(w.request))
    } catch (error) {
      w.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }

  function ready(): Promise<WorkerLike | undefined> {
    worker ??= start().then((w) => {
      if (w) {
        w.onmessage = (event) => onReply(event.data)
        w.onerror = (event) => failOver(event.message || 'parse worker error')
      }
      return w
    })
    return worker
  }

  /** Starts the next waiting request; a request leaves the queue only when it starts (until then a newer one may replace it). */
  async function pump(): Promise<void> {
    if (running || queue.length === 0) return
    const w = await ready()
    if (running) return
    const next = queue.shift()
    if (!next) return
    if (!w) {
      settleHere(next)
      return pump()
    }
    running = { ...next, id: nextId++ }
    w.postMessage({ id: running.id, request: next.request })
  }

  function onReply(reply: ParseReply): void {
    if (!running || reply.id !== running.id) return
    const done = running
    running = undefined
    // How long the parse took in the worker (the main thread was free meanwhile), for the e2e report.
    if (reply.ok) markTiming('mad:parse-worker', { millis: reply.millis, chars: done.request.text.length })
    if (reply.ok) done.resolve(reply.answer)
    else done.reject(new Error(reply.message))
    void pump()
  }

  return {
    parse(request) {
      return new Promise<ParseAnswer | undefined>((resolve, reject) => {
        const lane = laneOf(request)
        const older = queue.findIndex((w) => laneOf(w.request) === lane)
        if (older >= 0) queue.splice(older, 1)[0]?.resolve(undefined)
        queue.push({ request, resolve, reject })
        void pump()
      })
    },
  }
}

/** The browser's port, or none where there is no Worker (Node, tests): then the store parses here. */
export function defaultParser(): ParserPort | undefined {
  return typeof Worker === 'undefined' ? undefined : workerParser()
}
