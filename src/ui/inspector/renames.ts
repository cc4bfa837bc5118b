/**
 * Renames from the inspector: the command renames (and fixes references), then the node keeps its
 * place on the canvas and stays selected under its new key. Rename and place are one gesture: one
 * undo step brings back the old name where it was.
 */
import { appNodeIdFor, useDesignerStore } from '../../store'
import { followKey, renameApp, renameNamespace, renameResource } from '../../store/commands'
import type { ResourceKey } from '../../engine'
import { runEdit } from './runEdit'

function carry(oldId: string, newId: string): void {
  const { layout, moveNode } = useDesignerStore.getState()
  const position = layout.positions[oldId]
  if (position && oldId !== newId) moveNode(newId, position)
}

const asOneStep = (run: () => void) => useDesignerStore.getState().gesture(run)

export function renameObject(key: ResourceKey, name: string): void {
  asOneStep(() => renameObjectNow(key, name))
}

function renameObjectNow(key: ResourceKey, name: string): void {
  const before = useDesignerStore.getState().resources
  const after = runEdit((r) => renameResource(r, key, name), 'inspector')
  const next = after && followKey(before, after, key)
  if (!after || !next) return
  carry(key, next)
  useDesignerStore.getState().select({ kind: 'resource', key: next })
}

export function renameAppNode(appKey: ResourceKey, name: string): void {
  asOneStep(() => renameAppNow(appKey, name))
}

function renameAppNow(appKey: ResourceKey, name: string): void {
  const before = useDesignerStore.getState().resources
  const after = runEdit((r) => renameApp(r, appKey, name), 'inspector')
  const next = after && followKey(before, after, appKey)
  if (!after || !next) return
  const id = appNodeIdFor(next, after)
  carry(appKey, id)
  useDesignerStore.getState().select({ kind: 'resource', key: id })
}

export function renameNamespaceBox(from: string, to: string): void {
  asOneStep(() => renameNamespaceNow(from, to))
}

function renameNamespaceNow(from: string, to: string): void {
  const box = useDesignerStore.getState().layout.namespaces[from]
  if (!runEdit((r) => renameNamespace(r, from, to), 'inspector')) return
  if (box) useDesignerStore.getState().resizeNamespace(to, box)
  useDesignerStore.getState().select({ kind: 'namespace', name: to })
}
