import { useEffect, useRef, useState } from 'react'
import { Button, Dialog, parsingLabel } from '../components'
import './PasteDialog.css'

export interface PasteDialogProps {
  open: boolean
  onClose(): void
  /** Resolves to an error message to show, or undefined when the text was imported. */
  onImport(text: string, mode: 'replace' | 'add'): Promise<string | undefined>
  /** Characters of the pasted text being parsed off the main thread; undefined when none is. */
  parsing?: number | undefined
}

/** Paste YAML (several documents, `---` between them) to replace the design or add to it. */
export function PasteDialog({ open, onClose, onImport, parsing }: PasteDialogProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  // One import at a time: the buttons wait for the store's answer (a big text is parsed in a worker).
  const [busy, setBusy] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (!open) return
    setError(undefined)
    requestAnimationFrame(() => area.current?.focus())
  }, [open])

  const submit = async (mode: 'replace' | 'add') => {
    setBusy(true)
    const problem = await onImport(text, mode).finally(() => setBusy(false))
    if (problem) {
      setError(problem)
      return
    }
    setText('')
    onClose()
  }

  return (
    <Dialog
      open={open}
      title="Paste YAML"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          {parsing !== undefined && (
            <span className="paste-parsing" role="status">
              {parsingLabel(parsing)}
            </span>
          )}
          <Button disabled={busy || !text.trim()} onClick={() => void submit('add')}>
            Add to design
          </Button>
          <Button variant="primary" disabled={busy || !text.trim()} onClick={() => void submit('replace')}>
            Replace design
          </Button>
        </>
      }
    >
      <label className="paste-label" htmlFor="paste-text">
        Kubernetes and Istio objects, several documents separated by <code>---</code>. Documents of <code>kind: Intent</code> load the expectations.
      </label>
      <textarea
        id="paste-text"
        ref={area}
        className="paste-text"
        value={text}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'paste-error' : undefined}
        onChange={(e) => {
          setText(e.target.value)
          setError(undefined)
        }}
        placeholder={'apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\n...'}
      />
      {error && (
        <p id="paste-error" className="paste-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}
