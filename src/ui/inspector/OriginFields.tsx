import type { Diagnostic, IstioProfile } from '../../engine'
import type { OriginForm } from '../../store/commands'
import { FieldRow, listText, problemsAt, TextField, textList } from './fields'
import { SmallButton } from './Section'

interface Props {
  index: number
  origin: OriginForm
  profile: IstioProfile
  diagnostics: readonly Diagnostic[]
  onChange(origin: OriginForm): void
  onRemove(): void
}

/** One JWT origin (`origins[i].jwt`). Trigger rules exist from Istio 1.1 on. */
export function OriginFields({ index, origin, profile, diagnostics, onChange, onRemove }: Props) {
  const at = (field: string) => problemsAt(diagnostics, ['spec', 'origins', index, 'jwt', field])
  const n = index + 1
  return (
    <fieldset className="inspector-fieldset">
      <legend>
        JWT origin {n}
        <SmallButton label={`Remove origin ${n}`} onClick={onRemove}>
          ×
        </SmallButton>
      </legend>
      <TextField label={`Origin ${n} issuer`} value={origin.issuer} mono onCommit={(issuer) => onChange({ ...origin, issuer })} problems={at('issuer')} />
      <TextField label={`Origin ${n} audiences`} value={listText(origin.audiences)} placeholder="any audience" onCommit={(t) => onChange({ ...origin, audiences: textList(t) })} problems={at('audiences')} />
      <TextField label={`Origin ${n} jwksUri`} type="url" value={origin.jwksUri} mono onCommit={(jwksUri) => onChange({ ...origin, jwksUri })} problems={at('jwksUri')} />
      <TextField label={`Origin ${n} jwtHeaders`} value={listText(origin.jwtHeaders)} placeholder="Authorization: Bearer" onCommit={(t) => onChange({ ...origin, jwtHeaders: textList(t) })} problems={at('jwtHeaders')} />
      <TextField label={`Origin ${n} jwtParams`} value={listText(origin.jwtParams)} placeholder="access_token" onCommit={(t) => onChange({ ...origin, jwtParams: textList(t) })} problems={at('jwtParams')} />
      {profile === '1.1' ? (
        <TriggerRules origin={origin} index={index} diagnostics={at('triggerRules')} onChange={onChange} />
      ) : (
        origin.triggerRules.length > 0 && <p className="inspector-note">Trigger rules need Istio 1.1; switch the profile to edit them.</p>
      )}
    </fieldset>
  )
}

function TriggerRules({ origin, index, diagnostics, onChange }: { origin: OriginForm; index: number; diagnostics: readonly Diagnostic[]; onChange(o: OriginForm): void }) {
  const rules = origin.triggerRules
  const set = (i: number, field: 'includedPaths' | 'excludedPaths', text: string) =>
    onChange({ ...origin, triggerRules: rules.map((r, j) => (j === i ? { ...r, [field]: textList(text) } : r)) })
  return (
    <div className="inspector-subsection">
      <div className="inspector-section__header">
        <span className="field__label">Trigger rules (1.1)</span>
        <SmallButton label={`Add trigger rule to origin ${index + 1}`} onClick={() => onChange({ ...origin, triggerRules: [...rules, { includedPaths: [], excludedPaths: [] }] })}>
          + Add
        </SmallButton>
      </div>
      {rules.map((rule, i) => (
        <FieldRow key={i} id={`inspector-origin-${index}-rule-${i}`} problems={problemsAt(diagnostics, ['spec', 'origins', index, 'jwt', 'triggerRules', i])}>
          <TextField label={`Rule ${i + 1} included paths`} value={listText(rule.includedPaths)} placeholder="prefix:/api" mono onCommit={(t) => set(i, 'includedPaths', t)} problems={problemsAt(diagnostics, ['spec', 'origins', index, 'jwt', 'triggerRules', i, 'includedPaths'])} problemsId={`inspector-origin-${index}-rule-${i}`} />
          <TextField label={`Rule ${i + 1} excluded paths`} value={listText(rule.excludedPaths)} placeholder="exact:/health" mono onCommit={(t) => set(i, 'excludedPaths', t)} problems={problemsAt(diagnostics, ['spec', 'origins', index, 'jwt', 'triggerRules', i, 'excludedPaths'])} problemsId={`inspector-origin-${index}-rule-${i}`} />
          <SmallButton label={`Remove trigger rule ${i + 1}`} onClick={() => onChange({ ...origin, triggerRules: rules.filter((_, j) => j !== i) })}>
            ×
          </SmallButton>
        </FieldRow>
      ))}
      <p className="field__hint">Paths are comma-separated; write exact:, prefix:, suffix: or regex: before each.</p>
    </div>
  )
}
