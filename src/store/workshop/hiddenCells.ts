/**
 * Predict-then-reveal: until a step is revealed, the designer shows no code for the cells the learner
 * is asked to predict. This names those cells the way the connectivity grid does (`row|column`, as
 * `GridState.changed`). Pure.
 */
import { EXTERNAL_CLIENT, type LessonStep } from '../../lessons/api'
import { parseCellKey } from './cellTable'

/** Every column of a row: the external client's answers come through the gateway, whatever port it routes to. */
export const ANY_COLUMN = '*'

/** The grid cells (`row|column`) of the step's predictions; empty once the step is revealed. */
export function hiddenCellKeys(step: LessonStep | undefined, revealed: boolean): string[] {
  if (!step || revealed) return []
  const keys = new Set<string>()
  for (const key of Object.keys(step.expect.grid)) {
    const cell = parseCellKey(key)
    if (!cell) continue
    keys.add(cell.from === EXTERNAL_CLIENT ? `${cell.from}|${ANY_COLUMN}` : `${cell.from}|${cell.target}`)
  }
  return [...keys].sort()
}

/** Whether the grid cell of `row` and `column` is one of `hidden` (from hiddenCellKeys). */
export function isHiddenCell(hidden: ReadonlySet<string>, row: string, column: string): boolean {
  return hidden.size > 0 && (hidden.has(`${row}|${column}`) || hidden.has(`${row}|${ANY_COLUMN}`))
}
