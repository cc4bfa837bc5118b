import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { GridView } from '../../store/types'
import { GridRow } from './GridRow'
import type { GridMarks } from './marks'

/** Above this many rows only the visible ones are in the DOM (with aria-rowcount/rowindex). */
export const VIRTUALIZE_ABOVE = 80
const ROW_HEIGHT = 34

export interface GridTableProps {
  grid: GridView
  changed: ReadonlySet<string>
  /** The cell whose explanation is open. */
  current?: { row: number; column: number }
  caption: string
  scrollRef: RefObject<HTMLDivElement | null>
  onActivate(row: number, column: number): void
  /** Intent marks (expectations, violations, comparison) and expect mode. */
  marks?: GridMarks
  /** Expect mode: a click on a row (client) or column (port) header. */
  onHeader?(kind: 'row' | 'column', index: number): void
}

interface Pos {
  row: number
  col: number
}

/** The connectivity table: rows are clients, columns service ports; every verdict cell is a button. */
export function GridTable({ grid, changed, current, caption, scrollRef, onActivate, marks, onHeader }: GridTableProps) {
  const rowCount = grid.rows.length
  const colCount = grid.columns.length
  const virtual = rowCount > VIRTUALIZE_ABOVE
  const [focus, setFocus] = useState<Pos>({ row: 0, col: 0 })
  const pendingFocus = useRef(false)
  const columns = useStableColumns(grid.columns)
  // Stable callbacks, so memoized rows re-render only when what they show changes.
  const latest = useRef({ onActivate, onHeader })
  latest.current.onActivate = onActivate
  latest.current.onHeader = onHeader
  const activate = useCallback((r: number, c: number) => latest.current.onActivate(r, c), [])
  const header = useCallback((kind: 'row' | 'column', i: number) => latest.current.onHeader?.(kind, i), [])
  const onFocusCell = useCallback((r: number, c: number) => setFocus((f) => (f.row === r && f.col === c ? f : { row: r, col: c })), [])

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    enabled: virtual,
  })

  // Keep the roving tab stop inside the grid when it shrinks.
  const row = Math.min(focus.row, Math.max(0, rowCount - 1))
  const col = Math.min(focus.col, Math.max(0, colCount - 1))

  useLayoutEffect(() => {
    if (!pendingFocus.current) return
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`)
    if (el) {
      pendingFocus.current = false
      el.focus()
    }
  })

  useEffect(() => {
    if (virtual && pendingFocus.current) virtualizer.scrollToIndex(row, { align: 'auto' })
  }, [virtual, virtualizer, row])

  function moveTo(r: number, c: number) {
    const next = { row: Math.min(Math.max(0, r), rowCount - 1), col: Math.min(Math.max(0, c), colCount - 1) }
    pendingFocus.current = true
    setFocus(next)
  }

  function onKeyDown(e: KeyboardEvent) {
    const page = 10
    const moves: Record<string, () => void> = {
      ArrowUp: () => moveTo(row - 1, col),
      ArrowDown: () => moveTo(row + 1, col),
      ArrowLeft: () => moveTo(row, col - 1),
      ArrowRight: () => moveTo(row, col + 1),
      PageUp: () => moveTo(row - page, col),
      PageDown: () => moveTo(row + page, col),
      Home: () => (e.ctrlKey || e.metaKey ? moveTo(0, 0) : moveTo(row, 0)),
      End: () => (e.ctrlKey || e.metaKey ? moveTo(rowCount - 1, colCount - 1) : moveTo(row, colCount - 1)),
    }
    const move = moves[e.key]
    if (!move) return
    e.preventDefault()
    move()
  }

  const items = virtual ? virtualizer.getVirtualItems() : grid.rows.map((_, index) => ({ index, start: index * ROW_HEIGHT, end: (index + 1) * ROW_HEIGHT }))
  const padTop = virtual ? (items[0]?.start ?? 0) : 0
  const padBottom = virtual ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0

  return (
    <table className="grid-table" aria-label="Connectivity" aria-rowcount={virtual ? rowCount + 1 : undefined} onKeyDown={onKeyDown}>
      <caption className="grid-caption">{caption}</caption>
      <thead>
        <tr aria-rowindex={virtual ? 1 : undefined}>
          <td className="grid-corner">
            <span aria-hidden="true">From ↓ · To →</span>
          </td>
          {columns.map((c, ci) => {
            const [host, port] = splitLabel(c.label)
            const text = (
              <>
                <span className="grid-colheader-host">{host}</span>
                <span className="grid-colheader-port">{port}</span>
              </>
            )
            return (
              <th key={c.label} scope="col" className="grid-colheader" aria-label={c.label} title={`${c.label}: port ${c.portName || c.port}, ${c.protocol}`}>
                {marks?.expectMode ? (
                  <button type="button" className="grid-header-expect" aria-label={`Expect from every client to ${c.label}`} onClick={() => header('column', ci)}>
                    {text}
                  </button>
                ) : (
                  text
                )}
              </th>
            )
          })}
        </tr>
      </thead>
      <tbody>
        {padTop > 0 && (
          <tr className="grid-spacer" aria-hidden="true" style={{ height: padTop }}>
            <td colSpan={colCount + 1} />
          </tr>
        )}
        {items.map(({ index: r }) => {
          const rowView = grid.rows[r]
          if (!rowView) return null
          return (
            <GridRow
              key={rowView.label}
              row={rowView}
              r={r}
              columns={columns}
              cells={grid.cells}
              changed={changed}
              currentCol={current?.row === r ? current.column : -1}
              focusCol={r === row ? col : -1}
              ariaRowIndex={virtual ? r + 2 : undefined}
              onFocusCell={onFocusCell}
              onActivate={activate}
              marks={marks}
              onHeader={header}
            />
          )
        })}
        {padBottom > 0 && (
          <tr className="grid-spacer" aria-hidden="true" style={{ height: padBottom }}>
            <td colSpan={colCount + 1} />
          </tr>
        )}
      </tbody>
    </table>
  )
}

/** `httpbin.foo:8000` → [`httpbin.foo`, `:8000`], so a narrow header can wrap before the port. */
function splitLabel(label: string): [string, string] {
  const i = label.lastIndexOf(':')
  return i > 0 ? [label.slice(0, i), label.slice(i)] : [label, '']
}

type Columns = GridView['columns']

/** The previous columns array while the columns are the same, so rows can compare it by identity. */
function useStableColumns(next: Columns): Columns {
  const kept = useRef(next)
  const prev = kept.current
  const same =
    prev === next ||
    (prev.length === next.length &&
      prev.every((p, i) => {
        const n = next[i] as Columns[number]
        return p.label === n.label && p.serviceKey === n.serviceKey && p.port === n.port && p.portName === n.portName && p.protocol === n.protocol
      }))
  if (!same) kept.current = next
  return same ? prev : next
}
