/**
 * Import: YAML texts (files, a paste) → Kubernetes objects, through the store's reader. Nothing is
 * loaded unless every text parses, so a half-broken import never replaces a working design.
 * (Moved from the toolbar, which now only shows the outcome.)
 */
import type { KubeObject } from '../../engine'
import type { ImportedText } from '../io'
import { keyOf } from '../keys'
import type { ImportOutcome, ImportSource } from '../types'

/** Larger than any hand-written design by far; stops a wrong file (a log, a binary) from freezing the tab. */
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024

export function tooLarge(source: ImportSource): boolean {
  return source.tooLarge === true || source.text.length > MAX_IMPORT_CHARS
}

/** The outcome of parsed sources (in order), or the first refusal; `parsed[i]` is `sources[i]` read. */
export function importOutcome(sources: readonly ImportSource[], parsed: readonly ImportedText[]): ImportOutcome {
  const objects: KubeObject[] = []
  const notes: string[] = []
  for (const [i, source] of sources.entries()) {
    const read = parsed[i]
    if (!read) break
    const error = read.problems.find((p) => p.severity === 'error')
    if (error) return { ok: false, message: `${source.name}, line ${error.line}: ${error.message}. Nothing was imported.` }
    objects.push(...read.objects)
    if (read.summary) notes.push(sources.length === 1 ? read.summary : `${source.name}: ${read.summary}`)
  }
  if (objects.length === 0) return { ok: false, message: 'No Kubernetes objects found. Nothing was imported.' }
  const from = sources.length === 1 ? (sources[0]?.name ?? 'the text') : `${sources.length} files`
  // What the cluster populated and what was left out, in one line after the import (issue 8).
  const dropped = notes.length > 0 ? ` ${notes.map((n) => `${n[0]?.toUpperCase() ?? ''}${n.slice(1)}.`).join(' ')}` : ''
  return { ok: true, objects, summary: `Imported ${objects.length} ${objects.length === 1 ? 'object' : 'objects'} from ${from}.${dropped} Undo brings back the previous design.` }
}

/** Adds `added` to `resources`; an object with the key of an existing one replaces it in place. */
export function mergeObjects(resources: readonly KubeObject[], added: readonly KubeObject[]): KubeObject[] {
  const byKey = new Map(added.map((o) => [keyOf(o), o]))
  const merged = resources.map((o) => {
    const key = keyOf(o)
    const replacement = byKey.get(key)
    if (!replacement) return o
    byKey.delete(key)
    return replacement
  })
  return [...merged, ...byKey.values()]
}
