import { useShallow } from 'zustand/react/shallow'
import type { IstioProfile, R11Behaviour } from '../../engine'
import { useDesignerStore } from '../../store'
import { InfoTip, SegmentedControl, type Segment } from '../components'

const PROFILES: readonly Segment<IstioProfile>[] = [
  { value: '1.0', label: '1.0' },
  { value: '1.1', label: '1.1' },
]

const R11: readonly Segment<R11Behaviour>[] = [
  { value: 'documented', label: 'Documented (401)', title: "As documented: the task's 401" },
  { value: 'implemented', label: 'Implemented (000/56)', title: 'As implemented: real Istio resets the connection, 000 with exit code 56' },
]

/** The two engine switches: which Istio's rules, and how to treat the seed's one documentation error. */
export function ModeSwitches() {
  const { profile, r11, setOptions } = useDesignerStore(useShallow((s) => ({ profile: s.options.profile, r11: s.options.r11, setOptions: s.setOptions })))
  return (
    <div className="toolbar-group toolbar-modes">
      <div className="toolbar-switch">
        <SegmentedControl label="Istio" value={profile} options={PROFILES} onChange={(v) => setOptions({ profile: v })} describedBy="tip-profile" />
        <InfoTip id="tip-profile" label="About the Istio version">
          Which release's rules to apply. 1.0: every DestinationRule is visible in every namespace. 1.1: a client sees its own namespace's
          rules first, then exported ones; <code>exportTo</code> and trigger rules become valid.
        </InfoTip>
      </div>
      <div className="toolbar-switch">
        <SegmentedControl label="Seed behaviour" value={r11} options={R11} onChange={(v) => setOptions({ r11: v })} describedBy="tip-r11" />
        <InfoTip id="tip-r11" label="About the seed behaviour">
          Rule R11, Istio 1.0 profile only. The 2018 istio.io task printed 401 for plaintext from a client without sidecar to a STRICT
          service with JWT. Real Istio resets the connection: curl prints 000 with exit code 56.
        </InfoTip>
      </div>
    </div>
  )
}
