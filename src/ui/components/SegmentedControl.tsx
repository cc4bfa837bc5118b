import { useId, useRef, type KeyboardEvent } from 'react'
import './SegmentedControl.css'

export interface Segment<T extends string> {
  value: T
  label: string
  /** Tooltip for the option. */
  title?: string
}

export interface SegmentedControlProps<T extends string> {
  /** Visible label in front of the options. */
  label: string
  /** T is inferred from `value` alone, so inline option literals keep their literal types. */
  value: T
  options: readonly Segment<NoInfer<T>>[]
  onChange(value: NoInfer<T>): void
  /** Id of the element that explains the choice (an InfoTip). */
  describedBy?: string
}

/** A radio group drawn as joined buttons. Arrow keys move and select, as radio groups do. */
export function SegmentedControl<T extends string>({ label, value, options, onChange, describedBy }: SegmentedControlProps<T>) {
  const labelId = useId()
  const ref = useRef<HTMLDivElement>(null)

  function onKeyDown(e: KeyboardEvent) {
    const index = options.findIndex((o) => o.value === value)
    let next: number | undefined
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (index + 1) % options.length
    if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (index - 1 + options.length) % options.length
    const option = next === undefined ? undefined : options[next]
    if (!option || next === undefined) return
    e.preventDefault()
    onChange(option.value)
    ref.current?.querySelectorAll<HTMLElement>('[role="radio"]')[next]?.focus()
  }

  return (
    <div className="segmented">
      <span id={labelId} className="segmented-label">
        {label}
      </span>
      <div ref={ref} role="radiogroup" aria-labelledby={labelId} aria-describedby={describedBy} className="segmented-options" onKeyDown={onKeyDown}>
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            role="radio"
            aria-checked={o.value === value}
            tabIndex={o.value === value ? 0 : -1}
            title={o.title}
            className="segmented-option"
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  )
}
