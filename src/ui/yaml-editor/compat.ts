import type * as Monaco from 'monaco-editor/editor'

type MonacoApi = typeof Monaco
type CreateWebWorker = MonacoApi['editor']['createWebWorker']

/** The pre-0.56 options that monaco-worker-manager (used by monaco-yaml 5.5.1) still passes. */
interface LegacyWorkerOptions {
  moduleId?: string
  label?: string
  createData?: unknown
  host?: Record<string, (...args: unknown[]) => unknown>
  keepIdleModels?: boolean
}

const PATCHED = Symbol.for('mesh-auth.createWebWorker-compat')

/**
 * monaco-editor 0.56+ wants `createWebWorker({ worker })`. Called the old way it silently runs an
 * in-thread worker with no YAML service, so schema markers never appear (toolchain.md P6b).
 * This wrapper turns the old call into the new one: it asks MonacoEnvironment for the worker and
 * sends the two start-up messages Monaco's own legacy path sends ('ignore', then createData).
 */
export function patchLegacyCreateWebWorker(monaco: MonacoApi): void {
  const api = monaco.editor as unknown as { createWebWorker: CreateWebWorker; [PATCHED]?: true }
  if (api[PATCHED]) return
  const modern = api.createWebWorker.bind(monaco.editor) as (opts: object) => ReturnType<CreateWebWorker>

  api.createWebWorker = ((opts: LegacyWorkerOptions & { worker?: unknown }) => {
    if (opts.worker !== undefined) return modern(opts)
    const env = globalThis.MonacoEnvironment
    if (!env?.getWorker) throw new Error('MonacoEnvironment.getWorker must be set before a language worker starts')
    const worker = Promise.resolve(env.getWorker(opts.moduleId ?? 'workerMain.js', opts.label ?? 'editorWorkerService')).then(
      (w) => {
        w.postMessage('ignore')
        w.postMessage(opts.createData)
        return w
      },
    )
    return modern({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels })
  }) as CreateWebWorker
  api[PATCHED] = true
}
