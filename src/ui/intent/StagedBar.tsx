import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { Button } from '../components'
import { splitKeyWords } from './words'

/**
 * Preview mode's strip under the intent bar: what the staged edits change, and Apply (one undo step)
 * or Discard. The grid shows each changed cell as before -> after, as a comparison does.
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
  const objects = diff?.objects ?? []
  const words = !staged
    ? 'Edits are staged here until you apply them: make one on the canvas, in the inspector or the YAML.'
    : !diff
      ? 'Evaluating the staged edits…'
      : `${diff.cells.length} ${diff.cells.length === 1 ? 'cell changes' : 'cells change'}${objects.length > 0 ? `; ${objects.length === 1 ? '1 object' : `${objects.length} objects`}: ${objects.map((o) => `${splitKeyWords(o.key)}${o.before ? (o.after ? '' : ' (deleted)') : ' (new)'}`).join(', ')}` : '; only the layout moved'}`
  return (
    <div className="staged-bar" role="region" aria-label="Staged edits">
      <span className="staged-badge">Preview</span>
      <span className="staged-words" role="status" title={words}>
        {words}
      </span>
      {staged && diff && diff.cells.length > 0 && (
        <Button variant="ghost" onClick={onShowChanges}>
          Changed cells
        </Button>
      )}
      <Button variant="primary" icon="check" disabled={!staged} title="Commit every staged edit as one undo step" onClick={applyPreview}>
        Apply
      </Button>
      <Button icon="close" title="Forget the staged edits: the design stays as it was" onClick={discardPreview}>
        {staged ? 'Discard' : 'Leave preview'}
      </Button>
    </div>
  )
}
