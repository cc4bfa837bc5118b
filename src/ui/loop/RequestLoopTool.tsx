import { useEffect, useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { isHiddenCell } from '../../store/workshop'
import { useHiddenCells } from '../grid'
import { findToken, formatTimeOfDay, inspectToken, loopSetupProblem, loopShellCommand, MAX_LOOP_COUNT, pathFor, runLoop, tokenEntries, type LoopCell, type LoopRun } from '../../store/tokens'
import { Button } from '../components'
import { useAuthTools } from '../request/toolsState'
import { realNow, useSimulatedNow } from '../request/useClock'
import { columnValue, EXTERNAL, ingressRouteLabel } from './loopCells'
import { LoopResults, zoneOf } from './LoopResults'
import './loop.css'

const NO_TOKEN = ''
type StartAt = 'now' | 'iat'

/**
 * The seed's `for i in 1..10; curl; sleep 1` against one cell, with a chosen token: every request is
 * computed at once at start, start + interval, ... of the simulated clock (nothing waits).
 */
export function RequestLoopTool() {
  const { grid, request, model, options } = useDesignerStore(useShallow((s) => ({ grid: s.gridState.grid, request: s.request, model: s.model, options: s.options })))
  const preset = useAuthTools((s) => s.loopCell)
  const now = useSimulatedNow()
  const id = useId()
  const rows = grid?.rows ?? []
  const columns = grid?.columns ?? []
  const [from, setFrom] = useState(() => (rows.some((r) => r.external) ? EXTERNAL : (rows[0]?.workloadKey ?? '')))
  const [to, setTo] = useState(() => (columns[0] ? columnValue(columns[0]) : ''))
  const [tokenId, setTokenId] = useState(request.tokenId ?? NO_TOKEN)
  const [count, setCount] = useState('10')
  const [interval, setIntervalText] = useState('1')
  const [startAt, setStartAt] = useState<StartAt>('now')
  const [result, setResult] = useState<{ run: LoopRun; command: string; where: string; basis: unknown[] } | { error: string }>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!preset) return
    applyCell(preset.cell)
    setResult(undefined)
  }, [preset])

  function applyCell(cell: LoopCell) {
    if (cell.kind === 'external') return setFrom(EXTERNAL)
    setFrom(cell.workloadKey)
    setTo(columnValue(cell))
  }

  const external = from === EXTERNAL
  const routedTo = ingressRouteLabel(grid)
  const token = findToken(request, tokenId === NO_TOKEN ? undefined : tokenId)
  const seen = token ? inspectToken(token.jwt) : undefined
  const iat = seen?.ok && typeof seen.claims.iat === 'number' ? seen.claims.iat : undefined
  const start = startAt === 'iat' && iat !== undefined ? iat : now
  const setup = { count: Number(count), intervalSeconds: Number(interval) }
  const problem = count.trim() === '' || interval.trim() === '' ? 'Give a count and an interval.' : loopSetupProblem(setup)
  const cellKnown = external ? rows.some((r) => r.external) : rows.some((r) => r.workloadKey === from) && columns.some((c) => columnValue(c) === to)

  // Predict-then-reveal: no loop over a cell of the lesson step being predicted.
  const hiddenCells = useHiddenCells()
  const toLabel = columns.find((c) => columnValue(c) === to)?.label ?? ''
  const hidden = external ? isHiddenCell(hiddenCells, EXTERNAL, toLabel) : isHiddenCell(hiddenCells, rows.find((r) => r.workloadKey === from)?.label ?? '', toLabel)

  async function run() {
    if (problem || !cellKnown || hidden) return
    const column = columns.find((c) => columnValue(c) === to)
    const cell: LoopCell = external || !column ? { kind: 'external' } : { kind: 'workload', workloadKey: from, serviceKey: column.serviceKey, port: column.port }
    const state = useDesignerStore.getState()
    // A running clock is read when the button is pressed, not at the last render.
    const startNow = startAt === 'iat' && iat !== undefined ? iat : (state.request.frozenNow ?? realNow())
    setBusy(true)
    try {
      const done = await runLoop(state.model.mesh, state.options, state.request, { cell, tokenId: token?.id, start: startNow, ...setup })
      const base = external ? '$INGRESS_HOST' : `http://${column?.label ?? ''}`
      const command = loopShellCommand({ base, path: done.path, headers: done.headers, jwt: done.jwt, count: setup.count, intervalSeconds: setup.intervalSeconds })
      setResult({ run: done, command, where: external ? 'from outside the cluster' : `in the pod of ${rows.find((r) => r.workloadKey === from)?.label ?? from}`, basis: [state.model, state.request, state.options] })
    } catch (error) {
      setResult({ error: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(false)
    }
  }

  const stale = result !== undefined && 'run' in result && (result.basis[0] !== model || result.basis[1] !== request || result.basis[2] !== options)

  return (
    <div className="loop-tool">
      <section className="tools-section" aria-labelledby="loop-title">
        <p id="loop-title" className="tools-intro">The seed's <code>for i in 1..10; curl; sleep 1</code>, computed at once on the simulated clock: the token is checked at each instant.</p>
        <form
          className="loop-form"
          onSubmit={(e) => {
            e.preventDefault()
            void run()
          }}
        >
          <div className="tools-grid-2">
            <div className="tools-field">
              <label className="tools-field-label" htmlFor={`${id}-from`}>
                From
              </label>
              <select id={`${id}-from`} className="tools-select" value={from} onChange={(e) => setFrom(e.target.value)}>
                {rows.map((r) => (
                  <option key={r.label} value={r.external ? EXTERNAL : (r.workloadKey ?? r.label)}>
                    {r.external ? 'external (through the ingress)' : r.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="tools-field">
              <label className="tools-field-label" htmlFor={`${id}-to`}>
                To
              </label>
              <select id={`${id}-to`} className="tools-select" value={external ? '' : to} disabled={external} onChange={(e) => setTo(e.target.value)}>
                {external && <option value="">{routedTo ? `${routedTo} (routed)` : `no route for ${pathFor(request, 'ingress')}`}</option>}
                {columns.map((c) => (
                  <option key={c.label} value={columnValue(c)}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="tools-field">
              <label className="tools-field-label" htmlFor={`${id}-token`}>
                Token
              </label>
              <select id={`${id}-token`} className="tools-select" value={token ? token.id : NO_TOKEN} onChange={(e) => setTokenId(e.target.value)}>
                <option value={NO_TOKEN}>No token</option>
                {tokenEntries(request).map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="tools-field">
              <label className="tools-field-label" htmlFor={`${id}-start`}>
                Start at
              </label>
              <select id={`${id}-start`} className="tools-select" value={startAt === 'iat' && iat !== undefined ? 'iat' : 'now'} onChange={(e) => setStartAt(e.target.value as StartAt)}>
                <option value="now">Now ({formatTimeOfDay(now)})</option>
                <option value="iat" disabled={iat === undefined}>
                  Token's iat{iat !== undefined ? ` (${formatTimeOfDay(iat)})` : ''}
                </option>
              </select>
            </div>
            <div className="tools-field">
              <label className="tools-field-label" htmlFor={`${id}-count`}>
                Requests
              </label>
              <input id={`${id}-count`} className="tools-input" type="number" min={1} max={MAX_LOOP_COUNT} step={1} value={count} onChange={(e) => setCount(e.target.value)} />
            </div>
            <div className="tools-field">
              <label className="tools-field-label" htmlFor={`${id}-interval`}>
                Every (seconds)
              </label>
              <input id={`${id}-interval`} className="tools-input" type="number" min={0} step={1} value={interval} onChange={(e) => setIntervalText(e.target.value)} />
            </div>
          </div>
          {problem && <p className="tools-error">{problem}</p>}
          {!cellKnown && rows.length > 0 && <p className="tools-error">Pick a client and a service port of the grid.</p>}
          {hidden && <p className="tools-error">This cell is one you are predicting in the lesson step: reveal the step first.</p>}
          <div className="tools-row">
            <span className="tools-field-hint">
              {setup.count > 0 && !problem ? `${setup.count} requests from ${formatTimeOfDay(start)} to ${formatTimeOfDay(start + (setup.count - 1) * setup.intervalSeconds)} local time (${zoneOf(start)})` : ''}
            </span>
            <span className="reqbar-spacer" />
            <Button type="submit" variant="primary" disabled={busy || problem !== undefined || !cellKnown || hidden}>
              {busy ? 'Running…' : 'Run loop'}
            </Button>
          </div>
        </form>
      </section>
      {result && 'error' in result && <p className="tools-error">{result.error}</p>}
      {result && 'run' in result && !hidden && <LoopResults run={result.run} command={result.command} where={result.where} stale={stale} />}
    </div>
  )
}
