import { useId, useState } from 'react'
import { useDesignerStore } from '../../store'
import { addedToken, describeExpiry, inspectToken } from '../../store/tokens'
import { Button } from '../components'

/** Paste any JWT: checked as you type (three parts, JSON header and claims); added to the list. */
export function PasteTokenForm({ now, onAdded }: { now: number; onAdded(id: string): void }) {
  const [text, setText] = useState('')
  const [use, setUse] = useState(true)
  const id = useId()
  const seen = text.trim() === '' ? undefined : inspectToken(text)

  function add() {
    if (!seen?.ok) return
    const store = useDesignerStore.getState()
    const { tokens, id: tokenId } = addedToken(store.request, { jwt: seen.jwt, source: 'pasted' })
    store.setRequest({ tokens, ...(use ? { tokenId } : {}) })
    setText('')
    onAdded(tokenId)
  }

  return (
    <form
      className="token-form"
      onSubmit={(e) => {
        e.preventDefault()
        add()
      }}
    >
      <div className="tools-field">
        <label className="tools-field-label" htmlFor={`${id}-jwt`}>
          JWT to add
        </label>
        <textarea
          id={`${id}-jwt`}
          className="tools-textarea token-paste"
          placeholder="eyJhbGciOiJSUzI1NiIs…"
          spellCheck={false}
          value={text}
          aria-invalid={seen && !seen.ok ? true : undefined}
          aria-describedby={`${id}-result`}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div id={`${id}-result`} aria-live="polite">
        {seen && !seen.ok && <p className="tools-error">{seen.message}</p>}
        {seen?.ok && (
          <p className="tools-ok">
            {String(seen.header.alg ?? 'no alg')} token from {typeof seen.claims.iss === 'string' ? seen.claims.iss : 'no issuer'}
            {', '}
            {describeExpiry(seen.claims.exp, now).text}.
          </p>
        )}
        {seen?.ok && seen.warning && <p className="tools-warning">{seen.warning}</p>}
      </div>
      <div className="tools-row">
        <label className="tools-check">
          <input type="checkbox" checked={use} onChange={(e) => setUse(e.target.checked)} />
          Use it for requests
        </label>
        <span className="reqbar-spacer" />
        <Button type="submit" variant="primary" disabled={!seen?.ok}>
          Add token
        </Button>
      </div>
    </form>
  )
}
