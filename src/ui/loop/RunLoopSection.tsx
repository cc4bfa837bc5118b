import { RunLoopButton } from './RunLoopButton'

/** The explanation panel's "over time" part: the request loop on this cell. */
export function RunLoopSection({ row, column }: { row: number; column: number }) {
  return (
    <>
      <h3 className="explain-section">Over time</h3>
      <p className="explain-muted loop-explain-hint">Send this request again and again on the simulated clock, with any token, and see when it stops working.</p>
      <div className="explain-command-actions">
        <RunLoopButton row={row} column={column} />
      </div>
    </>
  )
}
