/** Finding room for a new node near where the user dropped it, without covering another node. */
import type { XYPosition } from '@xyflow/react'
import { NODE_SIZE } from '../../store'

const GAP = 16
/** The store stacks nodes 24px apart; new spots use the same rhythm so they line up. */
const STEP = { x: NODE_SIZE.width + 24, y: NODE_SIZE.height + 24 }

function overlaps(a: XYPosition, b: XYPosition): boolean {
  return Math.abs(a.x - b.x) < NODE_SIZE.width + GAP && Math.abs(a.y - b.y) < NODE_SIZE.height + GAP
}

/**
 * The free spot nearest to `wanted` on a grid of node-sized steps around it, never above/left of
 * `min` (a box's header and edge).
 * @example freeSpot({ x: 24, y: 44 }, [{ x: 24, y: 44 }], { x: 12, y: 44 }) // { x: 24, y: 132 }
 */
export function freeSpot(wanted: XYPosition, occupied: readonly XYPosition[], min: XYPosition = { x: -Infinity, y: -Infinity }): XYPosition {
  const start = { x: Math.max(min.x, wanted.x), y: Math.max(min.y, wanted.y) }
  // Spots lined up with existing nodes (below or right of each, at the store's spacing) come first.
  const candidates: XYPosition[] = occupied.flatMap((o) => [
    { x: o.x, y: o.y + STEP.y },
    { x: o.x + STEP.x, y: o.y },
  ])
  for (let row = -4; row <= 12; row++) {
    for (let column = -2; column <= 3; column++) {
      const spot = { x: start.x + column * STEP.x, y: start.y + row * STEP.y }
      candidates.push(spot)
    }
  }
  const free = candidates.filter((c) => c.x >= min.x && c.y >= min.y && !occupied.some((o) => overlaps(c, o)))
  free.sort((a, b) => Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y))
  return free[0] ?? start
}
