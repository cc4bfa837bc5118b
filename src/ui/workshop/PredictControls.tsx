import { isModernProfile } from '../../engine'
import { isIngressStep, predictionChoices, scoreText, useWorkshopStore } from '../../store/workshop'
import { Button, Icon } from '../components'
import type { CurrentStep } from './useStep'

/** Under the prediction table: how to predict and Reveal; after Reveal, the score and Predict again. */
export function PredictControls({ current, large = false }: { current: CurrentStep; large?: boolean }) {
  const { reveal, predictAgain } = useWorkshopStore.getState()
  const { progress, step } = current
  const answered = Object.keys(progress.predictions).filter((k) => k in step.expect.grid).length
  const total = Object.keys(step.expect.grid).length
  if (progress.score) {
    const { correct } = progress.score
    return (
      <div className={`ws-predict-bar${large ? ' is-large' : ''}`}>
        <p className={`ws-score${correct === total ? ' is-perfect' : ''}`} role="status">
          {scoreText(progress.score)}
        </p>
        <Button onClick={predictAgain}>Predict again</Button>
      </div>
    )
  }
  return (
    <div className={`ws-predict-bar${large ? ' is-large' : ''}`}>
      <p className="ws-predict-hint">
        {answered === 0 ? 'Click a cell to predict: ' : `${answered} of ${total} predicted · `}
        {predictionChoices(isIngressStep(step), isModernProfile(current.lesson.profile)).join(' → ')}
      </p>
      {answered > 0 && (
        <Button variant="ghost" onClick={predictAgain}>
          Clear
        </Button>
      )}
      <Button variant="primary" onClick={reveal} aria-keyshortcuts="R">
        <Icon name="eye" />
        Reveal
      </Button>
    </div>
  )
}
