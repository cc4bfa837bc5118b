/**
 * The store's public surface. `useDesignerStore` is created on first use, so importing a helper from
 * here (in a test, a worker, a script) does not read localStorage or start an evaluation.
 */
import { envelopeText } from './autosave'
import { autosaveOf, createDesignerStore, type DesignerStoreHook } from './designerStore'
import { discardSetAsideDesign, loadOtherTab, openSetAside } from './opening'

export { createDesignerStore, DEFAULT_REQUEST_SETTINGS, type DesignerStoreDeps, type DesignerStoreHook } from './designerStore'
export { appNodeIdFor, appNodeIds, canvasNodes, namespaceNodeId, type CanvasNode } from './canvasIds'
export { autoLayout } from './layout'
export { placeNewNodes, EMPTY_LAYOUT, NODE_SIZE, BOX_PADDING } from './placeNodes'
export { encodeShareLink, decodeShareLink, shareLinkProblem, MAX_SHARED_CHARS, type DecodedShareLink } from './share'
export { MAX_IMPORT_CHARS } from './importSources'
export { PARSE_WORKER_THRESHOLD, type ParserPort } from './parsing/parserPort'
export { importYamlText, exportIstioYaml, exportAllYaml, exportKubectlApply, type ImportProblem } from './io'
export { STORAGE_KEY, type StorageLike } from './autosave'
export { upsertObject, deleteObject } from './resourceEdits'
export { tabOf, objectsOfTab, TAB_FILES, YAML_TABS } from './tabs'
export { keyOf } from './keys'
export type { Design } from './design'
export type * from './types'

let instance: DesignerStoreHook | undefined

function designerStore(): DesignerStoreHook {
  instance ??= createDesignerStore()
  return instance
}

/** The app's store (a zustand hook with getState/setState/subscribe and zundo's `temporal`). */
export const useDesignerStore = ((...args: unknown[]) => (designerStore() as (...a: unknown[]) => unknown)(...args)) as unknown as DesignerStoreHook
for (const member of ['getState', 'getInitialState', 'setState', 'subscribe', 'temporal'] as const) {
  Object.defineProperty(useDesignerStore, member, { get: () => designerStore()[member] })
}

export { saveStatus, type SaveProblem, type SaveStatus } from './saveStatus'

/** The page's answers to what saveStatus reports: recovery, retry, and the two-tab choice. */
export const persistence = {
  openSetAside: () => {
    const store = designerStore()
    const p = autosaveOf(store)
    return p ? openSetAside(store, p) : ({ ok: false, message: 'Saving is off in this page.' } as const)
  },
  discardSetAside: () => {
    const p = autosaveOf(designerStore())
    if (p) discardSetAsideDesign(p)
  },
  /** Retry a failed save, or "keep mine" when another tab saved: this tab's design is written. */
  saveNow: async () => autosaveOf(designerStore())?.autosave.saveNow(),
  loadOtherTab: async () => {
    const store = designerStore()
    const p = autosaveOf(store)
    return p ? loadOtherTab(store, p) : ({ ok: false, message: 'Saving is off in this page.' } as const)
  },
  /** The current design as the JSON autosave writes, for "export" when it could not be saved. */
  designText: () => envelopeText(designerStore().getState()),
}
export { TASK_VIEW, ALL_VIEW, type GridViewSpec, type GridFilter, type RowMode, type ColumnMode } from './gridFilter'
