import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import Editor from '@monaco-editor/react'
import type { editor } from 'monaco-editor/editor'
import { fromMonacoMarker, toMonacoMarker } from './markers'
import { monaco, setEditorSchemas } from './setup'
import { minimalEdit } from './textDiff'
import type { EditorMarker, YamlEditorProps } from './types'

const MARKER_OWNER = 'mesh-auth'
const SCHEMA_OWNER = 'yaml' // what monaco-yaml's marker provider uses
// Bounds memory if a parent never echoes `value` back; far more than one render's worth of typing.
const MAX_UNCONFIRMED = 64

/** Monaco editing YAML, with schema validation, our markers, and echo-free two-way text. */
export default function YamlEditor(props: YamlEditorProps) {
  const { modelPath, value, schemas, markers, revealLine, readOnly = false, ariaLabel, theme = 'light' } = props
  const [ed, setEd] = useState<editor.IStandaloneCodeEditor | null>(null)
  // Bumped when the editor switches model (modelPath changed), so per-model effects re-run.
  const [modelEpoch, setModelEpoch] = useState(0)
  const applyingOutsideChange = useRef(false)
  // Texts sent through onChange that have not come back as `value` yet (see the value effect).
  const unconfirmed = useRef<string[]>([])

  // Latest callbacks without re-subscribing Monaco listeners on every render. A layout effect,
  // so a keystroke landing right after a render already reaches the new callback.
  const onChangeRef = useRef(props.onChange)
  const onSchemaMarkersRef = useRef(props.onSchemaMarkers)
  const onQuickFixRef = useRef(props.onQuickFix)
  useLayoutEffect(() => {
    onChangeRef.current = props.onChange
    onSchemaMarkersRef.current = props.onSchemaMarkers
    onQuickFixRef.current = props.onQuickFix
  })

  // Memoised so inline options do not make @monaco-editor/react call updateOptions each render.
  const options = useMemo<editor.IStandaloneEditorConstructionOptions>(
    () => ({
      readOnly,
      ariaLabel,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true, // hovers escape panes with overflow: hidden
      tabSize: 2,
      insertSpaces: true,
    }),
    [readOnly, ariaLabel],
  )

  // User edits → onChange. Outside changes applied below are skipped: no echo.
  useEffect(() => {
    if (!ed) return
    const sub = ed.onDidChangeModelContent(() => {
      if (applyingOutsideChange.current) return
      const text = ed.getValue()
      unconfirmed.current.push(text)
      if (unconfirmed.current.length > MAX_UNCONFIRMED) unconfirmed.current.shift()
      onChangeRef.current(text)
    })
    const modelSub = ed.onDidChangeModel(() => {
      unconfirmed.current = []
      setModelEpoch((n) => n + 1)
    })
    return () => {
      sub.dispose()
      modelSub.dispose()
    }
  }, [ed])

  // Outside `value` → model, only when the prop changes, as one undoable edit over the changed range.
  useEffect(() => {
    const model = ed?.getModel()
    if (!ed || !model) return
    const next = value.replace(/\r\n|\r|\n/g, model.getEOL())
    // A value we emitted ourselves can arrive after the user typed more: effects run after the
    // render, keystrokes can land in between. Applying it would eat those keystrokes.
    const echoed = unconfirmed.current.lastIndexOf(next)
    if (echoed >= 0) {
      unconfirmed.current.splice(0, echoed + 1)
      return
    }
    unconfirmed.current = []
    const edit = minimalEdit(model.getValue(), next)
    if (!edit) return
    const start = model.getPositionAt(edit.start)
    const end = model.getPositionAt(edit.end)
    const range = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column)
    applyingOutsideChange.current = true
    try {
      // NOTE mutates the model; the editor moves cursors and selections with the text around them.
      model.pushStackElement()
      model.pushEditOperations(ed.getSelections(), [{ range, text: edit.text }], () => null)
      model.pushStackElement()
    } finally {
      applyingOutsideChange.current = false
    }
  }, [ed, value, modelEpoch])

  // Schemas: compared by content so an inline array literal does not restart the YAML worker.
  const schemasKey = useMemo(() => JSON.stringify(schemas), [schemas])
  const schemaOwner = useRef({})
  useEffect(() => {
    setEditorSchemas(schemaOwner.current, JSON.parse(schemasKey) as typeof schemas)
  }, [schemasKey])
  useEffect(() => {
    const owner = schemaOwner.current
    return () => setEditorSchemas(owner, null)
  }, [])

  // Our markers, also compared by content (setting markers fires onDidChangeMarkers).
  const markersKey = useMemo(() => JSON.stringify(markers), [markers])
  useEffect(() => {
    const model = ed?.getModel()
    if (!model) return
    const list = JSON.parse(markersKey) as EditorMarker[]
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      list.map((m) => toMonacoMarker(monaco, model, m)),
    )
  }, [ed, markersKey, modelEpoch])

  // Quick fixes as code actions (lightbulb, Ctrl+.): the action runs a command of this editor that
  // hands the line to onQuickFix, so the fix is the store's one command, not an edit made here.
  const fixes = useRef<EditorMarker[]>([])
  useEffect(() => {
    fixes.current = (JSON.parse(markersKey) as EditorMarker[]).filter((m) => m.fix !== undefined)
  }, [markersKey])
  useEffect(() => {
    if (!ed) return
    const commandId = ed.addCommand(0, (_accessor: unknown, line: number) => onQuickFixRef.current?.(line))
    const provider = monaco.languages.registerCodeActionProvider('yaml', {
      provideCodeActions(model, range) {
        const none = { actions: [], dispose: () => undefined }
        if (model !== ed.getModel() || !commandId || !onQuickFixRef.current) return none
        const actions = fixes.current
          .filter((m) => m.line >= range.startLineNumber && m.line <= range.endLineNumber)
          .map((m) => ({
            title: m.fix as string,
            kind: 'quickfix',
            isPreferred: true,
            diagnostics: [toMonacoMarker(monaco, model, m)],
            command: { id: commandId, title: m.fix as string, arguments: [m.line] },
          }))
        return { actions, dispose: () => undefined }
      },
    })
    return () => provider.dispose()
  }, [ed])

  // Schema markers → onSchemaMarkers, reported only when they differ from the last report.
  useEffect(() => {
    const model = ed?.getModel()
    if (!model) return
    let lastKey: string | undefined
    const report = () => {
      const list = monaco.editor
        .getModelMarkers({ resource: model.uri, owner: SCHEMA_OWNER })
        .map((m) => fromMonacoMarker(monaco, m))
      const key = JSON.stringify(list)
      if (key === lastKey) return
      lastKey = key
      onSchemaMarkersRef.current?.(list)
    }
    report()
    const sub = monaco.editor.onDidChangeMarkers((uris) => {
      if (uris.some((u) => u.toString() === model.uri.toString())) report()
    })
    return () => sub.dispose()
  }, [ed, modelEpoch])

  // Reveal on request (e.g. a click in a problems list). Focus stays where it is, so the
  // canvas keeps its keyboard shortcuts when it drives the selection.
  const revealNonce = revealLine?.nonce
  const revealTarget = revealLine?.line
  useEffect(() => {
    const model = ed?.getModel()
    if (!ed || !model || revealTarget === undefined) return
    const line = Math.min(Math.max(1, Math.trunc(revealTarget)), model.getLineCount())
    ed.setSelection(new monaco.Range(line, 1, line, model.getLineMaxColumn(line)))
    ed.revealLineInCenter(line)
  }, [ed, revealNonce, revealTarget])

  return (
    // `nokey`: React Flow ignores keystrokes inside, otherwise it eats Space (toolchain.md P8).
    <div className="nokey" style={{ height: '100%', width: '100%', minHeight: 0 }}>
      <Editor
        path={modelPath}
        defaultLanguage="yaml"
        defaultValue={value}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        options={options}
        loading="Loading editor…"
        onMount={(instance) => setEd(instance)}
      />
    </div>
  )
}
