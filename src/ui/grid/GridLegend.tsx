import { LEGEND } from './verdictStyle'

/** What each colour and symbol means; also explains the "changed" marker. */
export function GridLegend() {
  return (
    <ul className="grid-legend" aria-label="Legend">
      {LEGEND.map((entry) => (
        <li key={entry.code} className="grid-legend-item" title={entry.meaning}>
          <span className={`grid-legend-swatch tone-${entry.tone}`} aria-hidden="true">
            {entry.symbol} {entry.code}
          </span>
          <span className="grid-legend-text" aria-hidden="true">
            {entry.short}
          </span>
          <span className="visually-hidden">
            {entry.code}, shown with {entry.symbol}: {entry.meaning}
          </span>
        </li>
      ))}
      <li className="grid-legend-item" title="The code in this cell changed with your last edit">
        <span className="grid-legend-changed" aria-hidden="true" />
        <span className="grid-legend-text">Changed by the last edit</span>
      </li>
    </ul>
  )
}
