/** A diagnostic to show in the editor. Lines and columns are 1-based, as Monaco counts them. */
export interface EditorMarker {
  line: number
  /** Absent: the marker covers the whole line. */
  column?: number
  endLine?: number
  endColumn?: number
  severity: 'error' | 'warning' | 'info'
  message: string
  code?: string
  /** The title of the marker's quick fix (a code action: the lightbulb, Ctrl+.); see YamlEditorProps.onQuickFix. */
  fix?: string
}

/** A JSON schema handed to monaco-yaml. `uri` is an identifier only; it is never fetched. */
export interface EditorSchema {
  uri: string
  /** Globs matched against the model URI, e.g. `**\/istio.yaml` for `file:///istio.yaml`. */
  fileMatch: string[]
  schema: object
}

export interface YamlEditorProps {
  /** Model URI, e.g. `file:///istio.yaml`. Must match a schema's `fileMatch` for validation. */
  modelPath: string
  /** The current text. An outside change is merged in without moving the cursor or echoing onChange. */
  value: string
  /** Called with the full text after every edit the user makes. */
  onChange(text: string): void
  schemas: EditorSchema[]
  /** Our own diagnostics (owner `mesh-auth`). */
  markers: EditorMarker[]
  /** Receives the markers monaco-yaml's schema validation produces, whenever they change. */
  onSchemaMarkers?(markers: EditorMarker[]): void
  /** Applies the quick fix of the marker on `line` (a marker with `fix`), chosen from the editor's code actions. */
  onQuickFix?(line: number): void
  /** Reveals `line` in the centre and selects it each time `nonce` changes. Does not take focus. */
  revealLine?: { line: number; nonce: number }
  readOnly?: boolean
  ariaLabel: string
  theme?: 'light' | 'dark'
}
