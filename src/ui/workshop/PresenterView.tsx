import { useEffect, useRef } from 'react'
import { useWorkshopStore } from '../../store/workshop'
import { Button, Icon } from '../components'
import { ChangedBanner } from './ChangedBanner'
import { PredictControls } from './PredictControls'
import { PredictionTable } from './PredictionTable'
import { RichText } from './RichText'
import { stepCounterText, useCurrentStep } from './useStep'
import { WrongCells } from './WrongCells'
import './presenter.css'
import './presenterGrid.css'

/**
 * The step for a room: large type, high contrast, the explanation beside the step's grid, keys to
 * move on. A native modal dialog: it keeps focus inside, and Escape leaves it.
 */
export function PresenterView() {
  const on = useWorkshopStore((s) => s.presenter)
  const current = useCurrentStep()
  const ref = useRef<HTMLDialogElement>(null)
  const show = on && current !== undefined

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !show) return
    const before = document.activeElement as HTMLElement | null
    if (!dialog.open) dialog.showModal()
    dialog.focus()
    return () => {
      if (dialog.open) dialog.close()
      before?.focus()
    }
  }, [show])

  const { setPresenter, next, previous } = useWorkshopStore.getState()
  const revealed = current?.progress.score !== undefined
  return (
    <dialog
      ref={ref}
      className="ws-presenter"
      aria-label="Presenter view"
      tabIndex={-1}
      onCancel={(e) => {
        e.preventDefault()
        setPresenter(false)
      }}
    >
      {show && current && (
        <div className="ws-presenter-frame">
          <header className="ws-presenter-top">
            <span className="ws-presenter-lesson">{current.lesson.title}</span>
            <span className="ws-presenter-counter" data-testid="presenter.counter">
              {stepCounterText(current)}
            </span>
            <Button onClick={() => setPresenter(false)} title="Back to the designer (Esc)">
              Exit presenter view
            </Button>
          </header>
          <ChangedBanner />
          <div className="ws-presenter-main">
            <article className="ws-presenter-text">
              <h2 className="ws-presenter-title">{current.step.title}</h2>
              <RichText text={current.step.explanation} className="ws-presenter-explanation" />
              {revealed && current.step.outcome && (
                <section className="ws-presenter-outcome" aria-label="What happened">
                  <RichText text={current.step.outcome} className="ws-presenter-explanation" />
                </section>
              )}
              {revealed && current.step.note && (
                <aside className="ws-presenter-note" aria-label="Where the task differs">
                  <p className="ws-presenter-note-title">Where the task differs</p>
                  <RichText text={current.step.note} />
                </aside>
              )}
            </article>
            <section className="ws-presenter-grid" aria-label="The step's grid">
              <PredictionTable current={current} large />
              <PredictControls current={current} large />
              <WrongCells current={current} compact />
            </section>
          </div>
          <footer className="ws-presenter-bottom">
            <Button onClick={previous} disabled={current.index === 0}>
              <Icon name="prev" size={20} />
              Previous
            </Button>
            <div className="ws-presenter-dots" aria-hidden="true">
              {current.lesson.steps.map((s, i) => (
                <span key={s.id} className={i === current.index ? 'is-current' : i < current.index ? 'is-seen' : ''} />
              ))}
            </div>
            <span className="ws-presenter-keys">
              <kbd>←</kbd> <kbd>→</kbd> <kbd>Space</kbd> steps · <kbd>R</kbd> reveal · <kbd>Esc</kbd> leave
            </span>
            <Button variant="primary" onClick={next} disabled={current.index === current.count - 1}>
              Next
              <Icon name="next" size={20} />
            </Button>
          </footer>
        </div>
      )}
    </dialog>
  )
}
