import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { describeExpiry, inspectToken, placementNameProblem, placementOf, tokenEntries, type TokenPlacement } from '../../store/tokens'
import { CommitInput } from './CommitInput'
import { useSimulatedNow } from './useClock'

const NO_TOKEN = ''

/** "Token for requests" and where it goes: switched in one click, the grid recomputes. */
export function TokenControls() {
  const { request, setRequest } = useDesignerStore(useShallow((s) => ({ request: s.request, setRequest: s.setRequest })))
  const now = useSimulatedNow()
  const entries = tokenEntries(request)
  const placement = placementOf(request)
  const active = entries.some((t) => t.id === request.tokenId) ? (request.tokenId as string) : NO_TOKEN

  const setPlacement = (next: TokenPlacement) => setRequest({ tokenPlacement: next })

  return (
    <div className="reqbar-group">
      <label className="reqbar-field">
        <span className="reqbar-label">Token</span>
        <select aria-label="Token for requests" className="reqbar-select reqbar-token" value={active} onChange={(e) => setRequest({ tokenId: e.target.value === NO_TOKEN ? undefined : e.target.value })}>
          <option value={NO_TOKEN}>No token</option>
          {entries.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
              {statusSuffix(t.jwt, now)}
            </option>
          ))}
        </select>
      </label>
      <label className="reqbar-field">
        <span className="reqbar-label">as</span>
        <select
          aria-label="Where the token goes"
          title={placement.kind === 'bearer' ? 'Authorization: Bearer <token>' : placement.kind === 'header' ? `${placement.name}: <token>` : `?${placement.name}=<token>`}
          className="reqbar-select"
          value={placement.kind}
          disabled={active === NO_TOKEN}
          onChange={(e) => {
            const kind = e.target.value as TokenPlacement['kind']
            setPlacement(kind === 'bearer' ? { kind } : { kind, name: kind === 'header' ? 'x-jwt-assertion' : 'access_token' })
          }}
        >
          <option value="bearer">Bearer header</option>
          <option value="header">Custom header</option>
          <option value="query">Query parameter</option>
        </select>
      </label>
      {placement.kind !== 'bearer' && (
        <CommitInput
          aria-label={placement.kind === 'header' ? 'Token header name' : 'Token query parameter name'}
          className="reqbar-input reqbar-name"
          value={placement.name}
          spellCheck={false}
          disabled={active === NO_TOKEN}
          check={(name) => placementNameProblem({ ...placement, name })}
          onCommit={(name) => setPlacement({ ...placement, name })}
        />
      )}
    </div>
  )
}

function statusSuffix(jwt: string, now: number): string {
  const seen = inspectToken(jwt)
  if (!seen.ok) return ' · not a JWT'
  const expiry = describeExpiry(seen.claims.exp, now)
  return expiry.state === 'valid' ? '' : expiry.state === 'expired' ? ' · expired' : ' · no exp'
}
