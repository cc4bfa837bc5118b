import { useEffect, useRef } from 'react'
import { useDesignerStore } from '../../store'
import { selectionId, useInspectorState } from '../inspector'
import { useAuthTools } from '../request/toolsState'

/** Where Escape belongs to something else: the editor, dialogs, menus, and fields being typed in. */
const OWN_ESCAPE = '.monaco-editor, dialog, [role="menu"], input, textarea, select'

/**
 * Escape closes what lies over the work, one layer per press, nearest first: the inspector, then the
 * cell's explanation, then the auth tools drawer.
 */
export function useEscapeLayers(explaining: boolean, closeExplain: () => void): void {
  const latest = useRef({ explaining, closeExplain })
  latest.current = { explaining, closeExplain }
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      if ((e.target as Element | null)?.closest?.(OWN_ESCAPE)) return
      const designer = useDesignerStore.getState()
      const inspected = selectionId(designer.selection)
      if (inspected !== undefined && useInspectorState.getState().closedFor !== inspected) {
        designer.select({ kind: 'none' })
      } else if (latest.current.explaining) {
        latest.current.closeExplain()
      } else if (useAuthTools.getState().open) {
        useAuthTools.getState().close()
      } else return
      e.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
