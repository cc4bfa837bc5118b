import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { describeExpiry, findKeyPair, inspectToken, useKeyPairs, withoutToken, type TokenEntry } from '../../store/tokens'
import { Button, CopyButton } from '../components'
import { ClaimsTable } from './ClaimsTable'

/** One token: what it is signed with, its expiry on the simulated clock, its header and claims. */
export function TokenDetails({ token, now }: { token: TokenEntry; now: number }) {
  const { request, setRequest } = useDesignerStore(useShallow((s) => ({ request: s.request, setRequest: s.setRequest })))
  const pairs = useKeyPairs((s) => s.pairs)
  const seen = inspectToken(token.jwt)
  const inUse = request.tokenId === token.id
  const expiry = seen.ok ? describeExpiry(seen.claims.exp, now) : undefined
  const pair = findKeyPair(pairs, token.keyPairId)
  const signer = token.builtIn
    ? "Istio's sample key (security/tools/jwt/samples/demo.jwt)"
    : token.signedWith === 'istio-sample-key'
      ? "Istio's sample key, like gen-jwt.py: the sample key set accepts it"
      : token.signedWith === 'browser-key-pair'
        ? pair
          ? `${pair.name}, made in this page (kid ${pair.kid.slice(0, 10)}…)`
          : 'a key pair made in this page before a reload (its private key is gone)'
        : 'unknown: pasted'

  return (
    <section className="tools-section token-details" aria-label={`Token ${token.name}`}>
      <div className="token-details-head">
        <h3 className="token-details-name">{token.name}</h3>
        {expiry && (
          <span className={`token-countdown is-${expiry.state}`} title="On the simulated clock">
            {expiry.text}
          </span>
        )}
      </div>
      <p className="tools-intro">Signed with {signer}.</p>
      {!token.builtIn && (
        <div className="tools-row">
          <span className="tools-intro" role="note" aria-label="Where this token is kept">
            {token.tabOnly
              ? 'Kept only for this tab (sessionStorage): gone when the tab closes, never saved with the design.'
              : 'Kept in this browser with the design (localStorage), until you remove it. Never in a share link unless you tick "Include tokens".'}
          </span>
          <label className="tools-check">
            <input
              type="checkbox"
              checked={token.tabOnly === true}
              onChange={(e) => {
                const tabOnly = e.target.checked
                setRequest({ tokens: (request.tokens ?? []).map((t) => (t.id === token.id ? { ...t, tabOnly } : t)) })
              }}
            />
            Keep only for this tab
          </label>
        </div>
      )}
      <div className="tools-row">
        {inUse ? (
          <Button onClick={() => setRequest({ tokenId: undefined })}>Stop using</Button>
        ) : (
          <Button variant="primary" onClick={() => setRequest({ tokenId: token.id })}>
            Use for requests
          </Button>
        )}
        <CopyButton text={token.jwt} label="Copy JWT" />
        {!token.builtIn && (
          <Button icon="close" onClick={() => setRequest(withoutToken(request, token.id))}>
            Remove
          </Button>
        )}
      </div>
      {seen.ok ? (
        <>
          {seen.warning && <p className="tools-warning">{seen.warning}</p>}
          <div className="token-parts">
            <h4 className="token-part-title">Header</h4>
            <ClaimsTable label="Header" values={seen.header} />
            <h4 className="token-part-title">Claims</h4>
            <ClaimsTable label="Claims" values={seen.claims} />
          </div>
          <details className="token-raw">
            <summary>Encoded token</summary>
            <p className="token-raw-text">
              {seen.jwt.split('.').map((part, i) => (
                <span key={i} className={`token-raw-part part-${i}`}>
                  {i > 0 && '.'}
                  {part}
                </span>
              ))}
            </p>
          </details>
        </>
      ) : (
        <p className="tools-error">{seen.message}</p>
      )}
    </section>
  )
}
