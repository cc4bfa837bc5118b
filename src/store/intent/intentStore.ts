/**
 * The designer's intent tools, as a small zustand store beside the designer's: expect mode, the
 * smallest-fix search (in a worker), named snapshots and the comparison with one of them, and the
 * preview of an edit. The intent text itself lives in the designer store (it is part of the design).
 */
import { create } from 'zustand'
import type { KubeObject } from '../../engine'
import { intent as engineIntent } from '../../engine'
import type { CheckInput, DesignDiff, FixSearchResult } from '../../engine/intent'
import { parseIntent, type ParsedIntent } from '../../intent/parseIntent'
import { nextInCycle, setExpectation, writtenExpectation } from '../../intent/editIntent'
import { browserStorage, type StorageLike } from '../autosave'
import { useDesignerStore } from '../index'
import { keyOf } from '../keys'
import { upsertObject } from '../resourceEdits'
import { checkInputOf } from '../checkInput'
import { deleteSnapshot, LAST_EXPORT, readSnapshots, saveSnapshot, type Snapshot } from './snapshots'
import { startFixSearch, type RunningSearch } from './fixSearchClient'

export type SuggestState =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; result: FixSearchResult; /** The resources the search started from. */ from: KubeObject[]; applied?: number }
  | { status: 'cancelled' }
  | { status: 'error'; message: string }

export interface Comparison {
  /** What the current design is compared with: a snapshot's name, a file name. */
  name: string
  resources: KubeObject[]
  diff: DesignDiff | undefined
}

export interface Preview {
  /** What is previewed, in words. */
  label: string
  resources: KubeObject[]
  diff: DesignDiff | undefined
}

export interface IntentState {
  expectMode: boolean
  suggest: SuggestState
  snapshots: Snapshot[]
  comparison: Comparison | undefined
  preview: Preview | undefined
  setExpectMode(on: boolean): void
  /** Cycles the expectation written for exactly (from, to): nothing -> allow -> deny -> nothing. */
  cycleExpectation(from: string, to: string): void
  startSuggest(): void
  cancelSuggest(): void
  /** Applies fix `index` of the last search as one undoable step. */
  applyFix(index: number): void
  closeSuggest(): void
  saveSnapshot(name: string): void
  deleteSnapshot(name: string): void
  /** Remembers the design as exported (compare with "Last export"). */
  rememberExport(): void
  compareWith(name: string, resources: KubeObject[]): void
  stopComparing(): void
  /** Shows in the grid what `resources` would change; undefined ends the preview. */
  previewEdit(label: string, resources: KubeObject[] | undefined): void
}

/** The parsed intent of a text, memoised on the text (the grid and the tab ask often). */
let parsedFor: { text: string; parsed: ParsedIntent } | undefined
export function parsedIntent(text: string): ParsedIntent {
  if (parsedFor?.text !== text) parsedFor = { text, parsed: parseIntent(text) }
  return parsedFor.parsed
}

/** What the engine needs to check the designer's current design. */
export function currentCheckInput(): CheckInput {
  return checkInputOf(useDesignerStore.getState(), () => Math.floor(Date.now() / 1000))
}

/** The touched objects of a fix laid over the current resources (other edits made meanwhile stay). */
export function withFix(resources: readonly KubeObject[], fixObjects: readonly KubeObject[], touched: readonly string[]): KubeObject[] {
  let out = [...resources]
  for (const key of touched) {
    const object = fixObjects.find((o) => engineIntent.keyOfObject(o) === key)
    if (object) out = upsertObject(out, object, out.some((o) => keyOf(o) === key) ? key : undefined)
  }
  return out
}

export function createIntentStore(storage: StorageLike | undefined = browserStorage()) {
  let running: RunningSearch | undefined
  let diffRun = 0
  let previewRun = 0

  const store = create<IntentState>()((set, get) => {
    async function refreshComparison(): Promise<void> {
      const c = get().comparison
      if (!c) return
      const run = ++diffRun
      const diff = await engineIntent.diffDesigns(c.resources, useDesignerStore.getState().resources, currentCheckInput())
      if (run === diffRun && get().comparison?.name === c.name) set({ comparison: { ...c, diff } })
    }

    // The comparison follows the design: every change of the resources re-diffs it.
    useDesignerStore.subscribe((s, p) => {
      if (s.resources !== p.resources || s.options !== p.options || s.request !== p.request) {
        void refreshComparison()
        if (get().preview && s.resources !== p.resources) set({ preview: undefined })
      }
    })

    return {
      expectMode: false,
      suggest: { status: 'idle' },
      snapshots: readSnapshots(storage),
      comparison: undefined,
      preview: undefined,
      setExpectMode: (on) => set({ expectMode: on }),
      cycleExpectation(from, to) {
        const designer = useDesignerStore.getState()
        const current = writtenExpectation(designer.intent, from, to)
        const next = setExpectation(designer.intent, from, to, nextInCycle(current))
        if (next !== undefined) designer.setIntent(next)
      },
      startSuggest() {
        running?.cancel()
        const s = useDesignerStore.getState()
        const parsed = parsedIntent(s.intent)
        const input = currentCheckInput()
        const from = s.resources
        set({ suggest: { status: 'running', done: 0, total: 0 } })
        const search = startFixSearch(
          {
            resources: from,
            expectations: parsed.expectations,
            options: input.options,
            request: input.request,
            ...(input.ingressRequest ? { ingressRequest: input.ingressRequest } : {}),
            keySets: [...input.keySets.entries()] as [string, never][],
          },
          (done, total) => {
            if (running === search) set({ suggest: { status: 'running', done, total } })
          },
        )
        running = search
        search.result.then(
          (result) => {
            if (running !== search) return
            running = undefined
            set({ suggest: result ? { status: 'done', result, from } : { status: 'cancelled' } })
          },
          (error: unknown) => {
            if (running !== search) return
            running = undefined
            set({ suggest: { status: 'error', message: error instanceof Error ? error.message : String(error) } })
          },
        )
      },
      cancelSuggest() {
        running?.cancel()
      },
      applyFix(index) {
        const state = get().suggest
        if (state.status !== 'done') return
        const fix = state.result.fixes[index]
        if (!fix) return
        set({ preview: undefined })
        useDesignerStore.getState().applyEdit((resources) => withFix(resources, fix.objects, fix.touched), 'inspector')
        set({ suggest: { ...state, applied: index } })
      },
      closeSuggest() {
        running?.cancel()
        running = undefined
        set({ suggest: { status: 'idle' }, preview: undefined })
      },
      saveSnapshot(name) {
        const s = useDesignerStore.getState()
        set({ snapshots: saveSnapshot(storage, { name, savedAt: new Date().toISOString(), resources: s.resources, options: s.options, ...(s.intent ? { intent: s.intent } : {}) }) })
      },
      deleteSnapshot: (name) => set({ snapshots: deleteSnapshot(storage, name) }),
      rememberExport() {
        get().saveSnapshot(LAST_EXPORT)
      },
      compareWith(name, resources) {
        set({ comparison: { name, resources, diff: undefined } })
        void refreshComparison()
      },
      stopComparing() {
        diffRun++
        set({ comparison: undefined })
      },
      previewEdit(label, resources) {
        const run = ++previewRun
        if (!resources) return set({ preview: undefined })
        set({ preview: { label, resources, diff: undefined } })
        void engineIntent.diffDesigns(useDesignerStore.getState().resources, resources, currentCheckInput()).then((diff) => {
          if (run === previewRun && get().preview?.resources === resources) set({ preview: { label, resources, diff } })
        })
      },
    }
  })
  return store
}

export type IntentStoreHook = ReturnType<typeof createIntentStore>

let instance: IntentStoreHook | undefined
function intentStore(): IntentStoreHook {
  instance ??= createIntentStore()
  return instance
}

/** The app's intent store (created on first use, like the designer's). */
export const useIntentStore = ((...args: unknown[]) => (intentStore() as (...a: unknown[]) => unknown)(...args)) as unknown as IntentStoreHook
for (const member of ['getState', 'getInitialState', 'setState', 'subscribe'] as const) {
  Object.defineProperty(useIntentStore, member, { get: () => intentStore()[member] })
}
