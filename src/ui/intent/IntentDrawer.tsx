import { createPortal } from 'react-dom'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { useIntentStore } from '../../store/intent'
import { Button } from '../components'
import { ChangesList } from './ChangesList'
import { FixCard } from './FixCard'
import { TryEdit } from './TryEdit'
import { describeExpectation } from './words'
import { parsedIntent } from '../../store/intent'

export interface IntentDrawerProps {
  view: 'fixes' | 'changes' | 'try' | 'staged'
  onClose(): void
}

/** A panel over the canvas, so the grid stays visible: the suggested fixes, or the changes of a comparison. */
export function IntentDrawer({ view, onClose }: IntentDrawerProps) {
  const title = view === 'fixes' ? 'Smallest fixes' : view === 'changes' ? 'Changes' : view === 'staged' ? 'Staged changes' : 'Preview an edit'
  return createPortal(
    <aside className="intent-drawer" role="dialog" aria-modal="false" aria-label={title}>
      <header className="intent-drawer-header">
        <h2>{title}</h2>
        <Button icon="close" variant="ghost" aria-label={`Close ${title.toLowerCase()}`} title="Close" onClick={onClose} />
      </header>
      <div className="intent-drawer-body">{view === 'fixes' ? <FixesView /> : view === 'changes' ? <ChangesView /> : view === 'staged' ? <StagedView onDone={onClose} /> : <TryEdit onDone={onClose} />}</div>
    </aside>,
    document.body,
  )
}

function FixesView() {
  const { suggest, cancelSuggest, startSuggest } = useIntentStore(useShallow((s) => ({ suggest: s.suggest, cancelSuggest: s.cancelSuggest, startSuggest: s.startSuggest })))
  const intentText = useDesignerStore((s) => s.intent)
  if (suggest.status === 'idle') return <p className="intent-muted">No search yet.</p>
  if (suggest.status === 'running') {
    const percent = suggest.total > 0 ? Math.round((100 * suggest.done) / suggest.total) : 0
    return (
      <div className="fix-progress">
        <progress aria-label="Fix search progress" max={100} value={percent} />
        <p>
          Checked {suggest.done} of about {suggest.total || '…'} designs
        </p>
        <Button onClick={cancelSuggest}>Cancel</Button>
      </div>
    )
  }
  if (suggest.status === 'cancelled' || suggest.status === 'error')
    return (
      <div className="fix-progress">
        <p role="status">{suggest.status === 'cancelled' ? 'Search cancelled.' : `The search failed: ${suggest.message}`}</p>
        <Button onClick={startSuggest}>Search again</Button>
      </div>
    )
  const { result, from, applied } = suggest
  const expectations = parsedIntent(intentText).expectations
  return (
    <>
      {result.violatedBefore === 0 ? (
        <p role="status">Every expectation holds: nothing to fix.</p>
      ) : result.fixes.length === 0 ? (
        <div className="fix-conflicts" role="status">
          <p>
            <strong>No fix within the bound</strong> (at most 3 edits, {result.evaluated} designs checked).
          </p>
          <ul>
            {result.conflicts.map((c) => (
              <li key={c.expectation}>
                {describeExpectation(expectations[c.expectation])}{' '}
                {c.with.length === 0 ? 'cannot hold with any edit within the bound' : <>conflicts with {c.with.map((w) => describeExpectation(expectations[w])).join(', ')}</>}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ol className="fix-list" aria-label="Suggested fixes">
          {result.fixes.map((fix, i) => (
            <FixCard key={fix.edits.map((e) => e.id).join('+')} index={i} fix={fix} from={from} applied={applied === i} />
          ))}
        </ol>
      )}
      <p className="intent-muted">
        Searched {result.evaluated} designs from {result.candidates} candidate edits{result.truncated ? ' (the budget ran out)' : ''}.
      </p>
    </>
  )
}

function ChangesView() {
  const comparison = useIntentStore((s) => s.comparison)
  if (!comparison) return <p className="intent-muted">Not comparing with anything. Use “Compare…”.</p>
  return (
    <>
      <p>
        From <strong>{comparison.name}</strong> to the current design.
      </p>
      <ChangesList diff={comparison.diff} />
    </>
  )
}

/** The cells the staged edits change, with the objects whose edit moves each; Apply or Discard them here too. */
function StagedView({ onDone }: { onDone(): void }) {
  const staging = useDesignerStore((s) => s.staging)
  if (!staging) return <p className="intent-muted">Nothing is staged. Switch on “Preview” above the grid to stage edits.</p>
  return (
    <>
      <p>From the committed design to the staged edits.</p>
      <ChangesList diff={staging.diff} label="Cells the staged edits change" />
      <div className="fix-actions">
        <Button
          variant="primary"
          icon="check"
          onClick={() => {
            useDesignerStore.getState().applyPreview()
            onDone()
          }}
        >
          Apply staged edits
        </Button>
        <Button
          onClick={() => {
            useDesignerStore.getState().discardPreview()
            onDone()
          }}
        >
          Discard staged edits
        </Button>
      </div>
    </>
  )
}
