import { useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { GridLegend } from './GridLegend'
import { GridTable } from './GridTable'
import { GridViewPicker } from './GridViewPicker'
import './ConnectivityGrid.css'

export interface ConnectivityGridProps {
  /** The cell whose explanation is open, to mark it. */
  current?: { row: number; column: number }
  onExplain(row: number, column: number): void
}

/** The grid pane: heading, the table (or why there is none), the legend. */
export function ConnectivityGrid({ current, onExplain }: ConnectivityGridProps) {
  const { grid, changed, computing, path } = useDesignerStore(
    useShallow((s) => ({ grid: s.gridState.grid, changed: s.gridState.changed, computing: s.gridState.computing, path: s.request.path })),
  )
  const scrollRef = useRef<HTMLDivElement>(null)
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
          {computing ? (
            <span className="grid-computing">Evaluating…</span>
          ) : changed.size > 0 ? (
            <span className="grid-changed-count">{changed.size} changed</span>
          ) : grid && rows > 0 && columns > 0 ? (
            <span className="grid-hint">Select a cell to see why</span>
          ) : null}
        </span>
      </header>
      <GridViewPicker />
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
            current={current}
            scrollRef={scrollRef}
            caption={`Connectivity: the response code of curl ${path} from each client (rows) to each service port (columns). Select a cell for its explanation.`}
            onActivate={onExplain}
          />
        )}
        {grid?.externalNote && <p className="grid-note">Ingress: {grid.externalNote}</p>}
      </div>
      <GridLegend />
    </section>
  )
}
