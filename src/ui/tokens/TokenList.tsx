import { describeExpiry, inspectToken, type TokenEntry } from '../../store/tokens'

export interface TokenListProps {
  tokens: readonly TokenEntry[]
  activeId: string | undefined
  shownId: string
  now: number
  onShow(id: string): void
}

/** The tokens, the built-in demo token first; each shows its issuer and expiry on the simulated clock. */
export function TokenList({ tokens, activeId, shownId, now, onShow }: TokenListProps) {
  return (
    <ul className="token-list" aria-label="Tokens">
      {tokens.map((token) => {
        const seen = inspectToken(token.jwt)
        const expiry = seen.ok ? describeExpiry(seen.claims.exp, now) : undefined
        const issuer = seen.ok && typeof seen.claims.iss === 'string' ? seen.claims.iss : 'no issuer'
        return (
          <li key={token.id}>
            <button type="button" className="token-item" aria-current={token.id === shownId || undefined} onClick={() => onShow(token.id)}>
              <span className="token-item-top">
                <span className="token-item-name">{token.name}</span>
                {token.builtIn && <span className="tools-chip">built in</span>}
                {token.id === activeId && <span className="tools-chip is-accent">in use</span>}
              </span>
              <span className="token-item-meta">
                <span className="token-item-issuer">{issuer}</span>
                {expiry && <span className={`token-expiry is-${expiry.state}`}>{expiry.text}</span>}
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
