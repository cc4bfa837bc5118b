import { lazy } from 'react'
import { afterGridShown } from '../../store/timing'

export type { EditorMarker, EditorSchema, YamlEditorProps } from './types'

/**
 * Lazy: Monaco and the YAML language client (about 4 MB) load in their own chunk, fetched only once
 * the connectivity grid is on screen (they are not on the path to the first useful paint).
 */
export const YamlEditor = lazy(() => afterGridShown().then(() => import('./YamlEditor')))
