/**
 * Namespace boxes grow when nodes are added to them and may then cover a neighbour. This pushes
 * covered boxes away (right or down, whichever moves them less) until no two boxes overlap.
 */
import type { NamespaceBox } from '../../store/types'

const GAP = 32

function overlap(a: NamespaceBox, b: NamespaceBox): { x: number; y: number } | undefined {
  const x = Math.min(a.x + a.width + GAP, b.x + b.width + GAP) - Math.max(a.x, b.x)
  const y = Math.min(a.y + a.height + GAP, b.y + b.height + GAP) - Math.max(a.y, b.y)
  return x > 0 && y > 0 ? { x, y } : undefined
}

/**
 * @param fixed the box that just changed (it stays; others move away from it first)
 * @returns only the boxes that moved, with their new position
 * @example separateBoxes({ a: { x: 0, y: 0, width: 200, height: 300 }, b: { x: 0, y: 250, width: 200, height: 100 } }, 'a') // { b: { x: 0, y: 332, ... } }
 */
export function separateBoxes(boxes: Readonly<Record<string, NamespaceBox>>, fixed?: string): Record<string, NamespaceBox> {
  const current: Record<string, NamespaceBox> = { ...boxes }
  const moved: Record<string, NamespaceBox> = {}
  // Boxes settle in reading order; the fixed box goes first so it is never the one pushed.
  const order = Object.keys(current).sort((a, b) => (a === fixed ? -1 : b === fixed ? 1 : (current[a] as NamespaceBox).y - (current[b] as NamespaceBox).y || (current[a] as NamespaceBox).x - (current[b] as NamespaceBox).x))
  for (let round = 0; round < 50; round++) {
    let changed = false
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const a = current[order[i] as string] as NamespaceBox
        const name = order[j] as string
        const b = current[name] as NamespaceBox
        const o = overlap(a, b)
        if (!o) continue
        // Push along the axis that needs the smaller move, away from `a`.
        const next = o.x <= o.y ? { ...b, x: a.x + a.width + GAP } : { ...b, y: a.y + a.height + GAP }
        current[name] = next
        moved[name] = next
        changed = true
      }
    }
    if (!changed) break
  }
  return moved
}
