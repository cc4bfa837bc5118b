import type { ReactNode } from 'react'
import { Button } from './Button'
import { Icon } from './Icon'
import './Banner.css'

export interface BannerProps {
  tone: 'error' | 'info' | 'success'
  children: ReactNode
  onDismiss(): void
}

/** A full-width message under the toolbar. Errors are announced (role alert), the rest politely. */
export function Banner({ tone, children, onDismiss }: BannerProps) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={tone === 'error' ? 'error' : tone === 'success' ? 'check' : 'info'} />
      <div className="banner-text">{children}</div>
      <Button icon="close" variant="ghost" aria-label="Dismiss message" title="Dismiss" onClick={onDismiss} />
    </div>
  )
}
