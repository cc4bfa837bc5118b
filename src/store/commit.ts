/**
 * The one way the store changes its resources, layout or options: derive everything that follows in
 * the same update (one history step, one render), then start the grid evaluation.
 */
import type { StoreApi } from 'zustand'
import type { TemporalState } from 'zundo'
import type { EngineOptions, KubeObject, RequestProfile } from '../engine'
import { withoutSecretData } from '../yaml/clusterImport'
import { deriveDocuments } from './derive'
import { keptDrafts } from './drafts'
import type { GridRunner } from './gridRunner'
import { keyOf } from './keys'
import { placeNewNodes } from './placeNodes'
import { requestFor } from './tokens/profile'
import type { ChangeOrigin, DesignerState, DesignerStore, GridState, GridView, Layout, RequestSettings, Selection, YamlTab } from './types'

/**
 * What undo/redo records: the canonical state only. The options (Istio profile, R11) are part of the
 * design: switching the profile is one step like any edit, and undo brings back the grid it had.
 */
export type HistoryState = Pick<DesignerState, 'resources' | 'layout' | 'options'>

export interface StoreContext {
  set(partial: Partial<DesignerState>): void
  get(): DesignerStore
  history(): TemporalState<HistoryState>
  runner: GridRunner
  /** Unix seconds of the real clock (injected for tests). */
  clock(): number
  /** Starts an elk layout of the current design, applied if nothing moved meanwhile; `afterGrid`: once the grid is on screen. */
  refineLayout(afterGrid?: boolean): void
  /** Forgets the node being dragged, so the next move starts a new history step. */
  endDrag(): void
  /** Puts a finished grid in the store (marks what changed since the previous one). */
  gridReady(view: GridView, millis: number): void
  /** Records `before` as one past step (a gesture made while the history was paused) and drops the redo list. */
  recordStep(before: HistoryState): void
  /** Replaces the undo and redo lists (preview mode sets the design's history aside and brings it back). */
  setHistory(past: Partial<HistoryState>[], future: Partial<HistoryState>[]): void
}

export interface Change {
  resources?: KubeObject[]
  layout?: Layout
  options?: EngineOptions
  typed?: { tab: YamlTab; text: string }
  /** The change came from a text too big to parse here: its grid goes to the worker whatever its size. */
  gridOffThread?: boolean
}

const NO_CHANGES: ReadonlySet<string> = new Set()

/** The request the engine sees for the pods' clients: the store, not the engine, reads the clock. */
export function requestProfile(request: RequestSettings, clock: () => number): RequestProfile {
  return requestFor(request, 'client', request.frozenNow ?? clock())
}

/** A selected object that no longer exists is unselected; other selections stay. */
function keptSelection(selection: Selection, resources: readonly KubeObject[]): Selection {
  if (selection.kind !== 'resource') return selection
  return resources.some((o) => keyOf(o) === selection.key) ? selection : { kind: 'none' }
}

const NO_KEY_SETS = {}

/**
 * Starts the grid of the current state. A grid the runner computes at once is put in the store now:
 * callers set their change just before, in the same event, so React renders both as one update.
 */
export function scheduleGrid(ctx: StoreContext, offThread = false): void {
  const s = ctx.get()
  const now = ctx.runner.schedule({
    resources: s.resources,
    options: s.options,
    mesh: s.model.mesh,
    request: requestProfile(s.request, ctx.clock),
    ingressRequest: requestFor(s.request, 'ingress', s.request.frozenNow ?? ctx.clock()),
    keySets: s.request.keySets ?? NO_KEY_SETS,
    ...(s.view ? { view: s.view } : {}),
    ...(offThread ? { offThread } : {}),
  })
  if (now) ctx.gridReady(now.view, now.millis)
}

/** The grid is recomputing; the marks of the previous edit go away now (they describe that edit only). */
export function gridPending(grid: GridState): GridState {
  return { ...grid, changed: NO_CHANGES, computing: true }
}

export function commit(ctx: StoreContext, change: Change, origin: ChangeOrigin): void {
  const s = ctx.get()
  // A Secret's data never enters the state (issue 8): not the store, not autosave, not a share link.
  const resources = (change.resources ? withoutSecretData(change.resources) : s.resources) as KubeObject[]
  const options = change.options ?? s.options
  const docs = deriveDocuments({ resources, options, previous: s, keySets: s.request.keySets, ...(change.typed ? { typed: change.typed } : {}) })
  const layout = resources !== s.resources || change.layout ? placeNewNodes(resources, change.layout ?? s.layout) : s.layout
  const evaluate = resources !== s.resources || options !== s.options
  ctx.endDrag()
  ctx.set({
    resources,
    options,
    layout,
    ...docs,
    lastOrigin: origin,
    selection: keptSelection(s.selection, resources),
    drafts: keptDrafts(s.drafts, resources),
    gridState: evaluate ? gridPending(s.gridState) : s.gridState,
  })
  if (evaluate) scheduleGrid(ctx, change.gridOffThread)
}

/** After undo/redo restored resources, layout and options: derive the rest, without recording anything. */
export function afterTimeTravel(ctx: StoreContext, before: DesignerState, origin: ChangeOrigin): void {
  const s = ctx.get()
  if (s.resources === before.resources && s.layout === before.layout && s.options === before.options) return
  ctx.endDrag()
  if (s.resources === before.resources && s.options === before.options) return ctx.set({ lastOrigin: origin })
  const docs = deriveDocuments({ resources: s.resources, options: s.options, previous: before, keySets: s.request.keySets })
  ctx.set({ ...docs, lastOrigin: origin, selection: keptSelection(s.selection, s.resources), drafts: keptDrafts(s.drafts, s.resources), gridState: gridPending(s.gridState) })
  scheduleGrid(ctx)
}
