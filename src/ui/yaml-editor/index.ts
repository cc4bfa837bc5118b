import { lazy } from 'react'

export type { EditorMarker, EditorSchema, YamlEditorProps } from './types'

/** Lazy: Monaco and the YAML language client (about 4 MB) load in their own chunk after first paint. */
export const YamlEditor = lazy(() => import('./YamlEditor'))
