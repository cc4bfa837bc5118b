/** Applies separateBoxes to the store's layout (layout-only changes, no resource edits). */
import { useDesignerStore } from '../../store'
import { separateBoxes } from './separateBoxes'

/** @param changed the namespace whose box just grew or moved: the others give way. */
export function makeRoom(changed?: string): void {
  const { layout, resizeNamespace } = useDesignerStore.getState()
  for (const [name, box] of Object.entries(separateBoxes(layout.namespaces, changed))) resizeNamespace(name, box)
}

/** Grows a namespace box so a node at `position` (relative to the box) fits in it. */
export function growToHold(namespace: string, position: { x: number; y: number }, size = { width: 180, height: 64 }): void {
  const { layout, resizeNamespace } = useDesignerStore.getState()
  const box = layout.namespaces[namespace]
  if (!box) return
  const width = Math.max(box.width, position.x + size.width + 24)
  const height = Math.max(box.height, position.y + size.height + 24)
  if (width !== box.width || height !== box.height) resizeNamespace(namespace, { ...box, width, height })
}
