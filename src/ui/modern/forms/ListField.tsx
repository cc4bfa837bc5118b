import { useEffect, useId, useRef, useState } from 'react'

export interface ListFieldProps {
  label: string
  values: readonly string[]
  onCommit(values: string[]): void
  /** Completion from the design (principals, namespaces, paths, ...). */
  suggestions?: readonly string[]
  placeholder?: string
  /** Shown before the input instead of the label (rows of a rule). */
  inline?: boolean
  /** Focus on mount: a field the user just added is where they type next. */
  autoFocus?: boolean
}

const split = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

/**
 * Comma-separated values with completion: the datalist offers values from the design; a value is
 * written when the field is left or Enter is pressed (each write re-runs the grid).
 */
export function ListField({ label, values, onCommit, suggestions = [], placeholder, inline, autoFocus }: ListFieldProps) {
  const id = useId()
  const listId = `${id}-list`
  const text = values.join(', ')
  const [draft, setDraft] = useState(text)
  const editing = useRef(false)
  useEffect(() => {
    if (!editing.current) setDraft(text)
  }, [text])
  const commit = () => {
    editing.current = false
    const next = split(draft)
    if (next.join(', ') !== text) onCommit(next)
  }
  // Completing the value being typed: everything before the last comma stays.
  const head = draft.includes(',') ? `${draft.slice(0, draft.lastIndexOf(',') + 1)} ` : ''
  return (
    <div className={`field${inline ? ' field--inline' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        className="field__input field__input--mono"
        list={suggestions.length > 0 ? listId : undefined}
        value={draft}
        placeholder={placeholder}
        spellCheck={false}
        autoFocus={autoFocus}
        onFocus={() => (editing.current = true)}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
          if (e.key === 'Escape') setDraft(text)
        }}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={`${head}${s}`} />
          ))}
        </datalist>
      )}
    </div>
  )
}
