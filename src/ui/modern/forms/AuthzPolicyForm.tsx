import { Fragment, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { IstioProfile, KubeObject } from '../../../engine'
import { useDesignerStore } from '../../../store'
import {
  actions,
  conditionKeys,
  isCompleteCondition,
  keyOf,
  newRule,
  noRulesSentence,
  OPERATION_FIELDS,
  readAuthzForm,
  removeCondition,
  removeOperation,
  removeSource,
  ruleSentence,
  setCondition,
  setOperation,
  setSource,
  sourceFields,
  writeAuthzForm,
  type AuthzForm as Form,
  type AuthzRuleForm,
  type ConditionForm,
  type OperationField,
  type SourceField,
} from '../../../store/commands'
import { FieldProblems, problemsAt, SelectField, TextField } from '../../inspector/fields'
import { renameObject } from '../../inspector/renames'
import { Section, SmallButton } from '../../inspector/Section'
import { useDiagnostics, writeObject } from '../../inspector/useSelected'
import { ListField } from './ListField'
import { ScopeField } from './ScopeField'
import { conditionSuggestions, designSuggestions, type Suggestions } from './suggestions'

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

/**
 * The set fields of one source or operation, each a list with completion, plus "add field" for the
 * others (all of them must match, M24). `title` names the group ("Rule 1 source 2").
 */
/** One entry of a rule (a source, an operation, a condition): its title, a remove button, its fields. */
function EntryFrame({ title, onRemove, children }: { title: string; onRemove(): void; children: React.ReactNode }) {
  return (
    <div className="authz-entry" role="group" aria-label={title}>
      <div className="authz-entry__title">
        <span>{title.replace(/^Rule \d+ /, '')}</span>
        <SmallButton label={`Remove ${title}`} onClick={onRemove}>
          ×
        </SmallButton>
      </div>
      {children}
    </div>
  )
}

function FieldSet<F extends string>({ title, fields, values, suggestions, onChange, onRemove, fresh = false }: { title: string; fields: readonly F[]; values: Partial<Record<F, string[]>>; suggestions: Suggestions; onChange(next: Partial<Record<F, string[]>>): void; onRemove(): void; fresh?: boolean }) {
  // A field just added has no value yet, and an empty list is not written: keep it on screen until typed in.
  const [added, setAdded] = useState<F[]>([])
  const shown = fields.filter((f) => values[f] !== undefined || added.includes(f))
  // A field the profile does not have but the YAML sets stays editable (and admission says why it is wrong).
  const extra = (Object.keys(values) as F[]).filter((f) => !fields.includes(f))
  const free = fields.filter((f) => !shown.includes(f))
  return (
    <EntryFrame title={title} onRemove={onRemove}>
      {[...shown, ...extra].map((f) => (
        <div className="authz-row" key={f}>
          <ListField inline label={f} values={values[f] ?? []} suggestions={suggestionsFor(f, suggestions)} autoFocus={added.includes(f) && values[f] === undefined} onCommit={(v) => onChange({ ...values, [f]: v })} />
          <SmallButton
            label={`Remove ${f} from ${title}`}
            onClick={() => {
              setAdded(added.filter((a) => a !== f))
              onChange(Object.fromEntries(Object.entries(values).filter(([k]) => k !== f)) as Partial<Record<F, string[]>>)
            }}
          >
            ×
          </SmallButton>
        </div>
      ))}
      {shown.length + extra.length === 0 && <p className="field__hint">Add a field: this entry is written once a field has a value.</p>}
      {free.length > 0 && (
        <select className="field__input authz-add" aria-label={`Add a field to ${title}`} autoFocus={fresh} value="" onChange={(e) => e.currentTarget.value && setAdded([...added, e.currentTarget.value as F])}>
          <option value="">+ add field…</option>
          {free.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      )}
    </EntryFrame>
  )
}

/**
 * A rule's `from` or `to`: every entry (alternatives, "or" between them) and one not yet written
 * (added with the button, written when a field gets a value: an empty entry is not valid YAML).
 */
function EntryList<F extends string>({ rule, noun, part, fields, entries, empty, suggestions, onSet, onRemove }: { rule: number; noun: 'source' | 'operation'; part: 'from' | 'to'; fields: readonly F[]; entries: readonly Partial<Record<F, string[]>>[]; empty: string; suggestions: Suggestions; onSet(index: number, entry: Partial<Record<F, string[]>>): void; onRemove(index: number): void }) {
  const [pending, setPending] = useState(false)
  // Bumped when an entry goes, so the ones after it do not inherit its unsaved fields.
  const [generation, setGeneration] = useState(0)
  const count = entries.length + (pending ? 1 : 0)
  return (
    <div className="authz-part" role="group" aria-label={`Rule ${rule} ${part}`}>
      <div className="authz-part__title">
        <span>
          {part} <span className="authz-part__hint">{count > 1 ? `any ${noun} matches` : count === 0 ? empty : ''}</span>
        </span>
        <SmallButton label={`Add ${noun === 'source' ? 'a source' : 'an operation'} to rule ${rule}`} onClick={() => setPending(true)}>
          + {noun}
        </SmallButton>
      </div>
      {entries.map((entry, i) => (
        <Fragment key={`${generation}-${i}`}>
          {i > 0 && <div className="authz-or">or</div>}
          <FieldSet<F>
            title={`Rule ${rule} ${noun} ${i + 1}`}
            fields={fields}
            values={entry}
            suggestions={suggestions}
            onChange={(next) => {
              // Its last field gone, the entry goes too (an empty one is not valid): as a removal.
              if (Object.values<string[] | undefined>(next).every((v) => !v || v.length === 0)) setGeneration(generation + 1)
              onSet(i, next)
            }}
            onRemove={() => {
              setGeneration(generation + 1)
              onRemove(i)
            }}
          />
        </Fragment>
      ))}
      {pending && (
        <>
          {entries.length > 0 && <div className="authz-or">or</div>}
          <FieldSet<F>
            title={`Rule ${rule} ${noun} ${entries.length + 1}`}
            fields={fields}
            values={{}}
            fresh
            suggestions={suggestions}
            onChange={(next) => {
              // Nothing to write until a field has a value.
              if (Object.values<string[] | undefined>(next).every((v) => !v || v.length === 0)) return
              setPending(false)
              onSet(entries.length, next)
            }}
            onRemove={() => setPending(false)}
          />
        </>
      )}
    </div>
  )
}

const NEW_CONDITION: ConditionForm = { key: '', values: [], notValues: [] }

/** One `when` condition: key (with the profile's keys as completion), values, notValues. */
function ConditionRow({ title, condition, keys, suggestions, onChange, onRemove, fresh = false }: { title: string; condition: ConditionForm; keys: string[]; suggestions: Suggestions; onChange(c: ConditionForm): void; onRemove(): void; fresh?: boolean }) {
  const values = conditionSuggestions(condition.key, suggestions)
  return (
    <EntryFrame title={title} onRemove={onRemove}>
      <ListField inline label="key" values={condition.key ? [condition.key] : []} suggestions={keys} placeholder="request.headers[x-token]" autoFocus={fresh} onCommit={(v) => onChange({ ...condition, key: v[0] ?? '' })} />
      <ListField inline label="values" values={condition.values} suggestions={values} onCommit={(next) => onChange({ ...condition, values: next })} />
      <ListField inline label="notValues" values={condition.notValues} suggestions={values} onCommit={(notValues) => onChange({ ...condition, notValues })} />
    </EntryFrame>
  )
}

/** A rule's `when`: every condition must hold ("and"); a new one is written once it has a key and a value. */
function ConditionList({ rule, conditions, keys, suggestions, onSet, onRemove }: { rule: number; conditions: readonly ConditionForm[]; keys: string[]; suggestions: Suggestions; onSet(index: number, c: ConditionForm): void; onRemove(index: number): void }) {
  const [draft, setDraft] = useState<ConditionForm | undefined>(undefined)
  const count = conditions.length + (draft ? 1 : 0)
  return (
    <div className="authz-part" role="group" aria-label={`Rule ${rule} when`}>
      <div className="authz-part__title">
        <span>
          when <span className="authz-part__hint">{count > 1 ? 'every condition must hold' : count === 0 ? 'no condition' : ''}</span>
        </span>
        <SmallButton label={`Add a condition to rule ${rule}`} onClick={() => setDraft(NEW_CONDITION)}>
          + condition
        </SmallButton>
      </div>
      {conditions.map((c, i) => (
        <Fragment key={i}>
          {i > 0 && <div className="authz-or">and</div>}
          <ConditionRow title={`Rule ${rule} condition ${i + 1}`} condition={c} keys={keys} suggestions={suggestions} onChange={(next) => onSet(i, next)} onRemove={() => onRemove(i)} />
        </Fragment>
      ))}
      {draft && (
        <>
          {conditions.length > 0 && <div className="authz-or">and</div>}
          <ConditionRow
            title={`Rule ${rule} condition ${conditions.length + 1}`}
            condition={draft}
            keys={keys}
            suggestions={suggestions}
            fresh
            onChange={(next) => {
              if (!isCompleteCondition(next)) return setDraft(next)
              setDraft(undefined)
              onSet(conditions.length, next)
            }}
            onRemove={() => setDraft(undefined)}
          />
        </>
      )}
    </div>
  )
}

function RuleCard({ index, action, rule, profile, suggestions, onChange, onRemove }: { index: number; action: Form['action']; rule: AuthzRuleForm; profile: IstioProfile; suggestions: Suggestions; onChange(rule: AuthzRuleForm): void; onRemove(): void }) {
  const n = index + 1
  return (
    <fieldset className="inspector-fieldset authz-rule">
      <legend>
        Rule {n}{' '}
        <SmallButton label={`Remove rule ${n}`} onClick={onRemove}>
          ×
        </SmallButton>
      </legend>
      <p className="authz-sentence" aria-label={`Rule ${n} reads`}>
        {ruleSentence(action, rule)}
      </p>
      <EntryList<SourceField> rule={n} noun="source" part="from" fields={sourceFields(profile)} entries={rule.from ?? []} empty="any source" suggestions={suggestions} onSet={(i, s) => onChange(setSource(rule, i, s))} onRemove={(i) => onChange(removeSource(rule, i))} />
      <EntryList<OperationField> rule={n} noun="operation" part="to" fields={OPERATION_FIELDS} entries={rule.to ?? []} empty="any operation" suggestions={suggestions} onSet={(i, o) => onChange(setOperation(rule, i, o))} onRemove={(i) => onChange(removeOperation(rule, i))} />
      <ConditionList rule={n} conditions={rule.when} keys={conditionKeys(profile)} suggestions={suggestions} onSet={(i, c) => onChange(setCondition(rule, i, c))} onRemove={(i) => onChange(removeCondition(rule, i))} />
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
  // One gesture, one write (one undo step); a gesture that changes nothing writes nothing.
  const write = (next: Partial<Form>) => {
    const written = writeAuthzForm(object, { ...form, ...next })
    if (JSON.stringify(written) !== JSON.stringify(object)) writeObject(written)
  }
  // Bumped when a rule goes: the cards after it are new cards (their unsaved entries belong to the removed one).
  const [generation, setGeneration] = useState(0)
  const rules = form.rules ?? []
  const actionOptions: { value: Form['action']; label: string }[] = actions(profile).map((value) => ({ value, label: ACTION_LABEL[value] }))
  if (!actionOptions.some((o) => o.value === form.action)) actionOptions.push({ value: form.action, label: `${form.action} (not in Istio ${profile})` })
  return (
    <>
      <TextField label="Name" value={object.metadata.name} commitOnBlur onCommit={(to) => renameObject(key, to)} problems={problemsAt(diagnostics, ['metadata'])} />
      <ScopeField namespace={object.metadata.namespace ?? 'default'} selector={form.selector} kind={object.kind} onChange={(selector) => write({ selector })} />
      <SelectField label="Action" value={form.action} options={actionOptions} onChange={(action) => write({ action })} problems={problemsAt(diagnostics, ['spec', 'action'])} />
      {form.action === 'CUSTOM' && <TextField label="Provider (mesh config extensionProviders)" value={form.provider} mono onCommit={(provider) => write({ provider })} />}
      <Section title="Rules" action={<SmallButton label="Add rule" onClick={() => write({ rules: [...rules, newRule()] })}>+ Add</SmallButton>}>
        {rules.length === 0 && <p className="authz-sentence">{noRulesSentence(form.action)}</p>}
        {rules.map((rule, i) => (
          <RuleCard
            key={`${generation}-${i}`}
            index={i}
            action={form.action}
            rule={rule}
            profile={profile}
            suggestions={suggestions}
            onChange={(r) => write({ rules: rules.map((x, j) => (j === i ? r : x)) })}
            onRemove={() => {
              setGeneration(generation + 1)
              write({ rules: rules.filter((_, j) => j !== i) })
            }}
          />
        ))}
      </Section>
      <FieldProblems diagnostics={diagnostics.filter((d) => d.path?.[0] !== 'metadata')} />
    </>
  )
}
