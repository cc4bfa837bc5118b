/**
 * The smallest-fix search off the main thread. One worker per search: cancelling terminates it.
 * Posts progress after every checked design, then the result.
 */
import { searchFixes } from '../../engine/intent'
import type { FixJob, FixWorkerMessage } from './fixSearchClient'

interface WorkerScope {
  onmessage: ((event: MessageEvent<FixJob>) => void) | null
  postMessage(message: FixWorkerMessage): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  const { resources, expectations, options, request, ingressRequest, keySets } = event.data
  let last = 0
  searchFixes(resources, expectations, { options, request, ...(ingressRequest ? { ingressRequest } : {}), keySets: new Map(keySets) }, {
    onProgress(done, total) {
      // Every checked design would flood the main thread: at most one message per 25 ms.
      const now = performance.now()
      if (now - last < 25 && done < total) return
      last = now
      scope.postMessage({ kind: 'progress', done, total })
    },
  }).then(
    (result) => scope.postMessage({ kind: 'result', result }),
    (error: unknown) => scope.postMessage({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  )
}
