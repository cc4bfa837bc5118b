import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { hasAlphaPolicies, useMigrationStore } from '../../store/migration'
import { Button } from '../components'

/**
 * After a profile switch (or an import): the objects this profile's admission rejects, each with the
 * reason, while they stay in the design. Rejected objects do not exist for the grid; switching back
 * brings them back, or the migration converts the v1alpha1 ones.
 */
export function ProfileNotice() {
  const { profile, model, resources } = useDesignerStore(useShallow((s) => ({ profile: s.options.profile, model: s.model, resources: s.resources })))
  const rejected = useMemo(
    () =>
      model.admission.rejected.map(({ index, object }) => {
        const reason = model.admission.diagnostics.find((d) => d.index === index && d.severity === 'error')
        const where = object.metadata.namespace ? `${object.metadata.namespace}/` : ''
        return { key: `${index}`, name: `${object.kind} ${where}${object.metadata.name}`, reason: reason?.message ?? 'rejected' }
      }),
    [model],
  )
  if (rejected.length === 0) return null
  const alpha = hasAlphaPolicies(resources)
  return (
    <div className="profile-notice" role="status" aria-label="Objects this Istio version rejects">
      <div className="profile-notice-text">
        <strong>
          Istio {profile} rejects {rejected.length === 1 ? '1 object' : `${rejected.length} objects`}
        </strong>{' '}
        of this design. They stay in the YAML (nothing was deleted) but do not take part in the grid.
        <ul>
          {rejected.slice(0, 6).map((r) => (
            <li key={r.key}>
              <code>{r.name}</code>: {r.reason}
            </li>
          ))}
          {rejected.length > 6 && <li>and {rejected.length - 6} more (see Problems)</li>}
        </ul>
      </div>
      {alpha && (
        <div className="profile-notice-actions">
          <Button variant="primary" onClick={() => useMigrationStore.getState().openPreview()}>
            Migrate to the modern API
          </Button>
        </div>
      )}
    </div>
  )
}
