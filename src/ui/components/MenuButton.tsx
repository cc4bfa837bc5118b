import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Button } from './Button'
import { Icon, type IconName } from './Icon'
import './MenuButton.css'

export interface MenuItem {
  id: string
  label: string
  /** A second, quieter line: what the item does. */
  hint?: string
  icon?: IconName
  disabled?: boolean
  onSelect(): void
}

export interface MenuButtonProps {
  label: string
  icon?: IconName
  items: MenuItem[]
  /** Menu opens aligned to the button's right edge (buttons near the window's right side). */
  alignRight?: boolean
  /** Extra class of the wrapper (e.g. for a toolbar's own layout rules). */
  className?: string
}

/** A button that opens a menu (WAI-ARIA menu button): arrows move, Enter picks, Escape closes. */
export function MenuButton({ label, icon, items, alignRight = false, className }: MenuButtonProps) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)

  const menuItems = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])]

  useEffect(() => {
    if (!open) return
    menuItems()[0]?.focus()
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  function close(focusButton: boolean) {
    setOpen(false)
    if (focusButton) buttonRef.current?.focus()
  }

  function onMenuKeyDown(e: KeyboardEvent) {
    const list = menuItems()
    const index = list.indexOf(document.activeElement as HTMLElement)
    const move = (i: number) => list[(i + list.length) % list.length]?.focus()
    if (e.key === 'ArrowDown') move(index + 1)
    else if (e.key === 'ArrowUp') move(index - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(list.length - 1)
    else if (e.key === 'Escape') close(true)
    else if (e.key === 'Tab') close(false)
    else return
    if (e.key !== 'Tab') e.preventDefault()
    e.stopPropagation()
  }

  function onButtonKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setOpen(true)
    }
  }

  return (
    <div className={className ? `menu-button ${className}` : 'menu-button'}>
      <Button
        ref={buttonRef}
        icon={icon}
        aria-haspopup="menu"
        aria-expanded={open}
        title={label}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onButtonKeyDown}
      >
        {label}
        <Icon name="chevronDown" size={12} />
      </Button>
      {open && (
        <div ref={menuRef} id={id} role="menu" aria-label={label} className={`menu${alignRight ? ' menu-right' : ''}`} onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              aria-disabled={item.disabled || undefined}
              onClick={() => {
                if (item.disabled) return
                close(true)
                item.onSelect()
              }}
            >
              {item.icon && <Icon name={item.icon} />}
              <span className="menu-item-text">
                <span className="menu-item-label">{item.label}</span>
                {item.hint && <span className="menu-item-hint">{item.hint}</span>}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
