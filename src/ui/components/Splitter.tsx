import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import './Splitter.css'

export interface SplitterProps {
  /** 'vertical': a vertical bar between two columns (changes a width); 'horizontal': between rows. */
  orientation: 'vertical' | 'horizontal'
  /** Size in pixels of the pane this splitter resizes. */
  value: number
  min: number
  max: number
  onChange(value: number): void
  /** +1 when moving right/down grows the pane, -1 when it shrinks it (a pane on the right or bottom). */
  direction?: 1 | -1
  /** Accessible name, e.g. "Resize palette". */
  label: string
  /** Id of the pane it resizes. */
  controls?: string
}

const STEP = 16
const BIG_STEP = 64

/** A focusable window splitter (WAI-ARIA "window splitter" pattern): drag it, or use the arrow keys. */
export function Splitter({ orientation, value, min, max, onChange, direction = 1, label, controls }: SplitterProps) {
  const drag = useRef<{ start: number; value: number } | null>(null)
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)))
  const coord = (e: PointerEvent) => (orientation === 'vertical' ? e.clientX : e.clientY)

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    if (e.button !== 0) return
    e.preventDefault()
    e.currentTarget.setPointerCapture(e.pointerId)
    e.currentTarget.focus()
    drag.current = { start: coord(e), value }
  }
  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return
    onChange(clamp(drag.current.value + direction * (coord(e) - drag.current.start)))
  }
  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return
    drag.current = null
    e.currentTarget.releasePointerCapture(e.pointerId)
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const step = e.shiftKey ? BIG_STEP : STEP
    const [less, more] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown']
    let next: number | undefined
    if (e.key === less) next = value - direction * step
    else if (e.key === more) next = value + direction * step
    else if (e.key === 'Home') next = min
    else if (e.key === 'End') next = max
    if (next === undefined) return
    e.preventDefault()
    onChange(clamp(next))
  }

  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      aria-valuetext={`${Math.round(value)} pixels`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
