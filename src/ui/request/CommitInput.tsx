import { useEffect, useState, type InputHTMLAttributes } from 'react'

export interface CommitInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string
  /** Called on Enter or when focus leaves, with a value that passed `check`. */
  onCommit(value: string): void
  /** A sentence when the text cannot be used; the input is marked invalid and nothing is committed. */
  check?(value: string): string | undefined
}

/**
 * A text input that applies its value on Enter or blur (not per keystroke: each applied value re-runs
 * the grid). Escape puts the applied value back.
 */
export function CommitInput({ value, onCommit, check, className, ...rest }: CommitInputProps) {
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const problem = check?.(draft)

  function commit() {
    if (draft === value) return
    if (problem) return
    onCommit(draft)
  }

  return (
    <input
      {...rest}
      className={`commit-input${problem ? ' is-invalid' : ''}${className ? ` ${className}` : ''}`}
      value={draft}
      aria-invalid={problem ? true : undefined}
      title={problem ?? rest.title}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit()
        if (e.key === 'Escape') setDraft(value)
      }}
    />
  )
}
