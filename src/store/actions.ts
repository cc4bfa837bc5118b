/**
 * The store's actions. Each says where the change came from (its origin), so the editor does not
 * echo its own text and the history records only changes to resources, layout and options.
 */
import { explainExternal, explainWorkloadCell, LATEST_PROFILE, listTargets, type KubeObject } from '../engine'
import { seedWorkloads } from '../scenarios/seed'
import { istioSampleWorkloads } from '../scenarios/modern/istioSamples'
import { appNodeIds } from './canvasIds'
import { deleteObject, upsertObject } from './resourceEdits'
import { afterTimeTravel, commit, gridPending, scheduleGrid, type StoreContext } from './commit'
import { TASK_VIEW } from './gridFilter'
import { keyOf } from './keys'
import { EMPTY_LAYOUT } from './placeNodes'
import { lineOfResource } from './reveal'
import { decodeShareLink } from './share'
import { mergeSharedRequest } from './tokens/sharedRequest'
import { deriveDocuments } from './derive'
import { NO_DRAFTS, planFormEdit, withoutDraft } from './drafts'
import { quickFixText } from './quickFixes'
import { createPreviewActions } from './staging'
import type { DesignerActions, Layout, NamespaceBox, NodePosition, YamlTab } from './types'

/** Moves of one node closer together than this are one drag, hence one undo step. */
const DRAG_GROUP_MS = 1000

/** A renamed object keeps its place on the canvas. */
function carryPosition(layout: Layout, before: readonly KubeObject[], after: readonly KubeObject[], oldKey: string, newKey: string): Layout {
  const from = appNodeIds(before).get(oldKey)
  const to = appNodeIds(after).get(newKey)
  const position = from === undefined ? undefined : layout.positions[from]
  if (!position || to === undefined || to === from || layout.positions[to]) return layout
  return { ...layout, positions: { ...layout.positions, [to]: position } }
}

/** Every action but settled() and the text commands (parsing/textCommands.ts). */
export function createActions(ctx: StoreContext): Omit<DesignerActions, 'settled' | 'editYaml' | 'importYaml'> {
  const { get, set } = ctx
  let drag: { id: string; at: number } | undefined
  /** Inside gesture(): the history is paused until the gesture records its one step. */
  let inGesture = false

  /** Layout-only changes of the same node in a quick series are folded into the first one's step. */
  function setLayout(id: string, layout: Layout): void {
    if (inGesture) return set({ layout, lastOrigin: 'canvas' })
    const now = Date.now()
    const continuing = drag !== undefined && drag.id === id && now - drag.at < DRAG_GROUP_MS
    if (continuing) ctx.history().pause()
    set({ layout, lastOrigin: 'canvas' })
    if (continuing) ctx.history().resume()
    drag = { id, at: now }
  }
  // NOTE mutates ctx: commit() ends a drag, and only the actions know the drag state.
  ctx.endDrag = () => {
    drag = undefined
  }

  function loadDesign(resources: KubeObject[], origin: Parameters<DesignerActions['loadResources']>[1], layout?: Layout, options?: ReturnType<typeof get>['options']): void {
    commit(ctx, { resources: [...resources], layout: layout ?? EMPTY_LAYOUT, ...(options ? { options } : {}) }, origin)
    // Without a layout of its own, a design gets elk's arrangement once it is ready.
    if (resources.length > 0 && (!layout || Object.keys(layout.positions).length === 0)) ctx.refineLayout()
  }

  return {
    loadResources: (resources, origin, layout, options) => loadDesign(resources, origin, layout, options),
    upsertResource(object, origin, previousKey) {
      const before = get().resources
      const resources = upsertObject(before, object, previousKey)
      if (resources === before) return
      const layout = previousKey ? carryPosition(get().layout, before, resources, previousKey, keyOf(object)) : undefined
      commit(ctx, { resources, ...(layout ? { layout } : {}) }, origin)
    },
    editForm(object) {
      const s = get()
      const key = keyOf(object)
      const plan = planFormEdit(s.resources, object, s.options.profile)
      if (plan.kind === 'draft') return set({ drafts: { ...s.drafts, [key]: plan.draft } })
      if (plan.kind === 'unchanged') return set({ drafts: withoutDraft(s.drafts, key) })
      // Valid: the draft (if any) becomes the resource, one step from the last valid version.
      set({ drafts: withoutDraft(s.drafts, key) })
      const resources = upsertObject(s.resources, object)
      if (resources !== s.resources) commit(ctx, { resources }, 'inspector')
    },
    discardDraft: (key) => set({ drafts: withoutDraft(get().drafts, key) }),
    deleteResource(key, origin) {
      const resources = deleteObject(get().resources, key)
      if (resources !== get().resources) commit(ctx, { resources }, origin)
    },
    applyEdit(edit, origin) {
      const before = get().resources
      const resources = edit(before)
      if (resources !== before) commit(ctx, { resources }, origin)
    },
    applyQuickFix(tab, line) {
      const problem = get().problems.find((p) => p.tab === tab && p.line === line && p.fix)
      const move = problem && quickFixText(get().yaml[tab], line)
      if (!move) return false
      // As if the user had typed the corrected text: one commit, hence one undo step.
      get().editYaml(tab, move.text)
      return true
    },
    gesture(run) {
      if (inGesture) return run()
      const s = get()
      const before = { resources: s.resources, layout: s.layout, options: s.options }
      inGesture = true
      ctx.history().pause()
      try {
        run()
      } finally {
        inGesture = false
        ctx.history().resume()
      }
      const after = get()
      if (after.resources === before.resources && after.layout === before.layout && after.options === before.options) return
      ctx.recordStep(before)
      ctx.endDrag()
    },
    moveNode(id, position: NodePosition) {
      const { layout } = get()
      setLayout(id, { ...layout, positions: { ...layout.positions, [id]: { x: position.x, y: position.y } } })
    },
    resizeNamespace(name, box: NamespaceBox) {
      const { layout } = get()
      setLayout(`ns:${name}`, { ...layout, namespaces: { ...layout.namespaces, [name]: { ...box } } })
    },
    setOptions(options) {
      const current = get().options
      // Choosing the profile already shown is no step.
      if (Object.entries(options).every(([k, v]) => current[k as keyof typeof current] === v)) return
      commit(ctx, { options: { ...current, ...options } }, 'inspector')
    },
    setGridView(view) {
      set({ view, gridState: gridPending(get().gridState) })
      scheduleGrid(ctx)
    },
    setRequest(request) {
      const s = get()
      const next = { ...s.request, ...request }
      // Key sets decide MESH007 (a jwksUri without keys): re-derive the findings when they change.
      const docs = next.keySets === s.request.keySets ? {} : deriveDocuments({ resources: s.resources, options: s.options, previous: s, keySets: next.keySets })
      set({ request: next, ...docs, gridState: gridPending(s.gridState) })
      scheduleGrid(ctx)
    },
    select: (selection) => set({ selection }),
    revealResource(key) {
      const where = lineOfResource(get().yaml, key)
      if (where) set({ reveal: { ...where, nonce: (get().reveal?.nonce ?? 0) + 1 } })
    },
    async explainCell(row, column) {
      const { gridState, model } = get()
      const rowInfo = gridState.grid?.rows[row]
      const columnInfo = gridState.grid?.columns[column]
      const context = await ctx.runner.context()
      if (!rowInfo || !context) return undefined
      if (rowInfo.external) return explainExternal((await ctx.runner.ingressContext()) ?? context)
      const workload = model.mesh.workloads.find((w) => w.key === rowInfo.workloadKey)
      const target = columnInfo && listTargets(model.mesh, { includeUnserved: true }).find((t) => t.service.key === columnInfo.serviceKey && t.port.number === columnInfo.port)
      return workload && target ? explainWorkloadCell(context, workload, target) : undefined
    },
    undo() {
      // An open draft is the newest thing the user did: the first undo discards it (the resources never changed).
      if (Object.keys(get().drafts).length > 0) return set({ drafts: NO_DRAFTS })
      const before = get()
      ctx.history().undo()
      afterTimeTravel(ctx, before, 'undo')
    },
    redo() {
      const before = get()
      ctx.history().redo()
      afterTimeTravel(ctx, before, 'redo')
    },
    // A new design speaks the current API; the seed is the 2018 task, so it stays on Istio 1.0.
    newEmptyDesign: () => loadDesign([], 'reset', EMPTY_LAYOUT, { ...get().options, profile: LATEST_PROFILE }),
    resetToSeed: () => {
      set({ view: TASK_VIEW })
      loadDesign(seedWorkloads(), 'reset', undefined, { ...get().options, profile: '1.0' })
    },
    // Istio's httpbin and sleep samples as the current profile's tag has them, in the tasks' namespaces.
    loadIstioSamples: () => {
      set({ view: TASK_VIEW })
      loadDesign(istioSampleWorkloads(get().options.profile), 'import', undefined, get().options)
    },
    openDesign(design, origin) {
      if (design.request) set({ request: design.request })
      set({ view: design.view ?? TASK_VIEW })
      loadDesign(design.resources, origin, design.layout, design.options)
    },
    openShareLink(hash) {
      const decoded = decodeShareLink(hash)
      if (!decoded.ok) return decoded
      const { resources, layout, options } = decoded.design
      // A link shared "with tokens" carries request settings: merge them into this browser's.
      if (decoded.request) set({ request: mergeSharedRequest(get().request, decoded.request) })
      if (decoded.design.intent !== undefined) set({ intent: decoded.design.intent })
      // The link's view of the grid, or the task's when the link has none (made before views).
      set({ view: decoded.design.view ?? TASK_VIEW })
      loadDesign(resources, 'share', layout, options)
      return { ok: true }
    },
    setIntent: (intent) => set({ intent }),
    ...createPreviewActions(ctx),
  }
}
