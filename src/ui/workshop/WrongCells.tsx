import { useEffect, useId, useState } from 'react'
import type { CellExplanation } from '../../engine'
import { cellName, explainStepCell, markOf, parseCellKey, signWithSampleKey, useWorkshopStore } from '../../store/workshop'
import { ruleTitle } from '../explain/words'
import type { CurrentStep } from './useStep'
import './why.css'

interface Missed {
  key: string
  name: string
  yours: string | undefined
  actual: string
}

type Explained = Record<string, CellExplanation | 'failed'>

/**
 * After Reveal: for each cell the learner missed, why the real code is what it is, from the
 * engine's explanation of that cell on the step's own resources and request.
 */
export function WrongCells({ current, compact = false }: { current: CurrentStep; compact?: boolean }) {
  const clockStart = useWorkshopStore((s) => s.clockStart)
  const { lesson, index, step, progress } = current
  const missed: Missed[] = Object.entries(step.expect.grid).flatMap(([key, actual]) => {
    const yours = progress.predictions[key]
    const cell = parseCellKey(key)
    return cell && markOf(yours, actual) !== 'correct' ? [{ key, name: cellName(cell), yours, actual }] : []
  })
  const titleId = useId()
  const [explained, setExplained] = useState<Explained>({})
  const wanted = missed.map((m) => m.key).join('\n')

  useEffect(() => {
    let live = true
    setExplained({})
    for (const key of wanted ? wanted.split('\n') : []) {
      explainStepCell(lesson, index, key, { sign: signWithSampleKey, clockStart }).then(
        (ex) => live && setExplained((e) => ({ ...e, [key]: ex ?? 'failed' })),
        () => live && setExplained((e) => ({ ...e, [key]: 'failed' })),
      )
    }
    return () => {
      live = false
    }
  }, [lesson, index, clockStart, wanted])

  if (progress.score === undefined || missed.length === 0) return null
  return (
    <section className={`ws-why${compact ? ' is-compact' : ''}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="ws-subtitle">
        Why {missed.length === 1 ? 'this result' : 'these results'}
      </h3>
      {missed.map((m, i) => (
        <details key={m.key} className="ws-why-cell" open={compact || i === 0}>
          <summary>
            <span className="ws-why-pair">{m.name}</span>
            <span className="ws-why-codes">
              {m.yours ? `you said ${m.yours}` : 'no prediction'} · it is <strong>{m.actual}</strong>
            </span>
          </summary>
          <Explanation ex={explained[m.key]} compact={compact} />
        </details>
      ))}
    </section>
  )
}

function Explanation({ ex, compact }: { ex: CellExplanation | 'failed' | undefined; compact: boolean }) {
  if (ex === undefined) return <p className="ws-muted">Working out the explanation…</p>
  if (ex === 'failed') return <p className="ws-muted">No explanation for this cell.</p>
  const steps = compact ? ex.steps.slice(-2) : ex.steps
  return (
    <div className="ws-why-body">
      <p className="ws-why-rule">
        Decided by <strong>{ex.decidedBy}</strong>: {ruleTitle(ex.decidedBy)}
      </p>
      <ol className="ws-why-steps">
        {steps.map((s, i) => (
          <li key={i}>
            <span className="ws-why-step-rule">{s.rule}</span> {s.text}
          </li>
        ))}
      </ol>
      {ex.realIstio && !compact && <p className="ws-why-real">Real Istio differs: {ex.realIstio}</p>}
    </div>
  )
}
