import { formatTimeOfDay, summarizeCodes, type LoopRun } from '../../store/tokens'
import { CopyButton } from '../components'
import { lookOfVerdict } from '../grid'

/** `UTC+01:00`: the offset of local time at `seconds`, so a time reads in one zone. */
export function zoneOf(seconds: number): string {
  const minutes = -new Date(seconds * 1000).getTimezoneOffset()
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/** "origin: Origin authentication failed" reads "Origin authentication failed": the rule's tag once. */
export function readableReason(reason: string): string {
  return reason.replace(/^origin: /, '').replace(/; origin: /g, '; ')
}

/** The codes in a row with their simulated times, then each request's reason. */
export function LoopResults({ run, command, where, stale }: { run: LoopRun; command: string; where: string; stale: boolean }) {
  const start = run.setup.start
  const codes = run.probes.map((p) => lookOfVerdict(p.verdict).text)
  return (
    <section className="tools-section loop-results" aria-labelledby="loop-results-title">
      <h3 id="loop-results-title" className="tools-heading">
        <span>Results</span>
        <span className="tools-heading-note">
          from {formatTimeOfDay(start)} local time ({zoneOf(start)}) on the simulated clock
        </span>
      </h3>
      {stale && <p className="tools-warning">The design or the request changed since this run. Run it again to update.</p>}
      <p className="loop-summary" role="status">
        {summarizeCodes(codes)}
      </p>
      <ol className="loop-codes" aria-label="Response codes">
        {run.probes.map((probe, i) => {
          const look = lookOfVerdict(probe.verdict)
          const offset = probe.at - start
          return (
            <li
              key={i}
              className={`loop-code tone-${look.tone}`}
              style={{ animationDelay: `${i * 45}ms` }}
              aria-label={`Request ${i + 1} at ${formatTimeOfDay(probe.at)} (+${offset} s): ${look.text}`}
              title={readableReason(probe.reason)}
            >
              <span className="loop-code-value">{look.text}</span>
              <span className="loop-code-time">+{offset} s</span>
            </li>
          )
        })}
      </ol>
      <table className="loop-table" aria-label="Requests and reasons">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time ({zoneOf(start)})</th>
            <th scope="col">Code</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {run.probes.map((probe, i) => {
            const look = lookOfVerdict(probe.verdict)
            return (
              <tr key={i}>
                <td className="loop-num">{i + 1}</td>
                <td className="loop-time">{formatTimeOfDay(probe.at)}</td>
                <td>
                  <span className={`loop-badge tone-${look.tone}`}>{look.text}</span>
                </td>
                <td className="loop-reason">{i > 0 && run.probes[i - 1]?.reason === probe.reason ? <span className="loop-same">same as above</span> : readableReason(probe.reason)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <div className="loop-command">
        <pre className="tools-code">{command}</pre>
        <div className="tools-row">
          <span className="tools-field-hint">The same loop on a cluster, {where}{run.jwt ? ', with TOKEN set to the token' : ''}.</span>
          <span className="reqbar-spacer" />
          <CopyButton text={command} label="Copy loop" />
        </div>
      </div>
    </section>
  )
}
