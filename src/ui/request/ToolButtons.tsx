import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { Icon, type IconName } from '../components'
import { useAuthTools, type AuthTool } from './toolsState'

const TOOLS: readonly { tool: AuthTool; label: string; icon: IconName; title: string }[] = [
  { tool: 'tokens', label: 'Tokens', icon: 'token', title: 'Paste, generate and inspect JWTs' },
  { tool: 'keysets', label: 'Key sets', icon: 'key', title: 'The key sets (JWKS) behind each jwksUri' },
  { tool: 'loop', label: 'Request loop', icon: 'loop', title: 'Send the same request N times on the simulated clock' },
]

/** Opens and closes the auth tools drawer, one tool at a time. */
export function ToolButtons() {
  const { open, toggle } = useAuthTools(useShallow((s) => ({ open: s.open, toggle: s.toggle })))
  const missingKeySets = useDesignerStore((s) => s.model.diagnostics.filter((d) => d.code === 'MESH007').length)
  return (
    <div className="reqbar-group reqbar-tools">
      {TOOLS.map(({ tool, label, icon, title }) => (
        <button key={tool} type="button" className="reqbar-tool" aria-label={tool === 'keysets' && missingKeySets > 0 ? `${label} (${missingKeySets} missing)` : label} aria-pressed={open === tool} aria-controls="auth-tools" title={title} onClick={() => toggle(tool)}>
          <Icon name={icon} />
          <span>{label}</span>
          {tool === 'keysets' && missingKeySets > 0 && (
            <span className="reqbar-badge" aria-hidden="true" title={`${missingKeySets} jwksUri without a key set`}>
              {missingKeySets}
            </span>
          )}
        </button>
      ))}
    </div>
  )
}
