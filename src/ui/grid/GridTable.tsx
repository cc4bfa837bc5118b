import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { GridView } from '../../store/types'
import { GridRow } from './GridRow'
import type { GridMarks } from './marks'

/** Above this many rows only the visible ones are in the DOM (with aria-rowcount/rowindex). */
export const VIRTUALIZE_ABOVE = 80
/** Above this many columns only the visible ones are in the DOM (with aria-colcount/colindex). */
export const VIRTUALIZE_COLUMNS_ABOVE = 24
const ROW_HEIGHT = 34
/** Widths when columns are virtualized: fixed, so the scroll offsets of every column are known. */
export const COLUMN_WIDTH = 120
export const ROW_HEADER_WIDTH = 240
/** .grid-scroll's left padding: where the table starts in the scrolled box. */
const SCROLL_PADDING_LEFT = 12
const NO_CELLS: ReadonlySet<string> = new Set()

export interface GridTableProps {
  grid: GridView
  changed: ReadonlySet<string>
  /** Cells whose code is hidden until a lesson step is revealed (see isHiddenCell). */
  hidden?: ReadonlySet<string>
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
export function GridTable({ grid, changed, hidden = NO_CELLS, current, caption, scrollRef, onActivate, marks, onHeader }: GridTableProps) {
  const rowCount = grid.rows.length
  const colCount = grid.columns.length
  const virtual = rowCount > VIRTUALIZE_ABOVE
  const virtualColumns = colCount > VIRTUALIZE_COLUMNS_ABOVE
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

  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: colCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH,
    scrollMargin: SCROLL_PADDING_LEFT + ROW_HEADER_WIDTH,
    overscan: 4,
    enabled: virtualColumns,
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

  useEffect(() => {
    if (virtualColumns && pendingFocus.current) columnVirtualizer.scrollToIndex(col, { align: 'auto' })
  }, [virtualColumns, columnVirtualizer, col])

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
  const span = visibleColumns(virtualColumns, columnVirtualizer.getVirtualItems(), colCount)
  const shown = virtualColumns ? columns.slice(span.start, span.end) : columns
  const spacers = (virtualColumns ? 2 : 0) + shown.length + 1

  return (
    <table
      className={`grid-table${virtualColumns ? ' grid-table--fixed' : ''}`}
      aria-label="Connectivity"
      aria-rowcount={virtual || virtualColumns ? rowCount + 1 : undefined}
      aria-colcount={virtualColumns ? colCount + 1 : undefined}
      style={virtualColumns ? { width: ROW_HEADER_WIDTH + colCount * COLUMN_WIDTH } : undefined}
      onKeyDown={onKeyDown}
    >
      <caption className="grid-caption">{caption}</caption>
      <thead>
        <tr aria-rowindex={virtual || virtualColumns ? 1 : undefined}>
          <td className="grid-corner" style={virtualColumns ? { width: ROW_HEADER_WIDTH } : undefined}>
            <span aria-hidden="true">From ↓ · To →</span>
          </td>
          {virtualColumns && <td className="grid-colspacer" aria-hidden="true" style={{ width: span.padLeft }} />}
          {shown.map((c, k) => {
            const ci = virtualColumns ? span.start + k : k
            const [host, port] = splitLabel(c.label)
            const text = (
              <>
                <span className="grid-colheader-host">{host}</span>
                <span className="grid-colheader-port">{port}</span>
              </>
            )
            return (
              <th
                key={c.label}
                scope="col"
                className="grid-colheader"
                aria-label={c.label}
                aria-colindex={virtualColumns ? ci + 2 : undefined}
                style={virtualColumns ? { width: COLUMN_WIDTH } : undefined}
                title={`${c.label}: port ${c.portName || c.port}, ${c.protocol}`}
              >
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
          {virtualColumns && <td className="grid-colspacer" aria-hidden="true" style={{ width: span.padRight }} />}
        </tr>
      </thead>
      <tbody>
        {padTop > 0 && (
          <tr className="grid-spacer" aria-hidden="true" style={{ height: padTop }}>
            <td colSpan={spacers} />
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
              hidden={hidden}
              currentCol={current?.row === r ? current.column : -1}
              focusCol={r === row ? col : -1}
              ariaRowIndex={virtual || virtualColumns ? r + 2 : undefined}
              span={virtualColumns ? span : undefined}
              onFocusCell={onFocusCell}
              onActivate={activate}
              marks={marks}
              onHeader={header}
            />
          )
        })}
        {padBottom > 0 && (
          <tr className="grid-spacer" aria-hidden="true" style={{ height: padBottom }}>
            <td colSpan={spacers} />
          </tr>
        )}
      </tbody>
    </table>
  )
}

export interface ColumnSpan {
  /** Columns start..end-1 are in the DOM; the spacers stand for the others. */
  start: number
  end: number
  padLeft: number
  padRight: number
}

function visibleColumns(virtual: boolean, items: { index: number }[], count: number): ColumnSpan {
  if (!virtual || items.length === 0) return { start: 0, end: count, padLeft: 0, padRight: 0 }
  const start = items[0]?.index ?? 0
  const end = (items[items.length - 1]?.index ?? 0) + 1
  return { start, end, padLeft: start * COLUMN_WIDTH, padRight: (count - end) * COLUMN_WIDTH }
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
