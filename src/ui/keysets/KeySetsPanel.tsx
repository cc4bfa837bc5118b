import { useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { describeKeySet, ISTIO_SAMPLE_JWKS, jwksUrisInDesign, withoutKeySet } from '../../store/tokens'
import { Button } from '../components'
import { useAuthTools } from '../request/toolsState'
import { KeySetForm } from './KeySetForm'
import './keysets.css'

const SAMPLE_PATTERN = 'https://raw.githubusercontent.com/istio/istio/<any branch>/security/tools/jwt/samples/jwks.json'

/** Policy name for people: `Policy/foo/jwt-example` → `foo/jwt-example`. */
const policyName = (key: string) => key.split('/').slice(1).filter(Boolean).join('/')

/** jwksUri → JWKS: what the design's policies need, the key sets there are, and the form to add one. */
export function KeySetsPanel() {
  const { mesh, keySets } = useDesignerStore(useShallow((s) => ({ mesh: s.model.mesh, keySets: s.request.keySets })))
  const addKeySetFor = useAuthTools((s) => s.addKeySetFor)
  const uses = useMemo(() => jwksUrisInDesign(mesh, keySets), [mesh, keySets])
  const [draft, setDraft] = useState<{ uri: string; text: string; nonce: number }>()
  const users = Object.entries(keySets ?? {})

  return (
    <div className="keysets">
      <section className="tools-section" aria-labelledby="keysets-needed">
        <h3 id="keysets-needed" className="tools-heading">
          Needed by this design
        </h3>
        {uses.length === 0 ? (
          <p className="tools-intro">No policy names a jwksUri yet. Origins (end-user JWT) in a Policy name the key set their tokens are checked with.</p>
        ) : (
          <ul className="keyset-list" aria-label="jwksUris in the design">
            {uses.map((use) => (
              <li key={use.uri} className={`keyset-item${use.source === 'missing' ? ' is-missing' : ''}`}>
                <code className="keyset-uri">{use.uri}</code>
                <div className="keyset-meta">
                  {use.source === 'missing' ? (
                    <span className="tools-chip is-bad">no key set: every token gets 401</span>
                  ) : (
                    <span className="tools-chip is-ok">{use.source === 'sample' ? 'Istio sample (built in)' : 'your key set'}</span>
                  )}
                  <span>
                    issuer {use.issuers.join(', ')} · {use.policies.map(policyName).join(', ')}
                  </span>
                </div>
                {use.source === 'missing' && (
                  <div>
                    <Button onClick={() => addKeySetFor(use.uri)}>Add key set for this jwksUri</Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="tools-section" aria-labelledby="keysets-all">
        <h3 id="keysets-all" className="tools-heading">
          Key sets
        </h3>
        <ul className="keyset-list" aria-label="Key sets">
          <li className="keyset-item is-builtin">
            <div className="keyset-item-head">
              <strong>Istio sample jwks.json</strong>
              <span className="tools-chip">built in · read-only</span>
            </div>
            <code className="keyset-uri">{SAMPLE_PATTERN}</code>
            <span className="keyset-meta">{describeKeySet(ISTIO_SAMPLE_JWKS)}. Used for Istio's sample URI on any branch, tag or commit, unless you add your own for that exact URI.</span>
          </li>
          {users.map(([uri, jwks]) => {
            const usedBy = uses.find((u) => u.uri === uri)
            return (
              <li key={uri} className="keyset-item">
                <code className="keyset-uri">{uri}</code>
                <span className="keyset-meta">
                  {describeKeySet(jwks)} · {usedBy ? `used by ${usedBy.policies.map(policyName).join(', ')}` : 'no policy uses it'}
                </span>
                <div className="tools-row">
                  <Button onClick={() => setDraft({ uri, text: JSON.stringify(jwks, null, 2), nonce: Date.now() })}>Edit</Button>
                  <Button icon="close" aria-label={`Remove the key set of ${uri}`} onClick={() => useDesignerStore.getState().setRequest({ keySets: withoutKeySet(useDesignerStore.getState().request.keySets, uri) })}>
                    Remove
                  </Button>
                </div>
              </li>
            )
          })}
        </ul>
      </section>

      <section className="tools-section" aria-labelledby="keysets-add">
        <h3 id="keysets-add" className="tools-heading">
          Add or replace a key set
        </h3>
        <p className="tools-intro">Pilot fetches each jwksUri; the designer runs offline, so paste the JSON the URI serves (or open the file).</p>
        <KeySetForm uses={uses} draft={draft} />
      </section>
    </div>
  )
}
