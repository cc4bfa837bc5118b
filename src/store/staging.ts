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
import { buildModel, intent as engineIntent, NO_REQUEST, sameShownOutcome, verdictById, type KubeObject, type ResourceKey } from '../engine'
import type { CellChange, DesignDiff, ObjectChange } from '../engine/intent'
import { afterTimeTravel, type HistoryState, type StoreContext } from './commit'
import { evaluateMesh } from './gridView'
import { checkInputOf } from './checkInput'
import type { DesignerActions, DesignerState, DesignerStore, GridView, Staging } from './types'

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
 * Up to this many cells, each changed object's own effect is evaluated (one grid per object) to say
 * which objects move each cell; past it, or past MAX_ATTRIBUTED objects, every cell names them all.
 */
const ATTRIBUTED_CELLS = 20_000
const MAX_ATTRIBUTED = 24

function applyChange(objects: readonly KubeObject[], change: ObjectChange): KubeObject[] {
  const at = objects.findIndex((o) => engineIntent.keyOfObject(o) === change.key)
  if (!change.after) return objects.filter((_, i) => i !== at)
  if (at < 0) return [...objects, change.after]
  const out = [...objects]
  out[at] = change.after
  return out
}

/** Finds a cell's verdict id by its row and column labels (undefined: the grid has no such cell). */
function cellLookup(view: GridView): (from: string, to: string) => number | undefined {
  const rows = new Map(view.rows.map((r, i) => [r.label, i]))
  const columns = new Map(view.columns.map((c, j) => [c.label, j]))
  const width = view.columns.length
  return (from, to) => {
    const i = rows.get(from)
    const j = columns.get(to)
    return i === undefined || j === undefined ? undefined : view.cells[i * width + j]
  }
}

const verdictOf = (id: number | undefined) => (id === undefined || id === NO_REQUEST ? undefined : verdictById(id))

/**
 * The cells whose shown outcome differs between two grids of the same view, matched by row and
 * column labels (a cell only one side has counts too). Linear in the cells, with no key per cell:
 * a 400,000-cell grid is compared in milliseconds.
 */
export function diffGridViews(before: GridView, after: GridView): { cells: CellChange[]; compared: number } {
  const afterRows = new Map(after.rows.map((r, i) => [r.label, i]))
  const beforeRows = new Set(before.rows.map((r) => r.label))
  const afterColumns = new Map(after.columns.map((c, j) => [c.label, j]))
  const beforeColumns = new Map(before.columns.map((c, j) => [c.label, j]))
  const columns = [...before.columns.map((c) => c.label), ...after.columns.map((c) => c.label).filter((l) => !beforeColumns.has(l))]
  const inBefore = columns.map((l) => beforeColumns.get(l) ?? -1)
  const inAfter = columns.map((l) => afterColumns.get(l) ?? -1)
  const rows: [string, number, number][] = [
    ...before.rows.map((r, i): [string, number, number] => [r.label, i, afterRows.get(r.label) ?? -1]),
    ...after.rows.filter((r) => !beforeRows.has(r.label)).map((r): [string, number, number] => [r.label, -1, afterRows.get(r.label) ?? -1]),
  ]
  const wb = before.columns.length
  const wa = after.columns.length
  const cells: CellChange[] = []
  let compared = 0
  for (const [from, ib, ia] of rows)
    for (let k = 0; k < columns.length; k++) {
      const jb = inBefore[k] as number
      const ja = inAfter[k] as number
      const x = ib >= 0 && jb >= 0 ? before.cells[ib * wb + jb] : undefined
      const y = ia >= 0 && ja >= 0 ? after.cells[ia * wa + ja] : undefined
      if (x === undefined && y === undefined) continue
      compared++
      if (!sameShownOutcome(x, y)) cells.push({ from, to: columns[k] as string, before: verdictOf(x), after: verdictOf(y), causes: [] })
    }
  return { cells, compared }
}

/**
 * Keeps `staging.diff` up to date: the cells whose outcome the staged edits change, before -> after,
 * and the objects that move each. "After" is the grid the store already shows; "before" is the
 * committed design's grid, evaluated the same way (same view, options and request) once and kept
 * while they stay the same. The previous diff stays shown while the next one is computed, so the
 * grid's marks do not flicker while the user types.
 */
export function watchStagedDiff(store: StoreApi<DesignerStore>, clock: () => number): { settled(): Promise<void> } {
  let run = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: Promise<void> = Promise.resolve()
  let finish: (() => void) | undefined
  let baseGrid: { key: readonly unknown[]; view: Promise<GridView | undefined> } | undefined

  async function gridOf(objects: readonly KubeObject[], s: DesignerState): Promise<GridView | undefined> {
    const input = checkInputOf(s, clock)
    const model = buildModel(objects, s.options)
    const evaluation = await evaluateMesh(model.mesh, input.request, input.keySets, s.options, undefined, input.ingressRequest, s.view)
    return evaluation?.view
  }

  function committedGrid(base: Staging['base'], s: DesignerState): Promise<GridView | undefined> {
    const key = [base.resources, s.options, s.request, s.view]
    if (!baseGrid || baseGrid.key.some((k, i) => k !== key[i])) baseGrid = { key, view: gridOf(base.resources, s) }
    return baseGrid.view
  }

  async function compute(base: Staging['base'], mine: number): Promise<void> {
    const s = store.getState()
    const after = s.gridState.grid
    const before = await committedGrid(base, s)
    if (mine !== run || !before || !after) return
    const { cells, compared } = diffGridViews(before, after)
    const objects = engineIntent.changedObjects(base.resources, s.resources)
    const all = objects.map((o) => o.key)
    if (objects.length === 1 || objects.length > MAX_ATTRIBUTED || compared > ATTRIBUTED_CELLS) for (const c of cells) c.causes = all
    else if (cells.length > 0) {
      const baseline = cellLookup(before)
      const moved = new Map<CellChange, ResourceKey[]>()
      for (const change of objects) {
        const view = await gridOf(applyChange(base.resources, change), s)
        if (mine !== run || !view) return
        const alone = cellLookup(view)
        for (const c of cells) if (!sameShownOutcome(baseline(c.from, c.to), alone(c.from, c.to))) moved.set(c, [...(moved.get(c) ?? []), change.key])
      }
      for (const c of cells) c.causes = moved.get(c) ?? all
    }
    if (store.getState().staging?.base === base) store.setState({ staging: { base, diff: { objects, cells, compared } } })
  }

  store.subscribe((s, p) => {
    const staging = s.staging
    if (!staging) {
      // Applied or discarded: a diff still being computed is of no use any more.
      if (p.staging) {
        run++
        clearTimeout(timer)
        baseGrid = undefined
        finish?.()
      }
      return
    }
    const started = staging.base !== p.staging?.base
    const moved = started || s.resources !== p.resources || s.options !== p.options || s.request !== p.request || s.view !== p.view || s.gridState.grid !== p.gridState.grid || s.gridState.computing !== p.gridState.computing
    if (!moved) return
    const mine = ++run
    clearTimeout(timer)
    if (s.resources === staging.base.resources) {
      const grid = s.gridState.grid
      store.setState({ staging: { ...staging, diff: noChange(grid ? grid.rows.length * grid.columns.length : 0) } })
      finish?.()
      return
    }
    if (!finish) pending = new Promise<void>((resolve) => (finish = () => ((finish = undefined), resolve())))
    // The staged design's grid is being evaluated: the diff waits for it (this runs again when it is there).
    if (s.gridState.computing) return
    timer = setTimeout(() => {
      compute(staging.base, mine).then(
        () => {
          if (mine === run) finish?.()
        },
        (error: unknown) => {
          console.error('The preview of the staged edits failed:', error)
          if (mine === run) finish?.()
        },
      )
    }, DIFF_DELAY_MS)
  })

  return {
    settled: () => pending,
  }
}
