import { useEffect, useId, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { advanced, formatInstant, formatTimeOfDay, frozenAt, fromDateTimeLocal, toDateTimeLocal } from '../../store/tokens'
import { Button, Icon } from '../components'
import { realNow, useSimulatedNow } from './useClock'

const STEPS: readonly { seconds: number; text: string; words: string }[] = [
  { seconds: 1, text: '+1 s', words: '1 second' },
  { seconds: 10, text: '+10 s', words: '10 seconds' },
  { seconds: 60, text: '+1 min', words: '1 minute' },
]

/** The simulated clock every verification uses: real time, or frozen, set and advanced by hand. */
export function ClockControls() {
  const { frozenNow, setRequest } = useDesignerStore(useShallow((s) => ({ frozenNow: s.request.frozenNow, setRequest: s.setRequest })))
  const now = useSimulatedNow()
  const frozen = frozenNow !== undefined
  const [setting, setSetting] = useState(false)

  return (
    <div className="reqbar-group reqbar-clock" role="group" aria-label="Simulated clock">
      <span className="reqbar-label">Clock</span>
      <div className="reqbar-time-wrap">
        <button
          type="button"
          className={`reqbar-time${frozen ? ' is-frozen' : ''}`}
          aria-label={`Set the simulated time (now ${formatInstant(now)}, ${frozen ? 'frozen' : 'following real time'})`}
          aria-expanded={setting}
          title={`${formatInstant(now)} local time, ${frozen ? 'frozen' : 'following real time'}. Click to set.`}
          onClick={() => setSetting((v) => !v)}
        >
          <span className={`reqbar-time-dot${frozen ? ' is-frozen' : ''}`} aria-hidden="true" />
          <time dateTime={new Date(now * 1000).toISOString()} data-testid="simulated-time">
            {formatTimeOfDay(now)}
          </time>
          <span className="reqbar-time-state">{frozen ? 'frozen' : 'live'}</span>
        </button>
        {setting && <SetTimePopover now={now} onClose={() => setSetting(false)} onSet={(t) => setRequest({ frozenNow: t })} />}
      </div>
      {frozen ? (
        <Button variant="ghost" className="reqbar-btn" aria-label="Back to real time" title="Let the clock follow real time again" onClick={() => setRequest({ frozenNow: undefined })}>
          <Icon name="play" />
          <span>Real time</span>
        </Button>
      ) : (
        <Button variant="ghost" className="reqbar-btn" aria-label="Freeze the clock" title="Stop the clock at this second" onClick={() => setRequest(frozenAt({ frozenNow }, realNow()))}>
          <Icon name="pause" />
          <span>Freeze</span>
        </Button>
      )}
      <div className="reqbar-steps">
        {STEPS.map((step) => (
          <button
            key={step.seconds}
            type="button"
            className="reqbar-step"
            aria-label={`Advance the clock by ${step.words}`}
            title={`Advance the clock by ${step.words} (freezes it)`}
            onClick={() => setRequest(advanced({ frozenNow: useDesignerStore.getState().request.frozenNow }, step.seconds, realNow()))}
          >
            {step.text}
          </button>
        ))}
      </div>
    </div>
  )
}

function SetTimePopover({ now, onClose, onSet }: { now: number; onClose(): void; onSet(seconds: number): void }) {
  const [text, setText] = useState(() => toDateTimeLocal(now))
  const ref = useRef<HTMLFormElement>(null)
  const inputId = useId()
  const parsed = fromDateTimeLocal(text)

  useEffect(() => {
    ref.current?.querySelector('input')?.focus()
    const onPointer = (e: PointerEvent) => {
      if (!ref.current?.parentElement?.contains(e.target as Node)) onClose()
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [onClose])

  return (
    <form
      ref={ref}
      className="reqbar-popover"
      aria-label="Set the simulated time"
      onSubmit={(e) => {
        e.preventDefault()
        if (parsed === undefined) return
        onSet(parsed)
        onClose()
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        e.stopPropagation()
        onClose()
      }}
    >
      <label htmlFor={inputId} className="reqbar-popover-label">
        Simulated date and time (local)
      </label>
      <input id={inputId} type="datetime-local" step="1" value={text} aria-invalid={parsed === undefined || undefined} onChange={(e) => setText(e.target.value)} />
      <p className="reqbar-popover-hint">Setting a time freezes the clock there. Tokens are checked against it: valid while now &lt; exp.</p>
      <div className="reqbar-popover-actions">
        <Button onClick={() => setText(toDateTimeLocal(realNow()))}>Now</Button>
        <Button type="submit" variant="primary" disabled={parsed === undefined}>
          Set time
        </Button>
      </div>
    </form>
  )
}
