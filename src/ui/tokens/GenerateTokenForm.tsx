import { useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { addedToken, defaultTokenName, DEFAULT_RECIPE, jwksUrisInDesign, makeKeyPair, recipeProblems, hasProblems, signRecipe, useKeyPairs, type Signer, type TokenRecipe } from '../../store/tokens'
import { Button } from '../components'

type SignerChoice = 'istio-sample-key' | 'new:RS256' | 'new:ES256' | `pair:${string}`

/**
 * gen-jwt.py in the browser: issuer, subject, audiences, extra claims and lifetime, signed with jose.
 * iat is the simulated now, so "expires after 5 s" means five seconds of the simulated clock.
 */
export function GenerateTokenForm({ now, onAdded }: { now: number; onAdded(id: string): void }) {
  const issuers = useDesignerStore(useShallow((s) => [...new Set(jwksUrisInDesign(s.model.mesh, s.request.keySets).flatMap((u) => u.issuers))]))
  const pairs = useKeyPairs((s) => s.pairs)
  const [recipe, setRecipe] = useState<TokenRecipe>(() => ({ ...DEFAULT_RECIPE, iss: issuers[0] ?? DEFAULT_RECIPE.iss }))
  const [signer, setSigner] = useState<SignerChoice>('istio-sample-key')
  const [use, setUse] = useState(true)
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: string }>({ busy: false })
  const id = useId()
  const problems = recipeProblems(recipe)
  const field = (name: keyof TokenRecipe) => ({
    id: `${id}-${name}`,
    value: recipe[name],
    onChange: (e: { target: { value: string } }) => setRecipe((r) => ({ ...r, [name]: e.target.value })),
  })

  async function generate() {
    if (hasProblems(problems)) return
    setState({ busy: true })
    try {
      const chosen = await resolveSigner(signer)
      const jwt = await signRecipe(recipe, chosen, now)
      const store = useDesignerStore.getState()
      const expire = recipe.expireSeconds.trim()
      const { tokens, id: tokenId } = addedToken(store.request, {
        jwt,
        source: 'generated',
        name: `${defaultTokenName(store.request.tokens, 'generated')} · ${expire} s${chosen.kind === 'browser-key-pair' ? ` · ${chosen.pair.name}` : ''}`,
        signedWith: chosen.kind,
        ...(chosen.kind === 'browser-key-pair' ? { keyPairId: chosen.pair.id } : {}),
      })
      store.setRequest({ tokens, ...(use ? { tokenId } : {}) })
      setState({ busy: false, done: `Signed with ${chosen.kind === 'istio-sample-key' ? "Istio's sample key" : chosen.pair.name}.` })
      onAdded(tokenId)
    } catch (error) {
      setState({ busy: false, error: `Could not sign the token: ${error instanceof Error ? error.message : String(error)}` })
    }
  }

  async function resolveSigner(choice: SignerChoice): Promise<Signer> {
    if (choice === 'istio-sample-key') return { kind: 'istio-sample-key' }
    if (choice.startsWith('pair:')) {
      const pair = useKeyPairs.getState().pairs.find((p) => `pair:${p.id}` === choice)
      if (pair) return { kind: 'browser-key-pair', pair }
    }
    const alg = choice === 'new:ES256' ? 'ES256' : 'RS256'
    const pair = await makeKeyPair(alg, useKeyPairs.getState().pairs)
    useKeyPairs.getState().add(pair)
    setSigner(`pair:${pair.id}`)
    return { kind: 'browser-key-pair', pair }
  }

  return (
    <form
      className="token-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void generate()
      }}
    >
      <div className="tools-grid-2">
        <div className="tools-field">
          <label className="tools-field-label" htmlFor={`${id}-iss`}>
            Issuer
          </label>
          <input {...field('iss')} className="tools-input mono" list={`${id}-issuers`} spellCheck={false} aria-invalid={problems.iss ? true : undefined} />
          <datalist id={`${id}-issuers`}>
            {issuers.map((i) => (
              <option key={i} value={i} />
            ))}
          </datalist>
          {problems.iss && <span className="tools-field-hint is-error">{problems.iss}</span>}
        </div>
        <div className="tools-field">
          <label className="tools-field-label" htmlFor={`${id}-sub`}>
            Subject
          </label>
          <input {...field('sub')} className="tools-input mono" placeholder="same as the issuer" spellCheck={false} />
        </div>
        <div className="tools-field">
          <label className="tools-field-label" htmlFor={`${id}-aud`}>
            Audiences
          </label>
          <input {...field('aud')} className="tools-input mono" placeholder="none; comma-separated" spellCheck={false} />
        </div>
        <div className="tools-field">
          <label className="tools-field-label" htmlFor={`${id}-expireSeconds`}>
            Expires after (seconds)
          </label>
          <input {...field('expireSeconds')} className="tools-input mono" inputMode="numeric" aria-invalid={problems.expireSeconds ? true : undefined} />
          {problems.expireSeconds && <span className="tools-field-hint is-error">{problems.expireSeconds}</span>}
        </div>
      </div>
      <div className="tools-field">
        <label className="tools-field-label" htmlFor={`${id}-claims`}>
          Extra claims
        </label>
        <textarea {...field('claims')} className="tools-textarea token-claims" rows={2} placeholder={'foo: bar\ngroups: ["dev", "ops"]'} spellCheck={false} aria-invalid={problems.claims ? true : undefined} />
        {problems.claims ? (
          problems.claims.map((p) => (
            <span key={p.line} className="tools-field-hint is-error">
              {p.message}
            </span>
          ))
        ) : (
          <span className="tools-field-hint">One name: value per line, as gen-jwt.py --claims. JSON values (numbers, true, lists) stay JSON.</span>
        )}
      </div>
      <div className="tools-field">
        <label className="tools-field-label" htmlFor={`${id}-signer`}>
          Sign with
        </label>
        <select id={`${id}-signer`} className="tools-select" value={signer} onChange={(e) => setSigner(e.target.value as SignerChoice)}>
          <option value="istio-sample-key">Istio sample key (the sample jwks.json accepts it)</option>
          {pairs.map((p) => (
            <option key={p.id} value={`pair:${p.id}`}>
              {p.name} (made in this page)
            </option>
          ))}
          <option value="new:RS256">New RS256 key pair</option>
          <option value="new:ES256">New ES256 key pair</option>
        </select>
        {signer !== 'istio-sample-key' && <span className="tools-field-hint">Attach the key pair's public key set to the policy's jwksUri (below) for its tokens to verify.</span>}
      </div>
      <div aria-live="polite">
        {state.error && <p className="tools-error">{state.error}</p>}
        {state.done && !state.error && <p className="tools-ok">{state.done}</p>}
      </div>
      <div className="tools-row">
        <label className="tools-check">
          <input type="checkbox" checked={use} onChange={(e) => setUse(e.target.checked)} />
          Use it for requests
        </label>
        <span className="reqbar-spacer" />
        <Button type="submit" variant="primary" disabled={state.busy || hasProblems(problems)}>
          {state.busy ? 'Signing…' : 'Generate token'}
        </Button>
      </div>
    </form>
  )
}
