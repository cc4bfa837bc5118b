/**
 * createDesignerStore: one bound zustand store with zundo's history of {resources, layout, options}. The
 * store is the app's I/O layer: it reads the clock and localStorage, starts workers and elk, and keeps
 * the engine and the YAML layer pure.
 */
import { TASK_VIEW } from './gridFilter'
import { create, type StoreApi } from 'zustand'
import { temporal, type TemporalState } from 'zundo'
import { DEFAULT_OPTIONS } from '../engine'
import { seedWorkloads } from '../scenarios/seed'
import { createActions } from './actions'
import { browserBigStorage, browserStorage, startAutosave, tabStorage, type Autosave, type BigStorage, type StorageLike } from './autosave'
import { scheduleGrid, type HistoryState, type StoreContext } from './commit'
import type { Design } from './design'
import { afterOpening, readOpening, type Opening } from './opening'
import { deriveDocuments } from './derive'
import { NO_DRAFTS } from './drafts'
import { changedCells } from './gridView'
import { createGridRunner } from './gridRunner'
import { PARSE_WORKER_THRESHOLD, type ParserPort } from './parsing/parserPort'
import { defaultParser } from './parsing/parseWorkerClient'
import { createTextCommands } from './parsing/textCommands'
import type { GridWorkerClient } from './gridWorkerClient'
import { autoLayout } from './layout'
import { afterGridShown, markTiming } from './timing'
import { EMPTY_LAYOUT, placeNewNodes } from './placeNodes'
import { watchStagedDiff } from './staging'
import type { ChangeOrigin, DesignerState, DesignerStore, GridView, RequestSettings } from './types'

export interface DesignerStoreDeps {
  /** Where the design is saved; null turns saving and restoring off. Default: localStorage if any. */
  storage?: StorageLike | null
  /** The design to open instead of the saved one or the seed. */
  initial?: Design & { request?: RequestSettings }
  /** Real clock in Unix seconds. */
  clock?: () => number
  /** Grids with more cells than this are evaluated in a worker (when there is one); smaller ones in the main thread. */
  workerThreshold?: number
  startWorker?: () => Promise<GridWorkerClient | undefined>
  autosaveDelayMs?: number
  /** Undo steps kept. */
  historyLimit?: number
  /** Arrange designs that come without a layout with elk (off: the quick placement only). */
  elkLayout?: boolean
  /** Where designs too large for `storage` go. Default: IndexedDB when `storage` is the browser's. */
  bigStorage?: BigStorage | null
  /** Where tokens kept only for this tab go. Default: sessionStorage when `storage` is the browser's. */
  tabStorage?: StorageLike | null
  /** Parses big texts off the main thread. Default: the parse worker where there is a Worker; null: always here. */
  parser?: ParserPort | null
  /** Texts of at least this many characters go to `parser` (default PARSE_WORKER_THRESHOLD). */
  parseThreshold?: number
}

/**
 * Grids up to this many cells are computed in the main thread, synchronously with the edit when the
 * token checks are known (one render); bigger ones in the worker. Measured with `npm run bench:browser`
 * (issue 12): see the report in docs.
 */
export const WORKER_THRESHOLD = 250_000

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = { path: '/ip', headers: {} }

/** The autosave of each store, for the page's "retry", "keep mine" and recovery buttons. */
const autosaves = new WeakMap<object, { autosave: Autosave; storage: StorageLike; big: BigStorage | undefined }>()

export function autosaveOf(store: object): { autosave: Autosave; storage: StorageLike; big: BigStorage | undefined } | undefined {
  return autosaves.get(store)
}

/** What the store opens on: the given design, else the saved one, else the seed's initial state. */
function tabOf(deps: DesignerStoreDeps): StorageLike | undefined {
  return deps.tabStorage === null ? undefined : (deps.tabStorage ?? (deps.storage === undefined ? tabStorage() : undefined))
}

function openingDesign(deps: DesignerStoreDeps, storage: StorageLike | undefined): Opening {
  if (deps.initial) return { design: deps.initial, request: deps.initial.request ?? DEFAULT_REQUEST_SETTINGS, origin: 'init', paused: false }
  // The seed opens with the task's view: sleep rows by httpbin columns.
  return readOpening(storage, DEFAULT_REQUEST_SETTINGS, () => ({ resources: seedWorkloads(), layout: EMPTY_LAYOUT, options: DEFAULT_OPTIONS, view: TASK_VIEW }), tabOf(deps))
}

/** Origins that replace the whole design rather than edit it. */
const LOADS: ReadonlySet<string> = new Set(['import', 'share', 'reset', 'restore', 'init'])

export function createDesignerStore(deps: DesignerStoreDeps = {}) {
  const storage = deps.storage === null ? undefined : (deps.storage ?? browserStorage())
  const opening = openingDesign(deps, storage)
  const clock = deps.clock ?? (() => Math.floor(Date.now() / 1000))
  let pendingLayout: Promise<void> = Promise.resolve()
  let stagedDiff: { settled(): Promise<void> } | undefined

  const store = create<DesignerStore>()(
    temporal(
      (set, get, api) => {
        // Inside the initializer zundo types `temporal` as unknown; it is the history store by then.
        const history = () => (api as unknown as { temporal: StoreApi<TemporalState<HistoryState>> }).temporal.getState()
        const gridReady = (view: GridView, millis: number) => {
          const previous = get().gridState.grid
          set({ gridState: { grid: view, changed: changedCells(previous, view), millis, computing: false } })
          markTiming('mad:grid-ready')
        }
        const threshold = deps.workerThreshold ?? WORKER_THRESHOLD
        const runner = createGridRunner({
          workerThreshold: threshold,
          syncThreshold: threshold,
          ...(deps.startWorker ? { startWorker: deps.startWorker } : {}),
          onResult(view, millis) {
            // A design just loaded (file, share link, reset) changed nothing the user did: no marks.
            if (LOADS.has(get().lastOrigin)) {
              set({ gridState: { grid: view, changed: new Set(), millis, computing: false } })
              markTiming('mad:grid-ready')
            } else gridReady(view, millis)
          },
          onError(error) {
            console.error('Grid evaluation failed:', error)
            set({ gridState: { ...get().gridState, computing: false } })
          },
        })
        const ctx: StoreContext = {
          set: (partial) => set(partial),
          get,
          history,
          runner,
          clock,
          endDrag: () => undefined,
          gridReady,
          recordStep(before) {
            const temporal = (api as unknown as { temporal: StoreApi<TemporalState<HistoryState>> }).temporal
            const limit = deps.historyLimit ?? 200
            temporal.setState({ pastStates: [...temporal.getState().pastStates, before].slice(-limit), futureStates: [] })
          },
          setHistory(past, future) {
            const temporal = (api as unknown as { temporal: StoreApi<TemporalState<HistoryState>> }).temporal
            temporal.setState({ pastStates: past.slice(-(deps.historyLimit ?? 200)), futureStates: future })
          },
          refineLayout(afterGrid = false) {
            if (deps.elkLayout === false) return
            const { resources, layout: placed } = get()
            // The user (or an undo) changed things meanwhile: their layout wins.
            const unchanged = () => get().layout === placed && get().resources === resources
            // At start-up elk waits until the grid is on screen (it is not needed to see the design).
            const start = afterGrid ? afterGridShown() : Promise.resolve()
            pendingLayout = start
              .then(() => (unchanged() ? autoLayout(resources, EMPTY_LAYOUT) : undefined))
              .then(
                (layout) => {
                  if (!layout || !unchanged()) return
                  history().pause()
                  set({ layout })
                  history().resume()
                },
                (error: unknown) => console.warn('Automatic layout failed; keeping the simple one:', error),
              )
          },
        }
        const { resources, options } = opening.design
        const docs = deriveDocuments({ resources, options, keySets: opening.request.keySets })
        const state: DesignerState = {
          resources,
          layout: placeNewNodes(resources, opening.design.layout),
          options,
          request: opening.request,
          view: opening.design.view ?? TASK_VIEW,
          ...docs,
          lastOrigin: opening.origin,
          gridState: { grid: undefined, changed: new Set(), millis: 0, computing: true },
          selection: { kind: 'none' },
          reveal: undefined,
          intent: opening.design.intent ?? '',
          drafts: NO_DRAFTS,
          staging: undefined,
          parsing: {},
        }
        const text = createTextCommands(ctx, { parser: deps.parser === null ? undefined : (deps.parser ?? defaultParser()), threshold: deps.parseThreshold ?? PARSE_WORKER_THRESHOLD })
        queueMicrotask(() => {
          scheduleGrid(ctx)
          if (Object.keys(opening.design.layout.positions).length === 0 && resources.length > 0) ctx.refineLayout(true)
        })
        return {
          ...state,
          ...createActions(ctx),
          ...text.commands,
          async settled() {
            let seen: Promise<void>
            do {
              // A parse in a worker ends in a commit, which starts a grid: wait for the parse first.
              await text.settled()
              seen = pendingLayout
              await Promise.all([seen, runner.settled()])
            } while (seen !== pendingLayout)
            await stagedDiff?.settled()
          },
        }
      },
      {
        partialize: (s): HistoryState => ({ resources: s.resources, layout: s.layout, options: s.options }),
        // Only a new resources list, layout or options is a step: selection, grid and text updates are not.
        equality: (a, b) => a.resources === b.resources && a.layout === b.layout && a.options === b.options,
        limit: deps.historyLimit ?? 200,
      },
    ),
  )
  stagedDiff = watchStagedDiff(store, clock)
  if (storage) {
    const big = deps.bigStorage === null ? undefined : (deps.bigStorage ?? (deps.storage === undefined ? browserBigStorage() : undefined))
    const autosave = startAutosave(store, storage, deps.autosaveDelayMs ?? 300, { big, tab: tabOf(deps), paused: opening.paused })
    autosaves.set(store, { autosave, storage, big })
    afterOpening(store, opening, { autosave, storage, big })
  }
  return store
}

export type DesignerStoreHook = ReturnType<typeof createDesignerStore>
