import { useLayoutEffect, useMemo, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore, type DesignerState } from '../../store'
import { parsingLabel } from '../components'
import { markTiming } from '../../store/timing'
import { isHiddenCell } from '../../store/workshop'
import { GridLegend } from './GridLegend'
import { IntentBar, useIntentOverlay } from '../intent'
import { useIntentStore } from '../../store/intent'
import { GridTable } from './GridTable'
import { GridViewPicker } from './GridViewPicker'
import { useHiddenCells } from './useHiddenCells'
import './ConnectivityGrid.css'

export interface ConnectivityGridProps {
  /** The cell whose explanation is open, to mark it. */
  current?: { row: number; column: number }
  onExplain(row: number, column: number): void
}

/** The grid pane: heading, the table (or why there is none), the legend. */
/** Characters being parsed off the main thread for this design (a tab or an import), or undefined. */
function parsedChars(parsing: DesignerState['parsing']): number | undefined {
  const sizes = Object.values(parsing)
  return sizes.length === 0 ? undefined : sizes.reduce((a, b) => a + b, 0)
}

export function ConnectivityGrid({ current, onExplain }: ConnectivityGridProps) {
  const { grid, changed, computing, path, parsing } = useDesignerStore(
    useShallow((s) => ({ grid: s.gridState.grid, changed: s.gridState.changed, computing: s.gridState.computing, path: s.request.path, parsing: parsedChars(s.parsing) })),
  )
  const scrollRef = useRef<HTMLDivElement>(null)
  // For the browser benchmark: the table now shows this grid (the next paint follows).
  useLayoutEffect(() => {
    if (grid) markTiming('mad:grid-dom')
  }, [grid])
  // Predict-then-reveal: the step's cells show no code, and are not counted as changed, until the reveal.
  const hidden = useHiddenCells()
  const changedShown = useMemo(() => (hidden.size === 0 ? changed.size : [...changed].filter((key) => !isHiddenCell(hidden, ...splitCellKey(key))).length), [changed, hidden])
  const overlay = useIntentOverlay(grid)
  // Expect mode: a click sets or cycles the expectation instead of explaining.
  const expectMode = overlay.marks?.expectMode ?? false
  const onCell = (row: number, column: number) => {
    const r = grid?.rows[row]
    const c = grid?.columns[column]
    if (expectMode && r && c) useIntentStore.getState().cycleExpectation(r.label, c.label)
    else onExplain(row, column)
  }
  const onHeader = (kind: 'row' | 'column', index: number) => {
    const label = kind === 'row' ? grid?.rows[index]?.label : grid?.columns[index]?.label
    if (label) useIntentStore.getState().cycleExpectation(kind === 'row' ? label : '*', kind === 'row' ? '*' : label)
  }
  const rows = grid?.rows.length ?? 0
  const columns = grid?.columns.length ?? 0

  return (
    <section className="grid-pane" aria-labelledby="grid-title">
      <header className="pane-header">
        <h2 id="grid-title" className="pane-title">
          Connectivity
        </h2>
        <span className="pane-subtitle">
          <code>curl {path}</code>
          {grid && rows > 0 && columns > 0 && (
            <>
              {' · '}
              {rows} {rows === 1 ? 'client' : 'clients'} × {columns} {columns === 1 ? 'port' : 'ports'}
            </>
          )}
        </span>
        <span className="pane-header-end" aria-live="polite">
          {parsing !== undefined ? (
            <span className="grid-parsing" role="status">
              {parsingLabel(parsing)}
            </span>
          ) : computing ? (
            <span className="grid-computing">Evaluating…</span>
          ) : hidden.size > 0 ? (
            <span className="grid-hidden-count">Cells of the lesson step hidden until you reveal it</span>
          ) : changedShown > 0 ? (
            <span className="grid-changed-count">{changedShown} changed</span>
          ) : grid && rows > 0 && columns > 0 ? (
            <span className="grid-hint">Select a cell to see why</span>
          ) : null}
        </span>
      </header>
      <GridViewPicker />
      <IntentBar overlay={overlay} onExplain={onExplain} />
      <div ref={scrollRef} className="grid-scroll">
        {!grid ? (
          <p className="grid-empty">{computing ? 'Evaluating the design…' : 'No grid yet.'}</p>
        ) : rows === 0 || columns === 0 ? (
          <div className="grid-empty">
            <p className="grid-empty-title">{rows === 0 && columns === 0 ? 'Nothing to connect yet' : rows === 0 ? 'No clients yet' : 'No services yet'}</p>
            <p>
              {rows === 0
                ? 'This view shows no workload. Any workload can be a client: choose "All workloads" under Rows, or add one in the Workloads tab or from the palette.'
                : 'This view shows no Service port. Choose "All Service ports" under Columns, or add a Service and a Deployment.'}
            </p>
          </div>
        ) : (
          <GridTable
            grid={grid}
            changed={changed}
            hidden={hidden}
            current={current}
            scrollRef={scrollRef}
            caption={`Connectivity: the response code of curl ${path} from each client (rows) to each service port (columns). Select a cell for its explanation.`}
            onActivate={onCell}
            marks={overlay.marks}
            onHeader={onHeader}
          />
        )}
        {grid?.externalNote && <p className="grid-note">Ingress: {grid.externalNote}</p>}
      </div>
      <GridLegend />
    </section>
  )
}

function splitCellKey(key: string): [string, string] {
  const bar = key.indexOf('|')
  return [key.slice(0, bar), key.slice(bar + 1)]
}
