import { useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { IstioProfile, KubeObject } from '../../../engine'
import { useDesignerStore } from '../../../store'
import {
  actions,
  conditionKeys,
  keyOf,
  noRulesSentence,
  OPERATION_FIELDS,
  readAuthzForm,
  ruleSentence,
  sourceFields,
  writeAuthzForm,
  type AuthzForm as Form,
  type AuthzRuleForm,
  type OperationField,
  type OperationForm,
  type SourceField,
  type SourceForm,
} from '../../../store/commands'
import { FieldProblems, problemsAt, SelectField, TextField } from '../../inspector/fields'
import { renameObject } from '../../inspector/renames'
import { Section, SmallButton } from '../../inspector/Section'
import { useDiagnostics, writeObject } from '../../inspector/useSelected'
import { ListField } from './ListField'
import { ScopeField } from './ScopeField'
import { designSuggestions, type Suggestions } from './suggestions'

const ACTION_LABEL = { ALLOW: 'ALLOW', DENY: 'DENY (checked before ALLOW)', AUDIT: 'AUDIT (logging only)', CUSTOM: 'CUSTOM (ext_authz provider)' } as const

function suggestionsFor(field: string, s: Suggestions): string[] {
  const base = field.startsWith('not') ? field.charAt(3).toLowerCase() + field.slice(4) : field
  switch (base) {
    case 'principals':
      return s.principals
    case 'requestPrincipals':
      return s.requestPrincipals
    case 'namespaces':
      return s.namespaces
    case 'paths':
      return s.paths
    case 'methods':
      return s.methods
    case 'ports':
      return s.ports
    case 'hosts':
      return s.hosts
    case 'serviceAccounts':
      return s.serviceAccounts
    case 'ipBlocks':
    case 'remoteIpBlocks':
      return s.ipBlocks
    default:
      return []
  }
}

/** The set fields of one source/operation, each a list with completion, plus "add field" for the others. */
function FieldSet<F extends string>({ title, fields, values, suggestions, onChange }: { title: string; fields: readonly F[]; values: Partial<Record<F, string[]>>; suggestions: Suggestions; onChange(next: Partial<Record<F, string[]>>): void }) {
  // A field just added has no value yet, and an empty list is not written: keep it on screen until typed in.
  const [added, setAdded] = useState<F[]>([])
  const shown = fields.filter((f) => values[f] !== undefined || added.includes(f))
  const free = fields.filter((f) => !shown.includes(f))
  return (
    <div className="authz-fieldset" role="group" aria-label={title}>
      <div className="authz-fieldset__title">{title}</div>
      {shown.map((f) => (
        <div className="authz-row" key={f}>
          <ListField inline label={f} values={values[f] ?? []} suggestions={suggestionsFor(f, suggestions)} onCommit={(v) => onChange({ ...values, [f]: v })} />
          <SmallButton
            label={`Remove ${f}`}
            onClick={() => {
              setAdded(added.filter((a) => a !== f))
              onChange(Object.fromEntries(Object.entries(values).filter(([k]) => k !== f)) as Partial<Record<F, string[]>>)
            }}
          >
            ×
          </SmallButton>
        </div>
      ))}
      {free.length > 0 && (
        <select className="field__input authz-add" aria-label={`Add a field to ${title}`} value="" onChange={(e) => e.currentTarget.value && setAdded([...added, e.currentTarget.value as F])}>
          <option value="">+ add field…</option>
          {free.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      )}
    </div>
  )
}

function RuleCard({ index, action, rule, profile, suggestions, onChange, onRemove }: { index: number; action: Form['action']; rule: AuthzRuleForm; profile: IstioProfile; suggestions: Suggestions; onChange(rule: AuthzRuleForm): void; onRemove(): void }) {
  const from: SourceForm = rule.from?.[0] ?? {}
  const to: OperationForm = rule.to?.[0] ?? {}
  const setFrom = (source: SourceForm) => onChange({ ...rule, from: [source, ...(rule.from?.slice(1) ?? [])] })
  const setTo = (operation: OperationForm) => onChange({ ...rule, to: [operation, ...(rule.to?.slice(1) ?? [])] })
  const keys = conditionKeys(profile)
  return (
    <fieldset className="inspector-fieldset authz-rule">
      <legend>
        Rule {index + 1}{' '}
        <SmallButton label={`Remove rule ${index + 1}`} onClick={onRemove}>
          ×
        </SmallButton>
      </legend>
      <p className="authz-sentence" aria-label={`Rule ${index + 1} reads`}>
        {ruleSentence(action, rule)}
      </p>
      <FieldSet<SourceField> title={`Rule ${index + 1} from`} fields={sourceFields(profile)} values={from} suggestions={suggestions} onChange={setFrom} />
      {(rule.from?.length ?? 0) > 1 && <p className="field__hint">{(rule.from?.length ?? 1) - 1} more sources: edit them in the YAML.</p>}
      <FieldSet<OperationField> title={`Rule ${index + 1} to`} fields={OPERATION_FIELDS} values={to} suggestions={suggestions} onChange={setTo} />
      {(rule.to?.length ?? 0) > 1 && <p className="field__hint">{(rule.to?.length ?? 1) - 1} more operations: edit them in the YAML.</p>}
      <div className="authz-fieldset" role="group" aria-label={`Rule ${index + 1} when`}>
        <div className="authz-fieldset__title">
          when{' '}
          <SmallButton label={`Add condition to rule ${index + 1}`} onClick={() => onChange({ ...rule, when: [...rule.when, { key: 'request.headers[x-token]', values: [], notValues: [] }] })}>
            +
          </SmallButton>
        </div>
        {rule.when.map((c, i) => (
          <div className="authz-row" key={i}>
            <ListField inline label={`key ${i + 1}`} values={[c.key]} suggestions={keys} onCommit={(v) => onChange({ ...rule, when: rule.when.map((x, j) => (j === i ? { ...x, key: v[0] ?? '' } : x)) })} />
            <ListField inline label="values" values={c.values} onCommit={(values) => onChange({ ...rule, when: rule.when.map((x, j) => (j === i ? { ...x, values } : x)) })} />
            <ListField inline label="notValues" values={c.notValues} onCommit={(notValues) => onChange({ ...rule, when: rule.when.map((x, j) => (j === i ? { ...x, notValues } : x)) })} />
            <SmallButton label={`Remove condition ${i + 1}`} onClick={() => onChange({ ...rule, when: rule.when.filter((_, j) => j !== i) })}>
              ×
            </SmallButton>
          </div>
        ))}
      </div>
    </fieldset>
  )
}

/**
 * AuthorizationPolicy: scope, action, and rules built as a form (from / to / when), each rule read
 * back as a sentence. Only the fields and actions the profile has are offered (M35).
 */
export function AuthzPolicyForm({ object }: { object: KubeObject }) {
  const key = keyOf(object)
  const { profile, resources, model, request } = useDesignerStore(useShallow((s) => ({ profile: s.options.profile, resources: s.resources, model: s.model, request: s.request })))
  const suggestions = useMemo(() => designSuggestions(resources, model, request), [resources, model, request])
  const diagnostics = useDiagnostics(key)
  const form = readAuthzForm(object)
  const write = (next: Partial<Form>) => writeObject(writeAuthzForm(object, { ...form, ...next }))
  const rules = form.rules ?? []
  const actionOptions: { value: Form['action']; label: string }[] = actions(profile).map((value) => ({ value, label: ACTION_LABEL[value] }))
  if (!actionOptions.some((o) => o.value === form.action)) actionOptions.push({ value: form.action, label: `${form.action} (not in Istio ${profile})` })
  return (
    <>
      <TextField label="Name" value={object.metadata.name} commitOnBlur onCommit={(to) => renameObject(key, to)} problems={problemsAt(diagnostics, ['metadata'])} />
      <ScopeField namespace={object.metadata.namespace ?? 'default'} selector={form.selector} kind={object.kind} onChange={(selector) => write({ selector })} />
      <SelectField label="Action" value={form.action} options={actionOptions} onChange={(action) => write({ action })} problems={problemsAt(diagnostics, ['spec', 'action'])} />
      {form.action === 'CUSTOM' && <TextField label="Provider (mesh config extensionProviders)" value={form.provider} mono onCommit={(provider) => write({ provider })} />}
      <Section title="Rules" action={<SmallButton label="Add rule" onClick={() => write({ rules: [...rules, { from: [{}], to: [{}], when: [] }] })}>+ Add</SmallButton>}>
        {rules.length === 0 && <p className="authz-sentence">{noRulesSentence(form.action)}</p>}
        {rules.map((rule, i) => (
          <RuleCard
            key={i}
            index={i}
            action={form.action}
            rule={rule}
            profile={profile}
            suggestions={suggestions}
            onChange={(r) => write({ rules: rules.map((x, j) => (j === i ? r : x)) })}
            onRemove={() => write({ rules: rules.filter((_, j) => j !== i) })}
          />
        ))}
      </Section>
      <FieldProblems diagnostics={diagnostics.filter((d) => d.path?.[0] !== 'metadata')} />
    </>
  )
}
