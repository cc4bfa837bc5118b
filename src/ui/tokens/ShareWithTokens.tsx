import { useState } from 'react'
import { encodeShareLink, shareLinkProblem, useDesignerStore } from '../../store'
import { Button, copyText } from '../components'

/** The toolbar's Share leaves tokens out; here the user can choose to send them (never private keys). */
export function ShareWithTokens() {
  const [include, setInclude] = useState(false)
  const [copied, setCopied] = useState<string>()

  async function share() {
    const url = new URL(window.location.href)
    url.hash = encodeShareLink(useDesignerStore.getState(), { includeRequest: include })
    const tooLong = shareLinkProblem(url.hash)
    if (tooLong) return setCopied(tooLong)
    setCopied((await copyText(url.toString())) ? (include ? 'Copied a link with your tokens and key sets.' : 'Copied a link without tokens.') : 'The clipboard is not available.')
  }

  return (
    <section className="tools-section" aria-labelledby="share-tokens-title">
      <h3 id="share-tokens-title" className="tools-heading">
        Share
      </h3>
      <p className="tools-intro">Share links carry the design only. Tokens are credentials: they go in the link only if you tick the box. Private keys never do.</p>
      <div className="tools-row">
        <label className="tools-check">
          <input type="checkbox" checked={include} onChange={(e) => setInclude(e.target.checked)} />
          Include tokens and key sets
        </label>
        <span className="reqbar-spacer" />
        <Button icon="share" onClick={() => void share()}>
          Copy share link
        </Button>
      </div>
      <p className="tools-ok" aria-live="polite">
        {copied}
      </p>
    </section>
  )
}
