/**
 * One-time Monaco set-up, loaded only with the lazy YamlEditor chunk.
 * Subset entry points keep Monaco's TS/CSS/HTML/JSON workers (about 9 MB) out of the build (P5).
 */
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import { loader } from '@monaco-editor/react'
import { configureMonacoYaml, type JSONSchema, type SchemasSettings } from 'monaco-yaml'
import { patchLegacyCreateWebWorker } from './compat'
import YamlWorker from './yaml.worker?worker'
import type { EditorSchema } from './types'

// Same-origin module workers: no blob: or CDN URLs, so the strict CSP holds.
self.MonacoEnvironment = {
  getWorker: (_moduleId, label) => (label === 'yaml' ? new YamlWorker({ name: 'yaml' }) : new EditorWorker({ name: label })),
}

patchLegacyCreateWebWorker(monaco)

// Schemas are inline only; a $ref to a URL must never turn into a network request.
const monacoYaml = configureMonacoYaml(monaco, { enableSchemaRequest: false, schemas: [] })

// Without this, @monaco-editor/react fetches Monaco from a CDN (P7).
loader.config({ monaco })

/**
 * monaco-yaml has one configuration per Monaco instance, so each mounted editor registers its
 * schemas here and all of them are sent together; fileMatch decides which model uses which.
 */
const schemasByOwner = new Map<object, SchemasSettings[]>()

export function setEditorSchemas(owner: object, schemas: EditorSchema[] | null): void {
  if (schemas) {
    schemasByOwner.set(
      owner,
      schemas.map((s) => ({ uri: s.uri, fileMatch: s.fileMatch, schema: s.schema as JSONSchema })),
    )
  } else {
    schemasByOwner.delete(owner)
  }
  void monacoYaml.update({ schemas: [...schemasByOwner.values()].flat() })
}

export { monaco }
export type MonacoApi = typeof monaco
