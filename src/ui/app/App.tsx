import { Suspense, useState } from 'react'
import { YamlEditor, type EditorMarker, type EditorSchema } from '../yaml-editor'
import './App.css'

// Temporary shell proving the editor end to end; the real UI replaces this file.

const SAMPLE = `apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata:
  name: default
  namespace: foo
spec:
  peers:
  - mtls: {}
`

const SCHEMAS: EditorSchema[] = [
  {
    uri: 'https://mesh-auth-designer.invalid/schemas/policy.json',
    fileMatch: ['**/istio.yaml'],
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['apiVersion', 'kind', 'metadata'],
      properties: {
        apiVersion: { const: 'authentication.istio.io/v1alpha1' },
        kind: { const: 'Policy' },
        metadata: { type: 'object', properties: { name: { type: 'string' }, namespace: { type: 'string' } } },
        spec: { type: 'object' },
      },
    },
  },
]

const MARKERS: EditorMarker[] = [
  { line: 8, severity: 'info', message: '`mtls: {}` means STRICT mutual TLS.', code: 'EXAMPLE' },
]

export default function App() {
  const [text, setText] = useState(SAMPLE)
  const [edits, setEdits] = useState(0)
  const [problems, setProblems] = useState<EditorMarker[]>([])

  return (
    <div className="app">
      <header className="app-header">
        <h1>Mesh Auth Designer</h1>
        <button type="button" onClick={() => setText((t) => `# edited outside\n${t}`)}>
          Add comment from outside
        </button>
      </header>
      <main className="app-editor">
        <Suspense fallback={<p>Loading editor…</p>}>
          <YamlEditor
            modelPath="file:///istio.yaml"
            value={text}
            onChange={(t) => {
              setText(t)
              setEdits((n) => n + 1)
            }}
            schemas={SCHEMAS}
            markers={MARKERS}
            onSchemaMarkers={setProblems}
            ariaLabel="Istio YAML"
          />
        </Suspense>
      </main>
      <footer className="app-status" role="status" data-testid="app.status">
        <span data-testid="app.problem-count">
          {problems.length} {problems.length === 1 ? 'problem' : 'problems'}
        </span>
        {' · '}
        <span data-testid="app.edit-count">{edits} edits</span>
        {problems.length > 0 && (
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                Line {p.line}: {p.message}
              </li>
            ))}
          </ul>
        )}
      </footer>
    </div>
  )
}
