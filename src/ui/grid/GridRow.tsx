import { memo } from 'react'
import type { GridView } from '../../store/types'
import { isHiddenCell } from '../../store/workshop'
import type { ColumnSpan } from './GridTable'
import type { GridMarks } from './marks'
import { HIDDEN_LOOK, cellKey, verdictLook } from './verdictStyle'

type RowView = GridView['rows'][number]
type ColumnView = GridView['columns'][number]

export interface GridRowProps {
  row: RowView
  /** The row's index in the grid. */
  r: number
  columns: readonly ColumnView[]
  /** The whole grid's cells; only this row's slice is read (and compared). */
  cells: ArrayLike<number>
  changed: ReadonlySet<string>
  /** Cells whose code stays hidden until the lesson step is revealed. */
  hidden: ReadonlySet<string>
  /** The column of the open explanation when it is in this row, else -1. */
  currentCol: number
  /** The column holding the roving tab stop when it is in this row, else -1. */
  focusCol: number
  ariaRowIndex?: number
  /** Columns virtualized: only these are drawn, spacers stand for the others (and cells carry aria-colindex). */
  span?: ColumnSpan
  /** Stable callbacks (the table keeps them the same between renders). */
  onFocusCell(r: number, c: number): void
  onActivate(r: number, c: number): void
  marks?: GridMarks
  onHeader?(kind: 'row' | 'column', index: number): void
}

/** One client's row: its header and one verdict button per service port. */
function GridRowView({ row, r, columns, cells, changed, hidden, currentCol, focusCol, ariaRowIndex, span, onFocusCell, onActivate, marks, onHeader }: GridRowProps) {
  const width = columns.length
  const first = span?.start ?? 0
  const shown = span ? columns.slice(span.start, span.end) : columns
  // The roving tab stop stays reachable when its column is scrolled out: the first drawn cell holds it.
  const tabStop = focusCol < 0 || (focusCol >= first && focusCol < first + shown.length) ? focusCol : first
  return (
    <tr aria-rowindex={ariaRowIndex} className={row.external ? 'grid-row-external' : undefined}>
      <th scope="row" className="grid-rowheader" aria-description={row.external ? 'through the ingress gateway' : row.sidecar ? 'with a sidecar' : 'without a sidecar'}>
        {marks?.expectMode ? (
          <button type="button" className="grid-header-expect" aria-label={`Expect from ${row.label} to every port`} onClick={() => onHeader?.('row', r)}>
            <span className="grid-rowheader-name">{row.label}</span>
          </button>
        ) : (
          <span className="grid-rowheader-name">{row.label}</span>
        )}
        <SidecarBadge external={row.external} sidecar={row.sidecar} />
      </th>
      {span && <td className="grid-colspacer" aria-hidden="true" />}
      {shown.map((column, k) => {
        const c = first + k
        const isHidden = isHiddenCell(hidden, row.label, column.label)
        const look = isHidden ? HIDDEN_LOOK : verdictLook(cells[r * width + c] ?? 255)
        const isChanged = !isHidden && changed.size > 0 && changed.has(cellKey(row.label, column.label))
        const isCurrent = currentCol === c
        // A hidden lesson cell shows no expectation or comparison either: both would give its code away.
        const mark = isHidden ? undefined : marks?.byCell.get(cellKey(row.label, column.label))
        const name = `${row.label} to ${column.label}: ${look.tone === 'none' ? 'no request' : isHidden ? 'hidden until you reveal the lesson step' : look.text}`
        const described = [isChanged ? 'changed' : '', mark?.expect ? `expected ${mark.expect}${mark.violated ? ', violated' : ', holds'}` : '', mark?.other !== undefined ? `${mark.otherSide === 'after' ? 'would become' : 'was'} ${mark.other}` : '']
          .filter(Boolean)
          .join('; ')
        return (
          <td key={column.label} className="grid-cell-wrap" aria-colindex={span ? c + 2 : undefined}>
            <button
              type="button"
              data-cell={`${r}:${c}`}
              className={`grid-cell tone-${look.tone}${isChanged ? ' is-changed' : ''}${isCurrent ? ' is-current' : ''}${mark?.violated ? ' is-violated' : ''}${mark?.expect ? ' has-expect' : ''}`}
              tabIndex={c === tabStop ? 0 : -1}
              aria-label={name}
              aria-description={described || undefined}
              aria-current={isCurrent || undefined}
              aria-disabled={(look.tone === 'none' && !marks?.expectMode) || undefined}
              onFocus={() => onFocusCell(r, c)}
              onClick={() => (look.tone !== 'none' || marks?.expectMode) && onActivate(r, c)}
            >
              {mark?.other !== undefined && mark.otherSide !== 'after' && <span className="grid-cell-other">{mark.other} →</span>}
              {look.symbol && (
                <span className="grid-cell-symbol" aria-hidden="true">
                  {look.symbol}
                </span>
              )}
              <span className="grid-cell-code">{look.text}</span>
              {mark?.other !== undefined && mark.otherSide === 'after' && <span className="grid-cell-other">→ {mark.other}</span>}
              {isChanged && <span className="grid-cell-dot" aria-hidden="true" />}
              {mark?.expect && (
                <span className="grid-cell-expect" aria-hidden="true" title={`Expected: ${mark.expect}`}>
                  {mark.expect === 'allow' ? 'A' : mark.expect === 'deny' ? 'D' : mark.expect}
                </span>
              )}
              {mark?.violated && (
                <span className="grid-cell-violation" aria-hidden="true" title="Violates its expectation">
                  <span>!</span>
                </span>
              )}
            </button>
          </td>
        )
      })}
      {span && <td className="grid-colspacer" aria-hidden="true" />}
    </tr>
  )
}

/** Same row when everything it shows is equal: cells of this row compared by value, marks by key. */
function sameRow(a: GridRowProps, b: GridRowProps): boolean {
  if (a.r !== b.r || a.columns !== b.columns || a.currentCol !== b.currentCol || a.focusCol !== b.focusCol || a.ariaRowIndex !== b.ariaRowIndex) return false
  if (a.onFocusCell !== b.onFocusCell || a.onActivate !== b.onActivate || a.hidden !== b.hidden || a.marks !== b.marks) return false
  if (a.span !== b.span && (a.span?.start !== b.span?.start || a.span?.end !== b.span?.end)) return false
  if (a.row !== b.row && (a.row.label !== b.row.label || a.row.sidecar !== b.row.sidecar || a.row.external !== b.row.external)) return false
  const width = b.columns.length
  if (a.cells !== b.cells) {
    for (let i = b.r * width, end = i + width; i < end; i++) if (a.cells[i] !== b.cells[i]) return false
  }
  if (a.changed !== b.changed && (a.changed.size > 0 || b.changed.size > 0)) {
    for (const column of b.columns) {
      const key = cellKey(b.row.label, column.label)
      if (a.changed.has(key) !== b.changed.has(key)) return false
    }
  }
  return true
}

export const GridRow = memo(GridRowView, sameRow)

function SidecarBadge({ external, sidecar }: { external: boolean; sidecar: boolean }) {
  if (external) {
    return (
      <span className="grid-badge badge-ingress" aria-hidden="true" title="Requests from outside the cluster, through the ingress gateway">
        ingress
      </span>
    )
  }
  return (
    <span
      className={`grid-badge ${sidecar ? 'badge-sidecar' : 'badge-nosidecar'}`}
      aria-hidden="true"
      title={sidecar ? 'This client runs with an Envoy sidecar' : 'This client runs without a sidecar'}
    >
      {sidecar ? 'sidecar' : 'no sidecar'}
    </span>
  )
}
