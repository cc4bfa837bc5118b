import type { ReactNode } from 'react'

/** A titled group of fields, with an optional action (e.g. "Add origin"). */
export function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="inspector-section" aria-label={title}>
      <header className="inspector-section__header">
        <h3 className="inspector-section__title">{title}</h3>
        {action}
      </header>
      {children}
    </section>
  )
}

export function SmallButton({ label, onClick, children }: { label: string; onClick(): void; children: ReactNode }) {
  return (
    <button type="button" className="inspector-button" aria-label={label} title={label} onClick={onClick}>
      {children}
    </button>
  )
}
