import type { LabelledGrid } from '../../engine/migrate'
import { lookOfVerdict } from '../grid'

export interface ComparisonGridProps {
  grid: LabelledGrid
  title: string
  /** `row|column` of the cells that differ from the other grid. */
  differing: ReadonlySet<string>
}

/**
 * One side of the migration comparison: a real table, rows = clients, columns = service ports. A
 * differing cell is outlined and carries "≠" and the words "differs", so it reads without colour.
 */
export function ComparisonGrid({ grid, title, differing }: ComparisonGridProps) {
  const width = grid.columns.length
  return (
    <table className="mig-grid" aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <td className="mig-corner">From ↓ · To →</td>
          {grid.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((row, i) => (
          <tr key={row}>
            <th scope="row">{row}</th>
            {grid.columns.map((column, j) => {
              const look = lookOfVerdict(grid.cells[i * width + j])
              const differs = differing.has(`${row}|${column}`)
              return (
                <td key={column} className={`mig-cell tone-${look.tone}${differs ? ' is-different' : ''}`} aria-label={`${row} to ${column}: ${look.text}${differs ? ', differs' : ''}`}>
                  <span aria-hidden="true">
                    {look.symbol} {look.text}
                    {differs && <span className="mig-diff-mark"> ≠</span>}
                  </span>
                </td>
              )
            })}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
