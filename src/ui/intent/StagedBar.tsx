import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { Button } from '../components'
import { splitKeyWords } from './words'

/**
 * Preview mode's strip under the intent bar (it takes the place of the Preview button, as Save and
 * Cancel take the place of Edit): what the staged edits change, the list of changed cells, and
 * Apply (one undo step) or Discard. The grid shows each changed cell as before -> after.
 */
export function StagedBar({ onShowChanges }: { onShowChanges(): void }) {
  const { staging, staged, applyPreview, discardPreview } = useDesignerStore(
    useShallow((s) => ({
      staging: s.staging,
      staged: s.staging !== undefined && (s.staging.base.resources !== s.resources || s.staging.base.layout !== s.layout),
      applyPreview: s.applyPreview,
      discardPreview: s.discardPreview,
    })),
  )
  if (!staging) return null
  const diff = staging.diff
  const objects = (diff?.objects ?? []).map((o) => `${splitKeyWords(o.key)}${o.before ? (o.after ? '' : ' (deleted)') : ' (new)'}`)
  const cells = diff ? `${diff.cells.length} ${diff.cells.length === 1 ? 'cell changes' : 'cells change'}` : ''
  const words = !staged
    ? 'Edits are staged here until you apply them.'
    : !diff
      ? 'Evaluating the staged edits…'
      : `${cells} · ${objects.length === 0 ? 'only the layout moved' : objects.length === 1 ? objects[0] : `${objects.length} objects: ${objects.join(', ')}`}`
  return (
    <div className="staged-bar" role="region" aria-label="Staged edits">
      <span className="staged-badge" title="Preview: every edit is staged; the grid shows before → after">
        Preview
      </span>
      <span className="visually-hidden" role="status">
        {words}
      </span>
      {staged && diff && diff.cells.length > 0 ? (
        <button type="button" className="staged-words is-link" title="Show the changed cells and the objects that move each" onClick={onShowChanges}>
          {words}
        </button>
      ) : (
        <span className="staged-words" aria-hidden="true" title={words}>
          {words}
        </span>
      )}
      <Button variant="primary" icon="check" disabled={!staged} title="Commit every staged edit as one undo step" onClick={applyPreview}>
        Apply
      </Button>
      <Button icon="close" title={staged ? 'Forget the staged edits: the design stays as it was' : 'Leave the preview'} onClick={discardPreview}>
        {staged ? 'Discard' : 'Done'}
      </Button>
    </div>
  )
}
