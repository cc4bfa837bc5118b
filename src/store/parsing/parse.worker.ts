/**
 * Parses big YAML texts off the main thread (parserPort.ts): one request at a time, answered with
 * plain data (objects, sources with their spans, coded findings with line and column).
 */
import { parseInThread, type ParseRequest } from './parserPort'
import type { ParseReply } from './parseWorkerClient'

interface WorkerScope {
  onmessage: ((event: MessageEvent<{ id: number; request: ParseRequest }>) => void) | null
  postMessage(message: ParseReply): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  const { id, request } = event.data
  const started = performance.now()
  try {
    scope.postMessage({ id, ok: true, answer: parseInThread(request), millis: performance.now() - started })
  } catch (error) {
    scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) })
  }
}
