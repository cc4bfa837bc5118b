import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { CellExplanation, ResourceKey } from '../../engine'
import { useDesignerStore } from '../../store'
import { Button, CopyButton, Icon } from '../components'
import { isHiddenCell } from '../../store/workshop'
import { lookOfVerdict, useHiddenCells } from '../grid'
import { RunLoopSection } from '../loop'
import { CellExpectation } from '../intent'
import { StepText } from '../modern/StepText'
import { POLICY_LEVEL_WORDS, SERVER_WORDS, TRANSPORT_WORDS, resourceName, ruleTitle } from './words'
import './ExplainPanel.css'

export interface ExplainPanelProps {
  row: number
  column: number
  onClose(): void
}

type Loaded = { state: 'loading' } | { state: 'ready'; explanation: CellExplanation } | { state: 'gone' }

/** Why one grid cell has its code: verdict, deciding rule, the steps, the objects involved, the command. */
export function ExplainPanel({ row, column, onClose }: ExplainPanelProps) {
  const { grid, options, request, explainCell, select, revealResource } = useDesignerStore(
    useShallow((s) => ({
      grid: s.gridState.grid,
      options: s.options,
      request: s.request,
      explainCell: s.explainCell,
      select: s.select,
      revealResource: s.revealResource,
    })),
  )
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })

  // Re-explain whenever the grid is recomputed, so the panel never shows a stale answer.
  useEffect(() => {
    let live = true
    explainCell(row, column).then(
      (explanation) => live && setLoaded(explanation ? { state: 'ready', explanation } : { state: 'gone' }),
      () => live && setLoaded({ state: 'gone' }),
    )
    return () => {
      live = false
    }
  }, [explainCell, row, column, grid, options, request])

  // Escape: App's useEscapeLayers (the inspector first, then this panel, then drawers).

  const open = (key: ResourceKey) => {
    select({ kind: 'resource', key })
    revealResource(key)
  }

  const rowLabel = grid?.rows[row]?.label
  const columnLabel = grid?.columns[column]?.label
  // Predict-then-reveal: a cell of the lesson step being predicted is explained only after the reveal.
  const hidden = isHiddenCell(useHiddenCells(), rowLabel ?? '', columnLabel ?? '')
  const ex = loaded.state === 'ready' && !hidden ? loaded.explanation : undefined

  return (
    <aside className="explain" aria-labelledby="explain-title">
      <header className="explain-header">
        <div>
          <p className="explain-kicker">Why this code?</p>
          <h2 id="explain-title" className="explain-title">
            {ex ? ex.client : rowLabel} <span aria-hidden="true">→</span>
            <span className="visually-hidden"> to </span> {ex ? ex.target : columnLabel}
          </h2>
        </div>
        <Button icon="close" variant="ghost" aria-label="Close explanation" title="Close (Esc)" onClick={onClose} />
      </header>
      <div className="explain-body">
        {hidden && (
          <p className="explain-muted" role="note">
            You are predicting this cell in the lesson. Its code and why appear when you reveal the step.
          </p>
        )}
        {!hidden && loaded.state === 'loading' && <p className="explain-muted">Working out the explanation…</p>}
        {loaded.state === 'gone' && <p className="explain-muted">This cell is no longer in the grid.</p>}
        {ex && <CellExpectation row={row} column={column} />}
        {ex && <ExplanationBody ex={ex} onOpen={open} />}
        {ex && <RunLoopSection row={row} column={column} />}
      </div>
    </aside>
  )
}

function ExplanationBody({ ex, onOpen }: { ex: CellExplanation; onOpen(key: ResourceKey): void }) {
  const look = lookOfVerdict(ex.verdict)
  return (
    <>
      <div className={`explain-verdict tone-${look.tone}`}>
        <span className="explain-verdict-code">
          <span aria-hidden="true">{look.symbol} </span>
          {look.text}
        </span>
        <span className="explain-verdict-rule">
          <span>
            decided by <strong>{ex.decidedBy}</strong>
          </span>
          <span className="explain-verdict-title">{ruleTitle(ex.decidedBy)}</span>
        </span>
      </div>

      {ex.realIstio && (
        <div className="explain-note" role="note">
          <Icon name="alert" />
          <div>
            <strong>Real Istio differs.</strong> {ex.realIstio}
          </div>
        </div>
      )}

      <h3 className="explain-section">Steps</h3>
      <ol className="explain-steps">
        {ex.steps.map((step, i) => (
          <li key={i}>
            <span className="explain-rule" title={ruleTitle(step.rule)}>
              {step.rule}
            </span>
            <StepText text={step.text} onOpen={onOpen} />
          </li>
        ))}
      </ol>

      <h3 className="explain-section">Objects and modes</h3>
      <dl className="explain-facts">
        <dt>Policy</dt>
        <dd>
          {ex.policy.key ? <ResourceLink resourceKey={ex.policy.key} onOpen={onOpen} /> : <span className="explain-muted">None</span>}
          <span className="explain-fact-note">
            {ex.policy.level === 'none' ? ex.policy.reason : `${POLICY_LEVEL_WORDS[ex.policy.level] ?? ex.policy.level}: ${ex.policy.reason}`}
          </span>
        </dd>
        <dt>DestinationRule</dt>
        <dd>
          {ex.destinationRule.key ? <ResourceLink resourceKey={ex.destinationRule.key} onOpen={onOpen} /> : <span className="explain-muted">None</span>}
          {ex.destinationRule.tlsMode && (
            <span className="explain-fact-note">
              TLS mode <code>{ex.destinationRule.tlsMode}</code>
              {ex.destinationRule.portLevelIndex !== undefined && ` (portLevelSettings[${ex.destinationRule.portLevelIndex}])`}
            </span>
          )}
          <span className="explain-fact-note">{ex.destinationRule.reason}</span>
        </dd>
        <dt>Client sends</dt>
        <dd>{TRANSPORT_WORDS[ex.transport]}</dd>
        <dt>Server accepts</dt>
        <dd>{SERVER_WORDS[ex.serverMode]}</dd>
      </dl>

      <h3 className="explain-section">Check it on a cluster</h3>
      <pre className="explain-command">
        <code>{ex.command}</code>
      </pre>
      <div className="explain-command-actions">
        <CopyButton text={ex.command} label="Copy command" />
      </div>
    </>
  )
}

function ResourceLink({ resourceKey, onOpen }: { resourceKey: ResourceKey; onOpen(key: ResourceKey): void }) {
  return (
    <button type="button" className="explain-link" onClick={() => onOpen(resourceKey)} title="Select on the canvas and show in the YAML">
      {resourceName(resourceKey)}
    </button>
  )
}
