/**
 * A tab's text as the store writes it: one YAML document per object, joined by `---`. Each object's
 * document is produced once and remembered by object identity (objects are never mutated: edits
 * replace them), so a change re-serialises only the objects it touched, and a finding about one
 * object is placed by parsing that object's document alone, not the whole tab.
 */
import type { KubeObject, ObjectPath } from '../engine'
import { locate, parseManifests, stringifyManifests, type ObjectSource, type SourceRange } from '../yaml'

const SEPARATOR = '---\n'
const documents = new WeakMap<KubeObject, { text: string; lines: number }>()
const sources = new WeakMap<KubeObject, ObjectSource | null>()

function documentOf(object: KubeObject): { text: string; lines: number } {
  let doc = documents.get(object)
  if (!doc) {
    const text = documentText(object)
    doc = { text, lines: text.split('\n').length - 1 }
    documents.set(object, doc)
  }
  return doc
}

/** The document of one object as generatedText writes it (what the parse worker computes ahead). */
export function documentText(object: KubeObject): string {
  return stringifyManifests([object])
}

/**
 * Documents written elsewhere (the parse worker, with documentText) for these objects, so the tab
 * texts of a big change are joined here, not serialised again on the main thread.
 */
export function rememberDocuments(objects: readonly KubeObject[], texts: readonly string[]): void {
  objects.forEach((object, i) => {
    const text = texts[i]
    if (text !== undefined && !documents.has(object)) documents.set(object, { text, lines: text.split('\n').length - 1 })
  })
}

/** The same text stringifyManifests(objects) gives, from remembered per-object documents. */
export function generatedText(objects: readonly KubeObject[]): string {
  return objects.map((o) => documentOf(o).text).join(SEPARATOR)
}

/** 1-based first line of each object's document in generatedText(objects). */
export function documentLines(objects: readonly KubeObject[]): number[] {
  let line = 1
  return objects.map((o) => {
    const start = line
    line += documentOf(o).lines + 1 // the document, then its `---` line
    return start
  })
}

/** Where `path` of `object` is in its own document (lines counted from 1 within the document). */
export function locateInDocument(object: KubeObject, path: ObjectPath): SourceRange | undefined {
  let source = sources.get(object)
  if (source === undefined) {
    source = parseManifests(documentOf(object).text).sources[0] ?? null
    sources.set(object, source)
  }
  if (!source) return undefined
  const { exact: _exact, ...range } = locate(source, path, 'key')
  return range
}
