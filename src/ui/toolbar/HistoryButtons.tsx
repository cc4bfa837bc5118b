import { useStore } from 'zustand'
import { useDesignerStore } from '../../store'
import { Button } from '../components'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
export const UNDO_KEYS = isMac ? '⌘Z' : 'Ctrl+Z'
export const REDO_KEYS = isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z'

/** Undo / Redo of design changes (the editor keeps its own text undo while it has focus). */
export function HistoryButtons() {
  const canUndo = useStore(useDesignerStore.temporal, (s) => s.pastStates.length > 0)
  const canRedo = useStore(useDesignerStore.temporal, (s) => s.futureStates.length > 0)
  return (
    <div className="toolbar-group" role="group" aria-label="History">
      <Button icon="undo" variant="ghost" aria-label="Undo" aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'} title={`Undo (${UNDO_KEYS})`} disabled={!canUndo} onClick={() => useDesignerStore.getState().undo()} />
      <Button
        icon="redo"
        variant="ghost"
        aria-label="Redo"
        aria-keyshortcuts={isMac ? 'Meta+Shift+Z' : 'Control+Shift+Z Control+Y'}
        title={`Redo (${REDO_KEYS})`}
        disabled={!canRedo}
        onClick={() => useDesignerStore.getState().redo()}
      />
    </div>
  )
}
