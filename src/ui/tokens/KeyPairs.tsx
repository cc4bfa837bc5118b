import { useId, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { jwksUriProblem, jwksUrisInDesign, useKeyPairs, withAttachedKeys, type BrowserKeyPair } from '../../store/tokens'
import { Button, CopyButton } from '../components'

/**
 * Key pairs made in this page. The private key never leaves the tab; the public key set can be
 * attached to a jwksUri in one click, which is what Pilot would fetch.
 */
export function KeyPairs() {
  const pairs = useKeyPairs((s) => s.pairs)
  if (pairs.length === 0) return null
  return (
    <section className="tools-section" aria-labelledby="keypairs-title">
      <h3 id="keypairs-title" className="tools-heading">
        Key pairs in this page
      </h3>
      <p className="tools-intro">Private keys stay in this tab's memory: never saved, never in a link, gone when you reload.</p>
      <ul className="keypair-list">
        {pairs.map((pair) => (
          <KeyPairItem key={pair.id} pair={pair} />
        ))}
      </ul>
    </section>
  )
}

function KeyPairItem({ pair }: { pair: BrowserKeyPair }) {
  const { mesh, keySets } = useDesignerStore(useShallow((s) => ({ mesh: s.model.mesh, keySets: s.request.keySets })))
  const uses = useMemo(() => jwksUrisInDesign(mesh, keySets), [mesh, keySets])
  const attachedTo = Object.entries(keySets ?? {})
    .filter(([, jwks]) => jwks.keys.some((k) => k.kid === pair.kid))
    .map(([uri]) => uri)
  // The jwksUri most likely meant: one without keys, else the first the design names.
  const suggestion = uses.find((u) => u.source === 'missing')?.uri ?? uses.find((u) => !attachedTo.includes(u.uri))?.uri ?? ''
  const [uri, setUri] = useState(suggestion)
  const id = useId()
  const problem = uri.trim() === '' ? undefined : jwksUriProblem(uri)

  return (
    <li className="keypair-item">
      <div className="keypair-head">
        <strong>{pair.name}</strong>
        <span className="tools-chip">{pair.alg}</span>
        <code className="keypair-kid" title={pair.kid}>
          kid {pair.kid.slice(0, 16)}…
        </code>
        <span className="reqbar-spacer" />
        <CopyButton text={JSON.stringify(pair.jwks, null, 2)} label="Copy JWKS" />
      </div>
      {attachedTo.length > 0 && (
        <p className="tools-ok">
          Attached to {attachedTo.map((u, i) => (
            <code key={u}>
              {i > 0 && ', '}
              {u}
            </code>
          ))}
        </p>
      )}
      <form
        className="keypair-attach"
        onSubmit={(e) => {
          e.preventDefault()
          if (uri.trim() === '' || problem) return
          const store = useDesignerStore.getState()
          store.setRequest({ keySets: withAttachedKeys(store.request.keySets, uri, pair.jwks) })
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-uri`}>
          jwksUri for {pair.name}
        </label>
        <input
          id={`${id}-uri`}
          className="tools-input mono"
          list={`${id}-uris`}
          placeholder="https://keys.example.com/jwks.json"
          spellCheck={false}
          value={uri}
          aria-invalid={problem ? true : undefined}
          title={problem}
          onChange={(e) => setUri(e.target.value)}
        />
        <datalist id={`${id}-uris`}>
          {uses.map((u) => (
            <option key={u.uri} value={u.uri} />
          ))}
        </datalist>
        <Button type="submit" disabled={uri.trim() === '' || problem !== undefined}>
          Attach key set
        </Button>
      </form>
      {problem && <span className="tools-field-hint is-error">{problem}</span>}
    </li>
  )
}
