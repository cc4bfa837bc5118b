import { formatInstant } from '../../store/tokens'

const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf'])

/** A decoded JSON object (a token's header or claims) as name / value rows; times also in local time. */
export function ClaimsTable({ label, values }: { label: string; values: Record<string, unknown> }) {
  const entries = Object.entries(values)
  return (
    <table className="claims-table" aria-label={label}>
      <tbody>
        {entries.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>
              <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
              {TIME_CLAIMS.has(name) && typeof value === 'number' && <span className="claims-time">{formatInstant(value)}</span>}
            </td>
          </tr>
        ))}
        {entries.length === 0 && (
          <tr>
            <td colSpan={2} className="claims-empty">
              empty
            </td>
          </tr>
        )}
      </tbody>
    </table>
  )
}
