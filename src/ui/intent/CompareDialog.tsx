import { useState, type ChangeEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { importYamlText } from '../../store'
import { LAST_EXPORT, useIntentStore } from '../../store/intent'
import { Button, Dialog } from '../components'

export interface CompareDialogProps {
  open: boolean
  onClose(): void
  onCompared(): void
}

/** Save the design under a name, or pick what to compare it with: a snapshot, the last export, a file. */
export function CompareDialog({ open, onClose, onCompared }: CompareDialogProps) {
  const { snapshots, saveSnapshot, deleteSnapshot, compareWith } = useIntentStore(
    useShallow((s) => ({ snapshots: s.snapshots, saveSnapshot: s.saveSnapshot, deleteSnapshot: s.deleteSnapshot, compareWith: s.compareWith })),
  )
  const [name, setName] = useState('')
  const [problem, setProblem] = useState<string>()

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (!file) return
    const { objects, problems } = importYamlText(await file.text(), file.name)
    const error = problems.find((p) => p.severity === 'error')
    if (error) return setProblem(`${file.name}:${error.line}:${error.column}: ${error.message}`)
    setProblem(undefined)
    compareWith(file.name, objects)
    onCompared()
  }

  return (
    <Dialog open={open} title="Compare with another version" onClose={onClose} width={560}>
      <form
        className="compare-save"
        onSubmit={(e) => {
          e.preventDefault()
          const trimmed = name.trim()
          if (!trimmed) return
          saveSnapshot(trimmed)
          setName('')
        }}
      >
        <label htmlFor="snapshot-name">Save the current design as</label>
        <input id="snapshot-name" value={name} placeholder="e.g. before STRICT" onChange={(e) => setName(e.target.value)} />
        <Button type="submit" variant="primary" disabled={name.trim() === ''}>
          Save version
        </Button>
      </form>
      <h3 className="compare-heading">Saved in this browser</h3>
      {snapshots.length === 0 ? (
        <p className="compare-empty">No saved versions yet. Exports are remembered as “{LAST_EXPORT}”.</p>
      ) : (
        <ul className="compare-list" aria-label="Saved versions">
          {snapshots.map((s) => (
            <li key={s.name}>
              <span className="compare-name">{s.name}</span>
              <span className="compare-when">{new Date(s.savedAt).toLocaleString()} · {s.resources.length} objects</span>
              <Button
                aria-label={`Compare with ${s.name}`}
                onClick={() => {
                  compareWith(s.name, s.resources)
                  onCompared()
                }}
              >
                Compare
              </Button>
              <Button variant="ghost" icon="close" aria-label={`Delete ${s.name}`} title="Delete" onClick={() => deleteSnapshot(s.name)} />
            </li>
          ))}
        </ul>
      )}
      <h3 className="compare-heading">A file</h3>
      <label className="compare-file">
        <span>Compare with a YAML file…</span>
        <input type="file" accept=".yaml,.yml,.json,text/yaml" onChange={(e) => void onFile(e)} />
      </label>
      {problem && (
        <p className="compare-problem" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  )
}
