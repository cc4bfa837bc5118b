import { useState } from 'react'
import { useStore } from 'zustand'
import { persistence, saveStatus, type SaveProblem } from '../../store'
import { Banner, Button, downloadFile } from '../components'
import './SaveNotices.css'

function exportJson(name: string, text: string) {
  downloadFile(name, text, 'application/json')
}

function Problem({ problem, onMessage, onDismiss }: { problem: SaveProblem; onMessage(text: string): void; onDismiss(): void }) {
  switch (problem.kind) {
    case 'set-aside':
      return (
        <Banner tone="error" onDismiss={onDismiss}>
          <span>
            Your last design could not be opened ({problem.reason}), so it was set aside and the example opened instead.{' '}
          </span>
          <span className="save-actions">
            <Button
              onClick={() => {
                const opened = persistence.openSetAside()
                onMessage(opened.ok ? 'Opened the set-aside design.' : opened.message)
              }}
            >
              Open it anyway
            </Button>
            <Button icon="download" disabled={problem.text === ''} onClick={() => exportJson('set-aside-design.json', problem.text)}>
              Export it
            </Button>
            <Button onClick={() => persistence.discardSetAside()}>Discard it</Button>
          </span>
        </Banner>
      )
    case 'not-saved':
      return (
        <Banner tone="error" onDismiss={onDismiss}>
          <span>This design is not saved: {problem.reason}. Export it to keep it. </span>
          <span className="save-actions">
            <Button icon="download" onClick={() => exportJson('design.json', persistence.designText())}>
              Export
            </Button>
            <Button onClick={() => void persistence.saveNow()}>Retry</Button>
          </span>
        </Banner>
      )
    case 'other-tab':
      return (
        <Banner tone="error" onDismiss={onDismiss}>
          <span>This design was changed in another tab. Saving here is paused so neither version is lost. </span>
          <span className="save-actions">
            <Button
              onClick={() =>
                void persistence.loadOtherTab().then((r) => onMessage(r.ok ? "Loaded the other tab's design; Undo brings yours back." : r.message))
              }
            >
              Load the other tab&apos;s version
            </Button>
            <Button onClick={() => void persistence.saveNow()}>Keep mine</Button>
          </span>
        </Banner>
      )
  }
}

/** What saving has to say, at once: a set-aside design, a failed save, another tab's save. */
export function SaveNotices() {
  const status = useStore(saveStatus)
  const [message, setMessage] = useState<string>()
  // Dismissing hides this report only; a new one (another failure) shows again.
  const [hidden, setHidden] = useState<readonly SaveProblem[]>([])
  return (
    <div className="save-notices" aria-label="Saving">
      {status.loading && (
        <Banner tone="info" onDismiss={() => undefined}>
          Opening your saved design from IndexedDB…
        </Banner>
      )}
      {status.problems
        .filter((p) => !hidden.includes(p))
        .map((p) => (
          <Problem key={p.kind} problem={p} onMessage={setMessage} onDismiss={() => setHidden((h) => [...h, p])} />
        ))}
      {message && (
        <Banner tone="info" onDismiss={() => setMessage(undefined)}>
          {message}
        </Banner>
      )}
    </div>
  )
}
