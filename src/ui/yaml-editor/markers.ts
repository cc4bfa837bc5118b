import type { editor } from 'monaco-editor/editor'
import type { MonacoApi } from './setup'
import type { EditorMarker } from './types'

/** Our markers → Monaco's, clamped to the model so stale line numbers never throw. */
export function toMonacoMarker(monaco: MonacoApi, model: editor.ITextModel, m: EditorMarker): editor.IMarkerData {
  const lastLine = model.getLineCount()
  const line = clamp(m.line, 1, lastLine)
  const endLine = clamp(m.endLine ?? line, line, lastLine)
  const wholeLine = m.column === undefined
  const column = wholeLine ? 1 : clamp(m.column ?? 1, 1, model.getLineMaxColumn(line))
  const endColumn =
    wholeLine || m.endColumn === undefined
      ? model.getLineMaxColumn(endLine)
      : clamp(m.endColumn, 1, model.getLineMaxColumn(endLine))
  const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info }[
    m.severity
  ]
  return {
    startLineNumber: line,
    startColumn: column,
    endLineNumber: endLine,
    endColumn,
    severity,
    message: m.message,
    source: 'mesh-auth',
    ...(m.code === undefined ? {} : { code: m.code }),
  }
}

/** Monaco's markers → ours. Hints count as info: the app has three levels. */
export function fromMonacoMarker(monaco: MonacoApi, m: editor.IMarker): EditorMarker {
  const severity =
    m.severity >= monaco.MarkerSeverity.Error ? 'error' : m.severity >= monaco.MarkerSeverity.Warning ? 'warning' : 'info'
  const code = typeof m.code === 'string' ? m.code : m.code?.value
  return {
    line: m.startLineNumber,
    column: m.startColumn,
    endLine: m.endLineNumber,
    endColumn: m.endColumn,
    severity,
    message: m.message,
    ...(code === undefined ? {} : { code }),
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(Math.trunc(n), min), max)
}
