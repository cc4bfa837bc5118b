/**
 * Evaluates big grids off the main thread. Receives plain data (resources, options, request, key
 * sets), builds the model itself (a Mesh has Maps and cycles, cheaper to rebuild than to clone) and
 * returns the GridView, its cell bytes transferred rather than copied.
 */
import { buildModel } from '../engine'
import { evaluateMesh } from './gridView'
import type { GridJobMessage, GridResultMessage } from './gridWorkerClient'

interface WorkerScope {
  onmessage: ((event: MessageEvent<GridJobMessage>) => void) | null
  postMessage(message: GridResultMessage, transfer?: Transferable[]): void
}

const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  const { id, resources, options, request, ingressRequest, keySets, view } = event.data
  const started = performance.now()
  const model = buildModel(resources, options)
  evaluateMesh(model.mesh, request, new Map(keySets), options, undefined, ingressRequest, view).then(
    (evaluation) => {
      // Without a stillWanted callback an evaluation always completes.
      if (!evaluation) return scope.postMessage({ id, ok: false, message: 'evaluation abandoned' })
      scope.postMessage({ id, ok: true, view: evaluation.view, millis: performance.now() - started }, [evaluation.view.cells.buffer])
    },
    (error: unknown) => scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  )
}
