/**
 * Says that the form is a draft (store/drafts.ts): admission would reject it, so the grid, the YAML
 * and the saved design keep the last valid version until the form is complete. Lists what is missing;
 * each field shows its own finding too.
 */
import type { ResourceKey } from '../../engine'
import { useDesignerStore } from '../../store'
import { draftErrors, fieldName } from '../../store/drafts'

export function DraftNotice({ resourceKey }: { resourceKey: ResourceKey }) {
  const draft = useDesignerStore((s) => s.drafts[resourceKey])
  const discard = () => useDesignerStore.getState().discardDraft(resourceKey)
  return (
    <div className={draft ? 'inspector-draft' : 'inspector-draft inspector-draft--none'}>
      {/* Always in the page, so that screen readers announce the draft when it appears. */}
      <div role="status" aria-label="Draft status">
        {draft && (
          <>
            <p className="inspector-draft__title">
              <strong>Draft: not applied yet</strong>, the grid shows the last valid version.
            </p>
            <ul className="inspector-draft__missing" aria-label="Missing before the draft applies">
              {draftErrors(draft).map((d, i) => (
                <li key={i}>
                  <span className="inspector-draft__field">{fieldName(d.path)}</span>: {d.message}
                </li>
              ))}
            </ul>
            <p className="field__hint">Applies by itself once complete. Not saved: a reload discards it.</p>
          </>
        )}
      </div>
      {draft && (
        <button type="button" className="inspector-button inspector-draft__discard" onClick={discard}>
          Discard draft
        </button>
      )}
    </div>
  )
}
