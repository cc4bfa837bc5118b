/**
 * Preview mode: every edit is staged instead of committed, whatever made it (inspector, canvas
 * gesture, sidecar switch, YAML tab, import), because staging happens here, below every command,
 * and not in the components that make edits. The resources and layout in the store are the staged
 * design (so the canvas, the inspector and the YAML keep working on it); `staging.base` is the
 * committed design, the one autosave keeps.
 *
 * History: while staging, zundo records the staged edits in a history of their own (Ctrl+Z takes
 * back one staged edit and stops at the committed design). The design's history is set aside and
 * comes back on Apply with the whole staged change as ONE step, or unchanged on Discard.
 */
import type { StoreApi } from 'zustand'
import { intent as engineIntent, type KubeObject } from '../engine'
import type { CheckInput, DesignDiff } from '../engine/intent'
import { afterTimeTravel, requestProfile, type HistoryState, type StoreContext } from './commit'
import { requestFor } from './tokens/profile'
import type { DesignerActions, DesignerState, DesignerStore, Layout } from './types'

/** What the engine needs to evaluate a design under the store's options and request. */
export function checkInputOf(s: Pick<DesignerState, 'options' | 'request'>, clock: () => number): CheckInput {
  const now = s.request.frozenNow ?? clock()
  return {
    options: s.options,
    request: requestProfile(s.request, clock),
    ingressRequest: requestFor(s.request, 'ingress', now),
    keySets: new Map(Object.entries(s.request.keySets ?? {})),
  }
}

/** True when the staged design differs from the committed one (an edit undone back to it is none). */
export function hasStagedEdits(s: Pick<DesignerState, 'staging' | 'resources' | 'layout'>): boolean {
  return s.staging !== undefined && (s.staging.base.resources !== s.resources || s.staging.base.layout !== s.layout)
}

export function createPreviewActions(ctx: StoreContext): Pick<DesignerActions, 'startPreview' | 'applyPreview' | 'discardPreview'> {
  /** The design's own history while the staged edits have theirs. */
  let setAside: { past: Partial<HistoryState>[]; future: Partial<HistoryState>[] } = { past: [], future: [] }

  return {
    startPreview() {
      const s = ctx.get()
      if (s.staging) return
      const h = ctx.history()
      setAside = { past: [...h.pastStates], future: [...h.futureStates] }
      ctx.setHistory([], [])
      ctx.set({ staging: { base: { resources: s.resources, layout: s.layout }, diff: undefined } })
    },
    applyPreview() {
      const s = ctx.get()
      if (!s.staging) return
      const { base } = s.staging
      const changed = hasStagedEdits(s)
      // One step back to the committed design; a new step drops the redo list, as any edit does.
      ctx.setHistory(changed ? [...setAside.past, base] : setAside.past, changed ? [] : setAside.future)
      setAside = { past: [], future: [] }
      ctx.set({ staging: undefined })
    },
    discardPreview() {
      const before = ctx.get()
      if (!before.staging) return
      const { base } = before.staging
      ctx.history().pause()
      ctx.set({ resources: base.resources, layout: base.layout, staging: undefined })
      ctx.history().resume()
      // The YAML, model and grid follow the committed design again, as after an undo.
      afterTimeTravel(ctx, before, 'undo')
      ctx.setHistory(setAside.past, setAside.future)
      setAside = { past: [], future: [] }
    },
  }
}

/** Staged edits change nothing yet: an empty diff, known without evaluating anything. */
function noChange(compared: number): DesignDiff {
  return { objects: [], cells: [], compared }
}

/** Edits come in bursts (typing in a tab, a drag); the diff is computed once the burst pauses. */
const DIFF_DELAY_MS = 60

/**
 * Keeps `staging.diff` up to date: the cells whose outcome the staged edits change, before -> after,
 * and the objects that move each (engine/intent diffDesigns). The previous diff stays shown while
 * the next one is computed, so the grid's marks do not flicker while the user types.
 */
export function watchStagedDiff(store: StoreApi<DesignerStore>, clock: () => number): { settled(): Promise<void> } {
  let run = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: Promise<void> = Promise.resolve()
  let finish: (() => void) | undefined

  function compute(base: { resources: KubeObject[]; layout: Layout }, mine: number): void {
    const s = store.getState()
    engineIntent.diffDesigns(base.resources, s.resources, checkInputOf(s, clock)).then(
      (diff) => {
        const now = store.getState()
        if (mine === run && now.staging?.base === base) store.setState({ staging: { base, diff } })
        if (mine === run) finish?.()
      },
      (error: unknown) => {
        console.error('The preview of the staged edits failed:', error)
        if (mine === run) finish?.()
      },
    )
  }

  store.subscribe((s, p) => {
    const staging = s.staging
    if (!staging) {
      // Applied or discarded: a diff still being computed is of no use any more.
      if (p.staging) {
        run++
        clearTimeout(timer)
        finish?.()
      }
      return
    }
    const started = staging.base !== p.staging?.base
    if (!started && s.resources === p.resources && s.options === p.options && s.request === p.request) return
    const mine = ++run
    clearTimeout(timer)
    if (s.resources === staging.base.resources) {
      const grid = s.gridState.grid
      finish?.()
      store.setState({ staging: { ...staging, diff: noChange(grid ? grid.rows.length * grid.columns.length : 0) } })
      return
    }
    if (!finish) pending = new Promise<void>((resolve) => (finish = () => ((finish = undefined), resolve())))
    timer = setTimeout(() => compute(staging.base, mine), DIFF_DELAY_MS)
  })

  return {
    settled: () => pending,
  }
}
