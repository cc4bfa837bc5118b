import { useMemo } from 'react'
import { cellName, cellTable, markOf, predictionOf, type CellRef, type Prediction } from '../../store/workshop'
import { useWorkshopStore } from '../../store/workshop'
import { LEGEND, type VerdictTone } from '../grid'
import type { CurrentStep } from './useStep'
import './predict.css'

const TONE_OF: Readonly<Record<string, VerdictTone>> = Object.fromEntries(LEGEND.map((l) => [l.code, l.tone]))

function toneOf(code: string | undefined): VerdictTone {
  const prediction = code === undefined ? undefined : predictionOf(code)
  return (prediction && TONE_OF[prediction]) ?? 'none'
}

const MARK_SYMBOL = { correct: '✓', wrong: '✕', unanswered: '–' } as const

/**
 * The step's grid as the learner predicts it: the step's own clients and targets (its cell keys),
 * each cell a button that cycles the codes. After Reveal each cell shows the real code and a mark.
 */
export function PredictionTable({ current, large = false }: { current: CurrentStep; large?: boolean }) {
  const { step, progress } = current
  const table = useMemo(() => cellTable(Object.keys(step.expect.grid)), [step])
  const revealed = progress.score !== undefined
  return (
    <table className={`ws-predict${large ? ' is-large' : ''}${table.loop ? ' is-loop' : ''}${revealed ? ' is-revealed' : ''}`} aria-label={revealed ? 'Your predictions and the results' : 'Your predictions'}>
      <thead>
        <tr>
          <td className="ws-predict-corner">{table.loop ? `${table.cells[0]?.[0]?.from ?? ''} ↓ time` : 'From ↓ · To →'}</td>
          {table.columns.map((column) => (
            <th key={column} scope="col" className="ws-predict-colheader" aria-label={column}>
              <ColumnLabel label={column} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={row}>
            <th scope="row" className="ws-predict-rowheader">
              {row}
            </th>
            {table.cells[r]?.map((cell, c) => (
              <td key={c}>{cell ? <PredictionCell cell={cell} prediction={progress.predictions[cell.key]} actual={revealed ? step.expect.grid[cell.key] : undefined} /> : <span className="ws-cell-none">no request</span>}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function PredictionCell({ cell, prediction, actual }: { cell: CellRef; prediction: Prediction | undefined; actual: string | undefined }) {
  const cycle = useWorkshopStore((s) => s.cyclePrediction)
  const name = `Your prediction for ${cellName(cell)}: ${prediction ?? 'none'}`
  if (actual === undefined) {
    return (
      <button type="button" className={`ws-cell tone-${toneOf(prediction)}${prediction ? '' : ' is-empty'}`} aria-label={name} onClick={() => cycle(cell.key)}>
        {prediction ?? '?'}
      </button>
    )
  }
  const mark = markOf(prediction, actual)
  const verdict = mark === 'correct' ? 'correct' : `${mark === 'wrong' ? 'wrong' : 'not answered'}: the result is ${actual}`
  return (
    <button type="button" className={`ws-cell tone-${toneOf(actual)} is-${mark}`} aria-label={`${name}, ${verdict}`} aria-disabled="true">
      <span className={`ws-mark mark-${mark}`} aria-hidden="true">
        {MARK_SYMBOL[mark]}
      </span>
      <span className="ws-cell-code">{actual}</span>
      {mark !== 'correct' && (
        <span className="ws-cell-yours" aria-hidden="true">
          you: {prediction ?? '—'}
        </span>
      )}
    </button>
  )
}

/** `httpbin.legacy:8000` as `httpbin` over `.legacy:8000`: two short lines fit a narrow column. */
function ColumnLabel({ label }: { label: string }) {
  const dot = label.indexOf('.')
  if (dot <= 0) return <span className="ws-predict-host">{label}</span>
  return (
    <>
      <span className="ws-predict-host">{label.slice(0, dot)}</span>
      <span className="ws-predict-port">{label.slice(dot)}</span>
    </>
  )
}
