import { createPortal } from 'react-dom'
import { useShallow } from 'zustand/react/shallow'
import { KeySetsPanel } from '../keysets'
import { RequestLoopTool } from '../loop'
import { TokenWorkbench } from '../tokens'
import { Button, useWindowSize } from '../components'
import { useAuthTools, type AuthTool } from './toolsState'
import './AuthToolsDrawer.css'

const TOOLS: readonly { tool: AuthTool; title: string; kicker: string }[] = [
  { tool: 'tokens', title: 'Tokens', kicker: 'End-user authentication' },
  { tool: 'keysets', title: 'Key sets', kicker: 'jwksUri → JWKS' },
  { tool: 'loop', title: 'Request loop', kicker: 'The same request, N times' },
]

/** From this window width the drawer lies over the YAML editor, leaving the canvas to the inspector. */
const OVER_EDITOR_FROM = 1600

/**
 * The end-user auth tools, in a drawer (the grid stays in view, so a change of token or key set shows
 * its effect at once): on a wide window over the YAML editor, so the canvas keeps its width next to
 * the inspector; on a narrower one over the left of the canvas.
 */
export function AuthToolsDrawer() {
  const { open, show, close } = useAuthTools(useShallow((s) => ({ open: s.open, show: s.show, close: s.close })))
  useWindowSize() // re-pick the drawer's place when the window is resized
  if (!open) return null
  const current = TOOLS.find((t) => t.tool === open) ?? TOOLS[0]!
  const host = (window.innerWidth >= OVER_EDITOR_FROM ? document.getElementById('pane-editor') : null) ?? document.getElementById('pane-canvas')
  const drawer = (
    <aside
      id="auth-tools"
      className={`auth-drawer${host ? '' : ' is-floating'}`}
      aria-label={current.title}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return
        e.stopPropagation()
        close()
      }}
    >
      <header className="auth-drawer-header">
        <div className="auth-drawer-tabs" role="tablist" aria-label="End-user auth tools">
          {TOOLS.map((t) => (
            <button key={t.tool} type="button" role="tab" id={`auth-tab-${t.tool}`} aria-selected={t.tool === open} aria-controls="auth-tools-panel" className="auth-drawer-tab" onClick={() => show(t.tool)}>
              {t.title}
            </button>
          ))}
        </div>
        <Button icon="close" variant="ghost" aria-label="Close the auth tools" title="Close (Esc)" onClick={close} />
      </header>
      <div id="auth-tools-panel" role="tabpanel" aria-labelledby={`auth-tab-${open}`} className="auth-drawer-body">
        {open === 'tokens' && <TokenWorkbench />}
        {open === 'keysets' && <KeySetsPanel />}
        {open === 'loop' && <RequestLoopTool />}
      </div>
    </aside>
  )
  return host ? createPortal(drawer, host) : drawer
}
