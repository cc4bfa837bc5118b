/**
 * Differences between two designs: the objects that changed, the grid cells whose outcome changed,
 * and for each cell the objects whose edit changed it (found by applying each object's change on
 * its own to the old design; a cell that only moves when several change together names them all).
 */
import { sameShownOutcome, verdictById, NO_REQUEST } from '../decide/verdicts'
import type { Grid } from '../evaluate/grid'
import type { KubeObject, ResourceKey, Verdict } from '../types'
import { gridFor, modelOf, type CheckInput } from './check'
import { keyOf } from './fix/objects'

export interface CellChange {
  from: string
  to: string
  /** undefined: the cell does not exist on that side (or sends no request). */
  before: Verdict | undefined
  after: Verdict | undefined
  /** Keys of the objects whose change moves this cell. */
  causes: ResourceKey[]
}

export interface ObjectChange {
  key: ResourceKey
  before: KubeObject | undefined
  after: KubeObject | undefined
}

export interface DesignDiff {
  objects: ObjectChange[]
  cells: CellChange[]
  /** Cells compared (the union of both grids). */
  compared: number
}

/** Objects attributed one by one at most; beyond this every cell names every changed object. */
const MAX_ATTRIBUTED = 24

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function changedObjects(before: readonly KubeObject[], after: readonly KubeObject[]): ObjectChange[] {
  const old = new Map(before.map((o) => [keyOf(o), o]))
  const now = new Map(after.map((o) => [keyOf(o), o]))
  const out: ObjectChange[] = []
  for (const [key, o] of old) if (!now.has(key)) out.push({ key, before: o, after: undefined })
  for (const [key, o] of now) {
    const was = old.get(key)
    if (!was || !sameJson(was, o)) out.push({ key, before: was, after: o })
  }
  return out
}

function cellsOf(grid: Grid): Map<string, number> {
  const out = new Map<string, number>()
  const width = grid.columns.length
  grid.rows.forEach((row, i) => {
    for (let j = 0; j < width; j++) out.set(`${row.label}\u0000${grid.columnLabels[j] ?? ''}`, grid.cells[i * width + j] as number)
  })
  return out
}

/** Cells whose printed outcome differs (a different deciding rule with the same code is not a change). */
export function diffGrids(before: Grid, after: Grid): CellChange[] {
  const a = cellsOf(before)
  const b = cellsOf(after)
  const out: CellChange[] = []
  const keys = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))]
  for (const key of keys) {
    const x = a.get(key)
    const y = b.get(key)
    if (sameShownOutcome(x, y)) continue
    const [from = '', to = ''] = key.split('\u0000')
    out.push({
      from,
      to,
      before: x === undefined || x === NO_REQUEST ? undefined : verdictById(x),
      after: y === undefined || y === NO_REQUEST ? undefined : verdictById(y),
      causes: [],
    })
  }
  return out
}

function applyChange(objects: readonly KubeObject[], change: ObjectChange): KubeObject[] {
  const at = objects.findIndex((o) => keyOf(o) === change.key)
  if (!change.after) return objects.filter((_, i) => i !== at)
  if (at < 0) return [...objects, change.after]
  const out = [...objects]
  out[at] = change.after
  return out
}

async function gridOf(objects: readonly KubeObject[], input: CheckInput): Promise<Grid> {
  const model = modelOf(objects, input.options)
  return gridFor(model, input, undefined, model.mesh.gateways.length > 0)
}

export async function diffDesigns(before: readonly KubeObject[], after: readonly KubeObject[], input: CheckInput): Promise<DesignDiff> {
  const objects = changedObjects(before, after)
  const [ga, gb] = [await gridOf(before, input), await gridOf(after, input)]
  const cells = diffGrids(ga, gb)
  const compared = new Set([...cellsOf(ga).keys(), ...cellsOf(gb).keys()]).size
  if (cells.length === 0) return { objects, cells, compared }
  const all = objects.map((o) => o.key)
  if (objects.length === 1 || objects.length > MAX_ATTRIBUTED) {
    for (const c of cells) c.causes = all
    return { objects, cells, compared }
  }
  const baseline = cellsOf(ga)
  const moved = new Map<string, ResourceKey[]>()
  for (const change of objects) {
    const alone = cellsOf(await gridOf(applyChange(before, change), input))
    for (const c of cells) {
      const key = `${c.from}\u0000${c.to}`
      if (!sameShownOutcome(baseline.get(key), alone.get(key))) moved.set(key, [...(moved.get(key) ?? []), change.key])
    }
  }
  for (const c of cells) c.causes = moved.get(`${c.from}\u0000${c.to}`) ?? all
  return { objects, cells, compared }
}
