import { useEffect, useId, useRef, useState } from 'react'
import { useDesignerStore } from '../../store'
import { describeKeySet, withKeySetText, type JwksUriUse } from '../../store/tokens'
import { Button, Icon } from '../components'
import { useAuthTools } from '../request/toolsState'

const EXAMPLE = '{\n  "keys": [\n    { "kty": "RSA", "kid": "…", "n": "…", "e": "AQAB" }\n  ]\n}'

/**
 * Adds (or replaces) the key set of a jwksUri from pasted JSON or a .json file. A key set that does
 * not parse is reported with its line and column and replaces nothing.
 */
export function KeySetForm({ uses, draft }: { uses: readonly JwksUriUse[]; draft: { uri: string; text: string; nonce: number } | undefined }) {
  const existing = useDesignerStore((s) => s.request.keySets)
  const preset = useAuthTools((s) => s.keySetUri)
  const [uri, setUri] = useState(() => preset?.uri ?? uses.find((u) => u.source === 'missing')?.uri ?? '')
  const [text, setText] = useState('')
  const [result, setResult] = useState<{ ok: boolean; field?: 'uri' | 'json'; message: string }>()
  const file = useRef<HTMLInputElement>(null)
  const textArea = useRef<HTMLTextAreaElement>(null)
  const id = useId()

  useEffect(() => {
    if (!preset) return
    setUri(preset.uri)
    setResult(undefined)
    textArea.current?.focus()
  }, [preset])

  useEffect(() => {
    if (!draft) return
    setUri(draft.uri)
    setText(draft.text)
    setResult(undefined)
    textArea.current?.focus()
  }, [draft])

  const replacing = existing?.[uri.trim()] !== undefined

  function save(json: string) {
    const store = useDesignerStore.getState()
    const edit = withKeySetText(store.request.keySets, uri, json)
    if (!edit.ok) return setResult({ ok: false, field: edit.field, message: edit.message })
    store.setRequest({ keySets: edit.keySets })
    const saved = edit.keySets[uri.trim()]
    setResult({ ok: true, message: `${replacing ? 'Replaced' : 'Added'} the key set of ${uri.trim()}${saved ? ` (${describeKeySet(saved)})` : ''}.` })
    setText('')
  }

  async function openFile(files: FileList | null) {
    const chosen = files?.[0]
    if (file.current) file.current.value = ''
    if (!chosen) return
    const content = await chosen.text()
    setText(content)
    save(content)
  }

  return (
    <form
      className="keyset-form"
      aria-label="Add a key set"
      onSubmit={(e) => {
        e.preventDefault()
        save(text)
      }}
    >
      <div className="tools-field">
        <label className="tools-field-label" htmlFor={`${id}-uri`}>
          jwksUri
        </label>
        <input
          id={`${id}-uri`}
          className="tools-input mono"
          list={`${id}-uris`}
          placeholder="https://keys.example.com/.well-known/jwks.json"
          spellCheck={false}
          value={uri}
          aria-invalid={result?.field === 'uri' || undefined}
          onChange={(e) => setUri(e.target.value)}
        />
        <datalist id={`${id}-uris`}>
          {uses.map((u) => (
            <option key={u.uri} value={u.uri} />
          ))}
        </datalist>
      </div>
      <div className="tools-field">
        <label className="tools-field-label" htmlFor={`${id}-json`}>
          Key set (JWKS JSON)
        </label>
        <textarea
          ref={textArea}
          id={`${id}-json`}
          className="tools-textarea keyset-json"
          placeholder={EXAMPLE}
          spellCheck={false}
          value={text}
          aria-invalid={result?.field === 'json' || undefined}
          aria-describedby={`${id}-result`}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div id={`${id}-result`}>
        {result && !result.ok && (
          <p className="tools-error" role="alert">
            <Icon name="error" />
            <span>
              {result.message}
              {replacing && result.field === 'json' && ' The key set already saved for this jwksUri is unchanged.'}
            </span>
          </p>
        )}
        {result?.ok && (
          <p className="tools-ok" role="status">
            {result.message}
          </p>
        )}
      </div>
      <div className="tools-row">
        <Button icon="file" onClick={() => file.current?.click()}>
          Open .json file…
        </Button>
        <input ref={file} type="file" accept=".json,application/json,application/jwk-set+json" hidden aria-label="Key set file" onChange={(e) => void openFile(e.target.files)} />
        <span className="reqbar-spacer" />
        <Button type="submit" variant="primary" disabled={uri.trim() === '' || text.trim() === ''}>
          {replacing ? 'Replace key set' : 'Add key set'}
        </Button>
      </div>
    </form>
  )
}
