/**
 * The store's public surface. `useDesignerStore` is created on first use, so importing a helper from
 * here (in a test, a worker, a script) does not read localStorage or start an evaluation.
 */
import { createDesignerStore, type DesignerStoreHook } from './designerStore'

export { createDesignerStore, DEFAULT_REQUEST_SETTINGS, type DesignerStoreDeps, type DesignerStoreHook } from './designerStore'
export { appNodeIdFor, appNodeIds, canvasNodes, namespaceNodeId, type CanvasNode } from './canvasIds'
export { autoLayout } from './layout'
export { placeNewNodes, EMPTY_LAYOUT, NODE_SIZE, BOX_PADDING } from './placeNodes'
export { encodeShareLink, decodeShareLink, MAX_SHARED_CHARS, type DecodedShareLink } from './share'
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
export { TASK_VIEW, ALL_VIEW, type GridViewSpec, type GridFilter, type RowMode, type ColumnMode } from './gridFilter'
