import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react'
import { Icon, type IconName } from './Icon'
import './Button.css'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  icon?: IconName
  /** 'primary' is the one accent button of a group; 'ghost' has no border until hovered. */
  variant?: 'default' | 'primary' | 'ghost'
  /** Icon-only buttons still need a name: pass `aria-label` (and `title` for the tooltip). */
  children?: ReactNode
  ref?: Ref<HTMLButtonElement>
}

/** The app's one button look. */
export function Button({ icon, variant = 'default', className, children, type = 'button', ref, ...rest }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, children ? '' : 'btn-icon-only', className ?? ''].filter(Boolean).join(' ')
  return (
    <button ref={ref} type={type} className={classes} {...rest}>
      {icon && <Icon name={icon} />}
      {children && <span className="btn-label">{children}</span>}
    </button>
  )
}
