import { useEffect } from 'react'
import { useDesignerStore } from '../../store'
import type { Notify } from '../toolbar'

function hasDesign(hash: string): boolean {
  return /(^#|&)design=/.test(hash)
}

/** Removes the design from the address bar, so a reload opens the autosaved design, not the link again. */
function clearHash() {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`)
}

/**
 * Opens a design from the URL hash, at start and when a link is pasted into the address bar. A
 * malformed or hostile link changes nothing and says why.
 */
export function useShareLink(notify: Notify) {
  useEffect(() => {
    const open = () => {
      const hash = location.hash
      if (!hasDesign(hash)) return
      clearHash()
      const opened = useDesignerStore.getState().openShareLink(hash)
      if (!opened.ok) {
        notify({ tone: 'error', text: `${opened.message} Your current design is unchanged.` })
        return
      }
      const { resources, problems } = useDesignerStore.getState()
      const count = resources.length
      // Say what was refused (a regex RE2 rejects, say), not only that the link opened.
      const refused = problems.filter((p) => p.severity === 'error')
      const shown = refused.slice(0, 3).map((p) => `${p.code} (line ${p.line}): ${p.message}`)
      const more = refused.length > 3 ? ` and ${refused.length - 3} more` : ''
      const findings = refused.length > 0 ? ` Refused: ${shown.join('; ')}${more}.` : ''
      notify({
        tone: refused.length > 0 ? 'error' : 'info',
        text: `Opened a shared design (${count} ${count === 1 ? 'object' : 'objects'}).${findings} Undo brings back your previous design.`,
      })
    }
    open()
    window.addEventListener('hashchange', open)
    return () => window.removeEventListener('hashchange', open)
  }, [notify])
}
