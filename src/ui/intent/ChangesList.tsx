import { formatVerdict, type Verdict } from '../../engine'
import type { DesignDiff } from '../../engine/intent'
import { splitKeyWords } from './words'

const text = (v: Verdict | undefined) => (v ? formatVerdict(v) : '—')

/** The cells whose outcome changes, before → after, with the objects whose edit moves each. */
export function ChangesList({ diff, label = 'Changed cells' }: { diff: DesignDiff | undefined; label?: string }) {
  if (!diff) return <p className="intent-muted">Comparing…</p>
  return (
    <>
      <p className="changes-summary">
        {diff.cells.length} of {diff.compared} {diff.compared === 1 ? 'cell' : 'cells'} change; {diff.objects.length} {diff.objects.length === 1 ? 'object' : 'objects'} changed
        {diff.objects.length > 0 && `: ${diff.objects.map((o) => `${splitKeyWords(o.key)}${o.before ? (o.after ? '' : ' (deleted)') : ' (new)'}`).join(', ')}`}.
      </p>
      {diff.cells.length > 0 && (
        <table className="changes-table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Before → after</th>
              <th scope="col">Changed by</th>
            </tr>
          </thead>
          <tbody>
            {diff.cells.map((c) => (
              <tr key={`${c.from}|${c.to}`}>
                <td>{c.from}</td>
                <td>{c.to}</td>
                <td className="changes-codes">
                  {text(c.before)} → {text(c.after)}
                </td>
                <td>{c.causes.map(splitKeyWords).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
