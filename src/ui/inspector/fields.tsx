/**
 * Labelled form fields for the inspector. Text fields keep what the user types while they type and
 * write after a pause (or on blur / Enter); the store's value wins again once the field is left.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import type { Diagnostic, ObjectPath } from '../../engine'

const DEBOUNCE_MS = 400

/** Findings whose path starts with `path` (a field shows its own and its children's). */
export function problemsAt(diagnostics: readonly Diagnostic[], path: ObjectPath): Diagnostic[] {
  return diagnostics.filter((d) => d.path !== undefined && path.length <= d.path.length && path.every((p, i) => String(d.path?.[i]) === String(p)))
}

export function FieldProblems({ diagnostics, id }: { diagnostics: readonly Diagnostic[]; id?: string }) {
  if (diagnostics.length === 0) return null
  return (
    <ul className="field-problems" id={id}>
      {diagnostics.map((d, i) => (
        <li key={i} className={`field-problem field-problem--${d.severity}`}>
          <span className="field-problem__code">{d.code}</span> {d.message}
        </li>
      ))}
    </ul>
  )
}

interface FieldShell {
  label: string
  problems?: readonly Diagnostic[]
  hint?: ReactNode
  /** In a row of fields the row lists the problems under itself (with this id); the field only points at it. */
  problemsId?: string
}

function Shell({ label, problems = [], hint, id, problemsId, children }: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={`field${problems.some((d) => d.severity === 'error') ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children}
      {hint && <p className="field__hint">{hint}</p>}
      {!problemsId && <FieldProblems diagnostics={problems} id={`${id}-problems`} />}
    </div>
  )
}

/** A row of fields (e.g. port name + number) with their problems listed under the whole row. */
export function FieldRow({ problems, id, children }: { problems: readonly Diagnostic[]; id: string; children: ReactNode }) {
  return (
    <div className="field-row">
      <div className="row-fields">{children}</div>
      <FieldProblems diagnostics={problems} id={id} />
    </div>
  )
}

export interface TextFieldProps extends FieldShell {
  value: string
  onCommit(value: string): void
  /** Write only on blur / Enter (names: a rename per keystroke would be noise). */
  commitOnBlur?: boolean
  placeholder?: string
  mono?: boolean
  type?: 'text' | 'number' | 'url'
}

export function TextField({ value, onCommit, commitOnBlur, placeholder, mono, type = 'text', ...shell }: TextFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const editing = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => {
    if (!editing.current) setDraft(value)
  }, [value])
  useEffect(() => () => clearTimeout(timer.current), [])
  const commit = (text: string) => {
    clearTimeout(timer.current)
    if (text !== value) onCommit(text)
  }
  return (
    <Shell {...shell} id={id}>
      <input
        id={id}
        className={`field__input${mono ? ' field__input--mono' : ''}`}
        type={type}
        value={draft}
        placeholder={placeholder}
        aria-invalid={shell.problems?.some((d) => d.severity === 'error') || undefined}
        aria-describedby={shell.problems?.length ? (shell.problemsId ?? `${id}-problems`) : undefined}
        onFocus={() => (editing.current = true)}
        onChange={(e) => {
          const text = e.currentTarget.value
          setDraft(text)
          if (commitOnBlur) return
          clearTimeout(timer.current)
          timer.current = setTimeout(() => commit(text), DEBOUNCE_MS)
        }}
        onBlur={() => {
          editing.current = false
          commit(draft)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(draft)
          if (e.key === 'Escape') setDraft(value)
        }}
      />
    </Shell>
  )
}

export function SelectField<T extends string>(props: FieldShell & { value: T; options: readonly { value: T; label: string }[]; onChange(value: T): void }) {
  const id = useId()
  const { value, options, onChange, ...shell } = props
  return (
    <Shell {...shell} id={id}>
      <select id={id} className="field__input" value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  )
}

export function CheckField({ label, checked, onChange, problems = [], hint }: FieldShell & { checked: boolean; onChange(checked: boolean): void }) {
  const id = useId()
  return (
    <div className="field field--check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field__hint">{hint}</p>}
      <FieldProblems diagnostics={problems} />
    </div>
  )
}

/** Comma-separated text ↔ a list of strings (audiences, hosts, header names). */
export const listText = (items: readonly string[]) => items.join(', ')
export const textList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
