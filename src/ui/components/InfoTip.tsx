import type { ReactNode } from 'react'
import { Icon } from './Icon'
import './InfoTip.css'

export interface InfoTipProps {
  /** Give the same id to the control's aria-describedby, so screen readers read the text too. */
  id: string
  /** Accessible name of the (i) button, e.g. "About the Istio profile". */
  label: string
  children: ReactNode
}

/** An (i) that shows a short explanation on hover or focus. The text is always in the DOM. */
export function InfoTip({ id, label, children }: InfoTipProps) {
  return (
    <span className="infotip">
      <button type="button" className="infotip-trigger" aria-label={label} aria-describedby={id}>
        <Icon name="info" size={14} />
      </button>
      <span role="tooltip" id={id} className="infotip-bubble">
        {children}
      </span>
    </span>
  )
}
