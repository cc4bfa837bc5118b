/**
 * What the grid shows of the intent: the marks of every cell (expectation, violation, the other
 * side of a comparison or preview) and the list of violations to step through. Expectations that
 * name their own request are checked on their own grids, asynchronously.
 */
import { useEffect, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { intent as engineIntent, formatVerdict, NO_REQUEST, verdictById, type Verdict } from '../../engine'
import type { CellCheck, DesignDiff, Expectation } from '../../engine/intent'
import { useDesignerStore } from '../../store'
import type { GridView } from '../../store/types'
import { currentCheckInput, intentMarks, parsedIntent, useIntentStore } from '../../store/intent'
import type { GridCellMark, GridMarks } from '../grid'

export interface Violation {
  row: number
  column: number
  from: string
  to: string
  expect: string
  got: string
  line: number
  /** The request it was checked with, in words; '' for the current request. */
  request: string
}

export interface IntentOverlay {
  marks: GridMarks | undefined
  violations: Violation[]
  total: number
  expectations: Expectation[]
}

function otherText(v: Verdict | undefined): string {
  return v ? formatVerdict(v) : '—'
}

function diffMarks(diff: DesignDiff | undefined, side: 'before' | 'after', into: Map<string, GridCellMark>): void {
  if (!diff) return
  for (const c of diff.cells) {
    const key = `${c.from}|${c.to}`
    into.set(key, { ...into.get(key), other: otherText(side === 'before' ? c.before : c.after), otherSide: side })
  }
}

function requestWords(e: Expectation | undefined): string {
  const r = e?.request
  if (!r) return ''
  return [r.method, r.path, r.token !== undefined ? `token ${r.token === 'none' || r.token === 'demo' ? r.token : 'given'}` : ''].filter(Boolean).join(' ')
}

/** Checks of expectations that carry a request (each on its own grid), recomputed with the design. */
function useRequestChecks(grid: GridView | undefined, text: string, expectations: Expectation[]): CellCheck[] {
  const model = useDesignerStore((s) => s.model)
  const [checks, setChecks] = useState<CellCheck[]>([])
  const withRequest = useMemo(() => expectations.some((e) => engineIntent.requestKey(e.request) !== ''), [expectations])
  useEffect(() => {
    if (!withRequest) return setChecks([])
    let live = true
    engineIntent.checkModel(model, expectations, currentCheckInput()).then(
      (result) => live && setChecks(result.checks.filter((c) => c.request !== '')),
      () => live && setChecks([]),
    )
    return () => {
      live = false
    }
  }, [grid, model, text, withRequest, expectations])
  return checks
}

export function useIntentOverlay(grid: GridView | undefined): IntentOverlay {
  const text = useDesignerStore((s) => s.intent)
  const { expectMode, comparison, preview } = useIntentStore(useShallow((s) => ({ expectMode: s.expectMode, comparison: s.comparison, preview: s.preview })))
  // Preview mode: the grid is the staged design's; each cell the staged edits move shows what it was.
  const stagedDiff = useDesignerStore((s) => s.staging?.diff)
  const expectations = parsedIntent(text).expectations
  const current = useMemo(() => expectations.filter((e) => engineIntent.requestKey(e.request) === ''), [expectations])
  const summary = useMemo(() => intentMarks(grid, current), [grid, current])
  const requestChecks = useRequestChecks(grid, text, expectations)

  return useMemo(() => {
    const byCell = new Map<string, GridCellMark>()
    for (const [key, m] of summary.cells) byCell.set(key, { expect: m.expect, violated: m.violated })
    diffMarks(comparison?.diff, 'before', byCell)
    diffMarks(stagedDiff, 'before', byCell)
    diffMarks(preview?.diff, 'after', byCell)
    const violations: Violation[] = summary.violated.map(({ row, column }) => {
      const from = grid?.rows[row]?.label ?? ''
      const to = grid?.columns[column]?.label ?? ''
      const m = summary.cells.get(`${from}|${to}`)
      const e = m ? current[m.expectation] : undefined
      const id = grid?.cells[row * (grid?.columns.length ?? 0) + column]
      const got = id === undefined ? undefined : engineIntent.formatGot(id === NO_REQUEST ? undefined : verdictById(id))
      return { row, column, from, to, expect: m?.expect ?? '', got: got ?? '', line: e?.line ?? 0, request: '' }
    })
    for (const c of requestChecks) {
      if (c.holds) continue
      const row = grid?.rows.findIndex((r) => r.label === c.from) ?? -1
      const column = grid?.columns.findIndex((col) => col.label === c.to) ?? -1
      const e = expectations[c.expectation]
      violations.push({ row, column, from: c.from, to: c.to, expect: e ? engineIntent.formatOutcome(e.expect) : '', got: engineIntent.formatGot(c.got), line: e?.line ?? 0, request: requestWords(e) })
    }
    const any = byCell.size > 0 || expectMode
    return { marks: any ? { byCell, expectMode } : undefined, violations, total: summary.total + requestChecks.length, expectations }
  }, [summary, comparison, stagedDiff, preview, expectMode, grid, current, requestChecks, expectations])
}

