import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { DEMO_TOKEN, findToken, tokenEntries } from '../../store/tokens'
import { SegmentedControl } from '../components'
import { useAuthTools } from '../request/toolsState'
import { useSimulatedNow } from '../request/useClock'
import { GenerateTokenForm } from './GenerateTokenForm'
import { KeyPairs } from './KeyPairs'
import { PasteTokenForm } from './PasteTokenForm'
import { ShareWithTokens } from './ShareWithTokens'
import { TokenDetails } from './TokenDetails'
import { TokenList } from './TokenList'
import './tokens.css'

type AddMode = 'paste' | 'generate'

/** The token workbench: the list, the shown token, paste or generate a token, key pairs, sharing. */
export function TokenWorkbench() {
  const request = useDesignerStore(useShallow((s) => ({ tokens: s.request.tokens, tokenId: s.request.tokenId })))
  const { shownTokenId, showToken } = useAuthTools(useShallow((s) => ({ shownTokenId: s.shownTokenId, showToken: s.showToken })))
  const now = useSimulatedNow()
  const [mode, setMode] = useState<AddMode>('generate')
  const entries = tokenEntries(request)
  // A new token is shown at the top, with its claims and countdown.
  const showAdded = (id: string) => {
    showToken(id)
    document.getElementById('auth-tools-panel')?.scrollTo({ top: 0, behavior: 'smooth' })
  }
  const shown = findToken(request, shownTokenId) ?? findToken(request, request.tokenId) ?? DEMO_TOKEN

  return (
    <div className="token-workbench">
      <section className="tools-section" aria-labelledby="tokens-title">
        <h3 id="tokens-title" className="tools-heading">
          <span>Tokens</span>
          <span className="tools-heading-note">Expiry on the simulated clock</span>
        </h3>
        <TokenList tokens={entries} activeId={request.tokenId} shownId={shown.id} now={now} onShow={showToken} />
      </section>
      <TokenDetails token={shown} now={now} />
      <section className="tools-section" aria-labelledby="add-token-title">
        <div className="tools-heading-row">
          <h3 id="add-token-title" className="tools-heading">
            Add a token
          </h3>
          <SegmentedControl
            label="Add by"
            value={mode}
            onChange={setMode}
            options={[
              { value: 'generate', label: 'Generate' },
              { value: 'paste', label: 'Paste' },
            ]}
          />
        </div>
        {mode === 'paste' ? <PasteTokenForm now={now} onAdded={showAdded} /> : <GenerateTokenForm now={now} onAdded={showAdded} />}
      </section>
      <KeyPairs />
      <ShareWithTokens />
    </div>
  )
}
