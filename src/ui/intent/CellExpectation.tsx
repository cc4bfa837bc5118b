import { useDesignerStore } from '../../store'
import { intentMarks, parsedIntent } from '../../store/intent'
import { intent as engineIntent } from '../../engine'
import { describeExpectation } from './words'
import './intent.css'

/** In a cell's explanation: which expectation governs the cell, and whether it holds. */
export function CellExpectation({ row, column }: { row: number; column: number }) {
  const grid = useDesignerStore((s) => s.gridState.grid)
  const text = useDesignerStore((s) => s.intent)
  const expectations = parsedIntent(text).expectations.filter((e) => engineIntent.requestKey(e.request) === '')
  if (!grid || expectations.length === 0) return null
  const rowLabel = grid.rows[row]?.label
  const columnLabel = grid.columns[column]?.label
  const mark = intentMarks(grid, expectations).cells.get(`${rowLabel}|${columnLabel}`)
  return (
    <div className={`explain-expectation${mark?.violated ? ' is-violated' : ''}`} role="note" aria-label="Expectation">
      {mark ? (
        <>
          <strong>{mark.violated ? 'Violates its expectation' : 'Meets its expectation'}</strong>: expected {mark.expect}, by {describeExpectation(expectations[mark.expectation])} (the most specific expectation that covers this cell).
        </>
      ) : (
        <span className="intent-muted">No expectation covers this cell.</span>
      )}
    </div>
  )
}
