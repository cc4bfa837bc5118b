import { useEffect, useId, useRef, type ReactNode } from 'react'
import { Button } from './Button'
import './Dialog.css'

export interface DialogProps {
  open: boolean
  title: string
  /** Called on Escape, on the close button, and by the caller's own buttons. */
  onClose(): void
  children: ReactNode
  /** Buttons, right-aligned under the content. */
  footer?: ReactNode
  /** Width in pixels, capped by the viewport. */
  width?: number
}

/** A modal dialog on the native <dialog> element: focus trap, Escape and the backdrop come for free. */
export function Dialog({ open, title, onClose, children, footer, width = 640 }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      style={{ width: `min(${width}px, calc(100vw - 48px))` }}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {open && (
        <div className="dialog-frame">
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <Button icon="close" variant="ghost" aria-label="Close" title="Close" onClick={onClose} />
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </div>
      )}
    </dialog>
  )
}
