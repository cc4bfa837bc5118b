import { useShallow } from 'zustand/react/shallow'
import { honoursV1alpha1, isModernProfile, ISTIO_PROFILES } from '../../engine'
import { useMigrationStore } from '../../store/migration'
import { Button, Dialog } from '../components'
import { MigrationComparison } from './MigrationComparison'
import './migrate.css'

const ALPHA_PROFILES = ISTIO_PROFILES.filter(honoursV1alpha1)
const MODERN_PROFILES = ISTIO_PROFILES.filter(isModernProfile)

/**
 * "Migrate to the modern API": the conversion (M40) of this design's MeshPolicy/Policy objects,
 * what it produced or refused, and both grids with the differing cells (M41), before the user opens
 * the converted design on the chosen profile.
 */
export function MigrationDialog() {
  const { preview, setProfiles, close, accept } = useMigrationStore(
    useShallow((s) => ({ preview: s.preview, setProfiles: s.setProfiles, close: s.closePreview, accept: s.accept })),
  )
  const check = preview?.check
  return (
    <Dialog
      open={preview !== undefined}
      title="Migrate to the modern API"
      onClose={close}
      width={1100}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" disabled={!check} onClick={accept}>
            Open the converted design on Istio {preview?.to}
          </Button>
        </>
      }
    >
      {preview && (
        <div className="mig-dialog">
          <p className="mig-lead">
            Converts MeshPolicy and Policy to PeerAuthentication, RequestAuthentication and AuthorizationPolicy as the
            <code> security-policy-migrate</code> tool does (service ports become workload ports, one policy per target, a required
            token becomes a DENY for requests without a request principal), then computes both grids for the current request.
          </p>
          <div className="mig-profiles">
            <label>
              From{' '}
              <select aria-label="Migrate from Istio" value={preview.from} onChange={(e) => setProfiles(e.target.value as typeof preview.from, preview.to)}>
                {ALPHA_PROFILES.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
            <label>
              to{' '}
              <select aria-label="Migrate to Istio" value={preview.to} onChange={(e) => setProfiles(preview.from, e.target.value as typeof preview.to)}>
                {MODERN_PROFILES.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
            {preview.computing && <span className="mig-computing">Computing…</span>}
          </div>
          {preview.error && <p role="alert">The check failed: {preview.error}</p>}
          {check && (
            <>
              {check.migration.errors.length > 0 && (
                <section className="mig-errors" aria-label="Policies that could not be converted">
                  <h3 className="mig-subhead">Not converted (left out of the new design)</h3>
                  <ul>
                    {check.migration.errors.map((e) => (
                      <li key={e.resource}>
                        <code>{e.resource}</code>: {e.message}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <section aria-label="Converted policies">
                <h3 className="mig-subhead">Converted</h3>
                {check.migration.converted.length === 0 ? (
                  <p>This design has no MeshPolicy or Policy to convert.</p>
                ) : (
                  <ul className="mig-converted">
                    {check.migration.converted.map((c) => (
                      <li key={c.from}>
                        <code>{c.from}</code> →{' '}
                        {c.to.map((o) => (
                          <code key={`${o.kind}/${o.metadata.name}`} className="mig-new">
                            {o.kind} {o.metadata.namespace}/{o.metadata.name}
                          </code>
                        ))}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
              <MigrationComparison check={check} fromLabel={`Istio ${preview.from}`} toLabel={`Istio ${preview.to}`} />
            </>
          )}
        </div>
      )}
    </Dialog>
  )
}
