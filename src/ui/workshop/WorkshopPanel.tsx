import { encodeLessonLink, useWorkshopStore } from '../../store/workshop'
import { Button, CopyButton, Icon } from '../components'
import { ChangedBanner } from './ChangedBanner'
import { PredictControls } from './PredictControls'
import { PredictionTable } from './PredictionTable'
import { RichText } from './RichText'
import { StepCommands } from './StepCommands'
import { StepNav } from './StepNav'
import { useCurrentStep } from './useStep'
import { WrongCells } from './WrongCells'
import './step.css'
import './workshop.css'

/** The lesson beside the designer: where we are, what the step does, predict then reveal, the commands. */
export function WorkshopPanel() {
  const current = useCurrentStep()
  const source = useWorkshopStore((s) => s.progress.current)
  const presenter = useWorkshopStore((s) => s.presenter)
  const { leave, setPresenter, setPickerOpen } = useWorkshopStore.getState()
  if (!current) return null
  // The presenter view covers the app; its controls must not exist twice.
  if (presenter) return <p className="ws-muted ws-presenting">Presenter view is on. Escape brings you back here.</p>
  const { lesson, step, index } = current
  const revealed = current.progress.score !== undefined
  const link = source ? `${location.origin}${location.pathname}${encodeLessonLink(source, index)}` : undefined
  return (
    <section className="ws" aria-labelledby="ws-lesson-title">
      <header className="ws-header">
        <button type="button" className="ws-lesson" onClick={() => setPickerOpen(true)} title="Choose another lesson">
          <Icon name="workshop" />
          <span id="ws-lesson-title">{lesson.title}</span>
        </button>
        <Button onClick={() => setPresenter(true)} title="Large type for the room (Esc to leave)">
          <Icon name="present" />
          Presenter view
        </Button>
        <Button icon="close" variant="ghost" aria-label="Leave workshop" title="Leave workshop (your progress is kept)" onClick={leave} />
      </header>
      <StepNav current={current} />
      <ChangedBanner />
      <div className="ws-body">
        <p className="ws-kicker">{step.section}</p>
        <h2 className="ws-title">{step.title}</h2>
        <RichText text={step.explanation} className="ws-text" />
        {/* Predict-then-reveal: what the step printed, and where the task differs, only after the reveal. */}
        {revealed && step.outcome && (
          <section className="ws-outcome" aria-label="What happened">
            <RichText text={step.outcome} className="ws-text" />
          </section>
        )}
        {revealed && step.note && (
          <aside className="ws-note" aria-label="Where the task differs">
            <p className="ws-note-title">Where the task differs</p>
            <RichText text={step.note} />
          </aside>
        )}
        <section className="ws-predict-section" aria-labelledby="ws-predict-title">
          <h3 id="ws-predict-title" className="ws-subtitle">
            {current.progress.score ? 'Your predictions and the results' : 'Predict the codes, then reveal'}
          </h3>
          <PredictionTable current={current} />
          <PredictControls current={current} />
        </section>
        <WrongCells current={current} />
        <StepCommands commands={step.commands} />
        {link && (
          <div className="ws-link">
            <span className="ws-muted">Link to this step for the room</span>
            <CopyButton text={link} label="Copy lesson link" />
          </div>
        )}
      </div>
    </section>
  )
}
