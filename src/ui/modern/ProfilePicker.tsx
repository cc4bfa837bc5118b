import { useDesignerStore } from '../../store'
import type { IstioProfile } from '../../engine'
import { BREAKPOINT_NOTES, BREAKPOINTS, OTHER_RELEASES } from './profiles'
import './modern.css'

export interface ProfilePickerProps {
  value: IstioProfile
  onChange(profile: IstioProfile): void
  label?: string
  id?: string
}

/** A select of every release the engine knows; the breakpoints first, each with what changes there. */
export function ProfileSelect({ value, onChange, label = 'Istio version', id }: ProfilePickerProps) {
  return (
    <select id={id} className="profile-select" aria-label={label} value={value} onChange={(e) => onChange(e.target.value as IstioProfile)}>
      <optgroup label="Where the rules change">
        {BREAKPOINTS.map((p) => (
          // The closed select shows the version only; what changes there is the option's tooltip.
          <option key={p} value={p} title={BREAKPOINT_NOTES[p]}>
            {p}
          </option>
        ))}
      </optgroup>
      <optgroup label="Every release">
        {OTHER_RELEASES.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </optgroup>
    </select>
  )
}

/** The design's profile: switching re-validates every object (nothing is deleted). */
export function ProfilePicker() {
  const profile = useDesignerStore((s) => s.options.profile)
  return (
    <label className="profile-picker">
      <span className="profile-picker-label">Istio</span>
      <ProfileSelect value={profile} onChange={(p) => useDesignerStore.getState().setOptions({ profile: p })} />
    </label>
  )
}
