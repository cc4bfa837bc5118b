import { useMemo } from 'react'
import { shownCode, type MigrationCheck } from '../../engine/migrate'
import { ComparisonGrid } from './ComparisonGrid'

export interface MigrationComparisonProps {
  check: MigrationCheck
  fromLabel: string
  toLabel: string
}

/** Both grids side by side (same request), then every differing cell with the reason (M41). */
export function MigrationComparison({ check, fromLabel, toLabel }: MigrationComparisonProps) {
  const differing = useMemo(() => new Set(check.differences.map((d) => `${d.row}|${d.column}`)), [check])
  return (
    <div className="mig-comparison">
      <div className="mig-grids">
        <ComparisonGrid grid={check.before} title={`Before: ${fromLabel}`} differing={differing} />
        <ComparisonGrid grid={check.after} title={`After: ${toLabel}`} differing={differing} />
      </div>
      {check.differences.length === 0 ? (
        <p className="mig-same" role="status">
          No cell differs: the converted design answers every request of this profile as the original did.
        </p>
      ) : (
        <section aria-label="Cells that differ">
          <h3 className="mig-subhead">
            {check.differences.length === 1 ? '1 cell differs' : `${check.differences.length} cells differ`}
          </h3>
          <ul className="mig-diffs">
            {check.differences.map((d) => (
              <li key={`${d.row}|${d.column}`}>
                <span className="mig-diff-cell">
                  {d.row} → {d.column}
                </span>{' '}
                <span className="mig-diff-codes">
                  {shownCode(d.before)} → {shownCode(d.after)}
                </span>
                {d.m41 !== undefined && <span className="mig-diff-rule"> M41 #{d.m41}</span>}
                <div className="mig-diff-reason">{d.reason}</div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
