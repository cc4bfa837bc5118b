import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { GridView } from '../../store/types'
import { cellKey, verdictLook } from './verdictStyle'

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
}

interface Pos {
  row: number
  col: number
}

/** The connectivity table: rows are clients, columns service ports; every verdict cell is a button. */
export function GridTable({ grid, changed, current, caption, scrollRef, onActivate }: GridTableProps) {
  const rowCount = grid.rows.length
  const colCount = grid.columns.length
  const virtual = rowCount > VIRTUALIZE_ABOVE
  const [focus, setFocus] = useState<Pos>({ row: 0, col: 0 })
  const pendingFocus = useRef(false)

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
          {grid.columns.map((c) => {
            const [host, port] = splitLabel(c.label)
            return (
              <th key={c.label} scope="col" className="grid-colheader" aria-label={c.label} title={`${c.label}: port ${c.portName || c.port}, ${c.protocol}`}>
                <span className="grid-colheader-host">{host}</span>
                <span className="grid-colheader-port">{port}</span>
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
            <tr key={rowView.label} aria-rowindex={virtual ? r + 2 : undefined} className={rowView.external ? 'grid-row-external' : undefined}>
              <th scope="row" className="grid-rowheader" aria-description={rowView.external ? 'through the ingress gateway' : rowView.sidecar ? 'with a sidecar' : 'without a sidecar'}>
                <span className="grid-rowheader-name">{rowView.label}</span>
                <SidecarBadge external={rowView.external} sidecar={rowView.sidecar} />
              </th>
              {grid.columns.map((column, c) => {
                const look = verdictLook(grid.cells[r * colCount + c] ?? 255)
                const isChanged = changed.has(cellKey(rowView.label, column.label))
                const isCurrent = current?.row === r && current.column === c
                const name = `${rowView.label} to ${column.label}: ${look.tone === 'none' ? 'no request' : look.text}`
                return (
                  <td key={column.label} className="grid-cell-wrap">
                    <button
                      type="button"
                      data-cell={`${r}:${c}`}
                      className={`grid-cell tone-${look.tone}${isChanged ? ' is-changed' : ''}${isCurrent ? ' is-current' : ''}`}
                      tabIndex={r === row && c === col ? 0 : -1}
                      aria-label={name}
                      aria-description={isChanged ? 'changed' : undefined}
                      aria-current={isCurrent || undefined}
                      aria-disabled={look.tone === 'none' || undefined}
                      onFocus={() => (focus.row !== r || focus.col !== c) && setFocus({ row: r, col: c })}
                      onClick={() => look.tone !== 'none' && onActivate(r, c)}
                    >
                      {look.symbol && (
                        <span className="grid-cell-symbol" aria-hidden="true">
                          {look.symbol}
                        </span>
                      )}
                      <span className="grid-cell-code">{look.text}</span>
                      {isChanged && <span className="grid-cell-dot" aria-hidden="true" />}
                    </button>
                  </td>
                )
              })}
            </tr>
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
