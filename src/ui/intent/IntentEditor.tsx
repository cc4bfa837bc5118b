import { Suspense, useEffect, useMemo, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { checkIntentReferences } from '../../intent/references'
import { useDesignerStore } from '../../store'
import { parsedIntent } from '../../store/intent'
import { YamlEditor, type EditorMarker } from '../yaml-editor'
import './intent.css'

export const INTENT_PATH = 'file:///intent.yaml'

const PLACEHOLDER = 'No expectations yet. Write them here (see the format in src/intent/FORMAT.md), or switch on Expect above the grid and click cells, clients or ports.'

/** The Intent tab: intent.yaml with its problems at their line and column. */
export function IntentEditor() {
  const { text, mesh, setIntent } = useDesignerStore(useShallow((s) => ({ text: s.intent, mesh: s.model.mesh, setIntent: s.setIntent })))
  const parsed = parsedIntent(text)
  const problems = useMemo(() => [...parsed.problems, ...(parsed.problems.length === 0 ? checkIntentReferences(parsed, mesh) : [])], [parsed, mesh])
  const markers = useMemo<EditorMarker[]>(
    () => problems.map((p) => ({ line: p.line, column: p.column, endLine: p.endLine, endColumn: Math.max(p.endColumn, p.column + 1), severity: p.severity, message: p.message, code: p.code })),
    [problems],
  )
  // Typing: the grid's marks follow a moment after the last key.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const pending = useRef<string | undefined>(undefined)
  useEffect(
    () => () => {
      clearTimeout(timer.current)
      if (pending.current !== undefined) useDesignerStore.getState().setIntent(pending.current)
    },
    [],
  )
  const onChange = (next: string) => {
    pending.current = next
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      pending.current = undefined
      setIntent(next)
    }, 200)
  }

  return (
    <div className="intent-editor">
      <div className="editor-host">
        <Suspense fallback={<p className="editor-loading">Loading editor…</p>}>
          <YamlEditor modelPath={INTENT_PATH} value={text} onChange={onChange} schemas={[]} markers={markers} ariaLabel="Intent YAML" />
        </Suspense>
        {!/^[ \t]*[^#\s]/m.test(text) && (
          <p className="editor-empty" aria-hidden="true">
            {PLACEHOLDER}
          </p>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="intent-problems" aria-label="Intent problems">
          {problems.map((p, i) => (
            <li key={i} className={`sev-${p.severity}`}>
              <span className="intent-problem-where">
                intent.yaml:{p.line}:{p.column}
              </span>{' '}
              <code>{p.code}</code> {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
