import { useDesignerStore } from '../../store'
import { deleteCascade, deleteNamespace } from '../../store/commands'
import { Button } from '../components'
import { runEdit, selectionId, useInspectorState } from '../inspector'

/**
 * What is selected on the canvas, with its actions in view (not only as keys): open the inspector
 * (Enter) and Delete (Del). Shown while the inspector is closed for the selection, or beside it.
 */
export function SelectionBar() {
  const selection = useDesignerStore((s) => s.selection)
  const closedFor = useInspectorState((s) => s.closedFor)
  const id = selectionId(selection)
  if (id === undefined || selection.kind === 'none' || selection.kind === 'cell') return null
  const name = selection.kind === 'namespace' ? `namespace ${selection.name}` : selection.key.split('/').filter(Boolean).slice(-1)[0] ?? selection.key
  const remove = () => {
    const done = runEdit((r) => (selection.kind === 'namespace' ? deleteNamespace(r, selection.name) : deleteCascade(r, selection.key)))
    if (done) useDesignerStore.getState().select({ kind: 'none' })
  }
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected object">
      <span className="selection-bar__name">{name}</span>
      {closedFor === id && (
        <Button variant="ghost" onClick={() => useInspectorState.getState().open()} title="Open the inspector (Enter or double-click)">
          Inspect
        </Button>
      )}
      <Button variant="ghost" aria-keyshortcuts="Delete" title={`Delete ${name} (Delete key)`} onClick={remove}>
        Delete
      </Button>
    </div>
  )
}
