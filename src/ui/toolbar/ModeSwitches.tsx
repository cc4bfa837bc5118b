import { useShallow } from 'zustand/react/shallow'
import type { R11Behaviour } from '../../engine'
import { useDesignerStore } from '../../store'
import { hasAlphaPolicies, useMigrationStore } from '../../store/migration'
import { Button, InfoTip, SegmentedControl, type Segment } from '../components'
import { ProfilePicker } from '../modern'

const R11: readonly Segment<R11Behaviour>[] = [
  { value: 'documented', label: 'Documented (401)', title: "As documented: the task's 401" },
  { value: 'implemented', label: 'Implemented (000/56)', title: 'As implemented: real Istio resets the connection, 000 with exit code 56' },
]

/**
 * The engine switches: which Istio's rules, and (1.0 only) how to treat the seed's one documentation
 * error. `migrate`: show Migrate… here (the compact toolbar has it in "More actions").
 */
export function ModeSwitches({ migrate = true }: { migrate?: boolean }) {
  const { profile, r11, alpha, setOptions } = useDesignerStore(
    useShallow((s) => ({ profile: s.options.profile, r11: s.options.r11, alpha: hasAlphaPolicies(s.resources), setOptions: s.setOptions })),
  )
  return (
    <div className="toolbar-group toolbar-modes">
      <div className="toolbar-switch">
        <ProfilePicker />
        <InfoTip id="tip-profile" label="About the Istio version">
          Which release's rules to apply. 1.0: every DestinationRule is visible in every namespace. 1.1: a client sees its own namespace's
          rules first, then exported ones. 1.5 and later: PeerAuthentication, RequestAuthentication and AuthorizationPolicy, auto mTLS;
          v1alpha1 policies are gone from 1.6. Switching re-checks every object and deletes nothing.
        </InfoTip>
        {alpha && migrate && (
          <Button variant="ghost" title="Convert MeshPolicy and Policy to the modern API and compare the grids" onClick={() => useMigrationStore.getState().openPreview()}>
            Migrate…
          </Button>
        )}
      </div>
      {profile === '1.0' && (
        <div className="toolbar-switch">
          <SegmentedControl label="Seed behaviour" value={r11} options={R11} onChange={(v) => setOptions({ r11: v })} describedBy="tip-r11" />
          <InfoTip id="tip-r11" label="About the seed behaviour">
            Rule R11, Istio 1.0 profile only. The 2018 istio.io task printed 401 for plaintext from a client without sidecar to a STRICT
            service with JWT. Real Istio resets the connection: curl prints 000 with exit code 56.
          </InfoTip>
        </div>
      )}
    </div>
  )
}
