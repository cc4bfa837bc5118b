/**
 * Creating a palette item at a canvas point: the command decides what gets created, this file puts
 * the new node where the user dropped it and selects it. The inspector stays closed for it (it would
 * cover the canvas where the user works) until a double-click or Enter. The whole creation, resources
 * and layout, is one undo step.
 */
import type { XYPosition } from '@xyflow/react'
import { appNodeIdFor, canvasNodes, NODE_SIZE, useDesignerStore } from '../../store'
import { freeSpot } from './freeSpot'
import { makeRoom } from './makeRoom'
import { placeNewBox } from './placeBox'
import { addedKeys, createFromPalette, type PaletteKind, type PaletteSpot } from '../../store/commands'
import { runEdit, useInspectorState } from '../inspector'
import { isAttachTarget, namespaceAt, type pickTarget } from './spots'

/**
 * `at` undefined: let the store place the node (a click on the palette), in `namespace` when given.
 * @returns the canvas id of the node made (to bring it into view), or undefined.
 */
export function createAt(kind: PaletteKind, at: XYPosition | undefined, under: ReturnType<typeof pickTarget>, namespace?: string): string | undefined {
  let made: string | undefined
  useDesignerStore.getState().gesture(() => {
    made = createInGesture(kind, at, under, namespace)
  })
  return made
}

/** Where a click-add goes: the selected namespace, or the namespace of the selected object. */
export function selectedNamespace(): string | undefined {
  const { selection, layout } = useDesignerStore.getState()
  const name = selection.kind === 'namespace' ? selection.name : selection.kind === 'resource' ? selection.key.split('/')[1] : undefined
  return name && layout.namespaces[name] ? name : undefined
}

function createInGesture(kind: PaletteKind, at: XYPosition | undefined, under: ReturnType<typeof pickTarget>, namespace?: string): string | undefined {
  const state = useDesignerStore.getState()
  const where = at ? namespaceAt(at, state.layout.namespaces) : { name: namespace ?? firstNamespace(), inside: false }
  const spot: PaletteSpot = { namespace: where.name, ...(isAttachTarget(under) ? { target: under } : {}) }
  // A rule dropped on the empty pane (outside every namespace) is the mesh-wide one.
  if (kind === 'destinationrule' && at && !where.inside && !under) spot.target = { kind: 'mesh' }
  const before = state.resources
  const boxesBefore = new Set(Object.keys(state.layout.namespaces))
  const after = runEdit((r) => createFromPalette(r, kind, spot, state.options.profile))
  if (!after) return undefined
  const added = addedKeys(before, after)
  const first = added[0]
  if (!first) return undefined
  const { keepClosed } = useInspectorState.getState()
  const { layout, resizeNamespace, select } = useDesignerStore.getState()
  if (kind === 'namespace') {
    const name = first.split('/')[2] as string
    const box = layout.namespaces[name]
    // A new box is a roomy drop target, with its header where the pointer was.
    if (at && box) resizeNamespace(name, { x: at.x - 20, y: at.y - 17, width: Math.max(box.width, 260), height: Math.max(box.height, 150) })
    makeRoom(name)
    select({ kind: 'namespace', name })
    keepClosed({ kind: 'namespace', name })
    return `ns:${name}`
  }
  const ids = [...new Set(added.map((k) => appNodeIdFor(k, after)))]
  // Dropped outside every box and the edit needed a new namespace (the mesh-wide rule's `default`):
  // the new box goes where the user dropped.
  const newBox = ids.map((id) => id.split('/')[1] ?? '').find((ns) => ns !== '' && !boxesBefore.has(ns))
  if (at && newBox && !where.inside) placeNewBox(newBox, at)
  else if (at) placeIn(ids, at, where.inside ? where.name : undefined)
  makeRoom(where.inside ? where.name : newBox)
  const key = ids[0] ?? first
  select({ kind: 'resource', key })
  keepClosed({ kind: 'resource', key })
  return key
}

function firstNamespace(): string {
  const { resources, layout } = useDesignerStore.getState()
  const declared = resources.find((o) => o.kind === 'Namespace')?.metadata.name
  return declared ?? Object.keys(layout.namespaces)[0] ?? 'default'
}

/**
 * Puts new nodes at the drop point, or the nearest free spot: cluster-scoped ones in canvas
 * coordinates, ones in the namespace under the pointer relative to its box (grown to hold them).
 * Anything else keeps the spot the store gave it.
 */
function placeIn(ids: readonly string[], at: XYPosition, namespace: string | undefined): void {
  const { layout, moveNode, resizeNamespace, resources } = useDesignerStore.getState()
  const box = namespace ? layout.namespaces[namespace] : undefined
  const nodes = canvasNodes(resources).nodes
  const taken = (ns: string | undefined) => nodes.filter((n) => n.namespace === ns && !ids.includes(n.id)).flatMap((n) => (layout.positions[n.id] ? [layout.positions[n.id] as XYPosition] : []))
  const wanted = { x: at.x - NODE_SIZE.width / 2, y: at.y - NODE_SIZE.height / 2 }
  let grown = box
  const placed: XYPosition[] = []
  for (const id of ids) {
    const ns = id.split('/')[1]
    if (ns === '') {
      const spot = freeSpot(wanted, [...taken(undefined), ...placed])
      placed.push(spot)
      moveNode(id, spot)
      continue
    }
    if (!box || !grown || ns !== namespace) continue
    // Inside a box, keep clear of its header and left edge.
    const spot = freeSpot({ x: wanted.x - box.x, y: wanted.y - box.y }, [...taken(namespace), ...placed], { x: 12, y: 44 })
    placed.push(spot)
    moveNode(id, spot)
    grown = { ...grown, width: Math.max(grown.width, spot.x + NODE_SIZE.width + 24), height: Math.max(grown.height, spot.y + NODE_SIZE.height + 24) }
  }
  if (namespace && box && grown && (grown.width !== box.width || grown.height !== box.height)) resizeNamespace(namespace, grown)
}
