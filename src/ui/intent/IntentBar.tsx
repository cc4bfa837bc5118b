import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { useIntentStore } from '../../store/intent'
import { Button } from '../components'
import { CompareDialog } from './CompareDialog'
import { IntentDrawer } from './IntentDrawer'
import { StagedBar } from './StagedBar'
import type { IntentOverlay } from './useIntentOverlay'
import './intent.css'

export interface IntentBarProps {
  overlay: IntentOverlay
  /** Opens a cell's explanation (it says which expectation applied). */
  onExplain(row: number, column: number): void
}

/** Under the grid's header: expect mode, the violations summary and stepping, fixes, comparisons. */
export function IntentBar({ overlay, onExplain }: IntentBarProps) {
  const { expectMode, setExpectMode, startSuggest, suggest, comparison, stopComparing } = useIntentStore(
    useShallow((s) => ({ expectMode: s.expectMode, setExpectMode: s.setExpectMode, startSuggest: s.startSuggest, suggest: s.suggest, comparison: s.comparison, stopComparing: s.stopComparing })),
  )
  const [step, setStep] = useState(-1)
  const [compareOpen, setCompareOpen] = useState(false)
  const [drawer, setDrawer] = useState<'fixes' | 'changes' | 'try' | 'staged' | undefined>()
  const { previewing, startPreview } = useDesignerStore(useShallow((s) => ({ previewing: s.staging !== undefined, startPreview: s.startPreview })))
  const { violations, total } = overlay
  const count = violations.length

  function go(delta: number) {
    if (count === 0) return
    const next = ((step < 0 ? (delta > 0 ? -1 : 0) : step) + delta + count) % count
    setStep(next)
    const v = violations[next]
    if (v && v.row >= 0 && v.column >= 0) onExplain(v.row, v.column)
  }

  const summary =
    total === 0
      ? expectMode
        ? 'Click a cell, a client or a port to expect allow, then deny'
        : 'No expectations yet'
      : count === 0
        ? `All ${total} ${total === 1 ? 'expectation holds' : 'expectations hold'}`
        : `${count} of ${total} ${total === 1 ? 'expectation' : 'expectations'} violated`
  const current = step >= 0 && step < count ? violations[step] : undefined

  return (
    <>
      <div className="intent-bar" role="group" aria-label="Intent">
        <Button variant={expectMode ? 'primary' : 'default'} aria-pressed={expectMode} title="Expect mode: clicks on cells and headers set what must happen" onClick={() => setExpectMode(!expectMode)}>
          Expect
        </Button>
        <span className={`intent-summary${count > 0 ? ' is-violated' : total > 0 ? ' is-holding' : ''}`} role="status" aria-live="polite">
          {count > 0 && <span className="intent-summary-mark" aria-hidden="true">!</span>}
          {summary}
          {current && (
            // The details are in the open explanation; screen readers hear them here.
            <span className="visually-hidden">
              {' · '}
              {step + 1}/{count}: {current.from} → {current.to}
              {current.request && ` (${current.request})`}, expected {current.expect}, got {current.got}
            </span>
          )}
        </span>
        {count > 0 && (
          <>
            <Button icon="prev" variant="ghost" aria-label="Previous violation" title="Previous violation" onClick={() => go(-1)} />
            {current && (
              <span className="intent-step" aria-hidden="true" title={`${current.from} → ${current.to}, expected ${current.expect}, got ${current.got}`}>
                {step + 1}/{count}
              </span>
            )}
            <Button icon="next" variant="ghost" aria-label="Next violation" title="Next violation" onClick={() => go(1)} />
            <Button
              aria-label="Suggest fixes"
              title="Suggest fixes: the smallest edits that make every expectation hold"
              onClick={() => {
                startSuggest()
                setDrawer('fixes')
              }}
              disabled={suggest.status === 'running'}
            >
              Fixes
            </Button>
          </>
        )}
        {!previewing && (
          // While previewing, the strip below takes its place: Apply or Discard end the preview.
          <Button
            icon="staged"
            aria-label="Preview edits"
            title="Preview edits: every edit is staged and the grid shows before → after, until you Apply (one undo step) or Discard"
            onClick={startPreview}
          >
            <span className="intent-bar-label">Preview</span>
          </Button>
        )}
        <Button icon="paste" variant="ghost" aria-label="Preview an edit" title="Preview an edit: paste objects, see what the grid would become, then apply or discard" onClick={() => setDrawer('try')} />
        <Button icon="eye" variant="ghost" aria-label="Compare…" title="Compare with a saved version, the last export or a file" onClick={() => setCompareOpen(true)} />
        {comparison && (
          <span className="intent-comparing">
            <span className="visually-hidden">Comparing </span>vs <strong>{comparison.name}</strong>
            {comparison.diff ? `: ${comparison.diff.cells.length} ${comparison.diff.cells.length === 1 ? 'cell changes' : 'cells change'}` : '…'}
            <Button variant="ghost" onClick={() => setDrawer('changes')}>
              Show changes
            </Button>
            <Button variant="ghost" icon="close" aria-label="Stop comparing" title="Stop comparing" onClick={() => { stopComparing(); if (drawer === 'changes') setDrawer(undefined) }} />
          </span>
        )}
        <CompareDialog
          open={compareOpen}
          onClose={() => setCompareOpen(false)}
          onCompared={() => {
            setCompareOpen(false)
            setDrawer('changes')
          }}
        />
        {drawer && <IntentDrawer view={drawer} onClose={() => setDrawer(undefined)} />}
      </div>
      <StagedBar onShowChanges={() => setDrawer('staged')} />
    </>
  )
}
