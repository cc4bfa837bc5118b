/**
 * Import: YAML texts (files, a paste) → Kubernetes objects, through the store's reader. Nothing is
 * loaded unless every text parses, so a half-broken import never replaces a working design.
 */
import type { KubeObject } from '../../engine'
import { importYamlText, keyOf } from '../../store'

export interface ImportSource {
  name: string
  text: string
  tooLarge?: boolean
}

export type ImportResult = { ok: true; objects: KubeObject[]; summary: string } | { ok: false; message: string }

/** Larger than any hand-written design by far; stops a wrong file (a log, a binary) from freezing the tab. */
const MAX_CHARS = 5 * 1024 * 1024

export function parseSources(sources: readonly ImportSource[]): ImportResult {
  const objects: KubeObject[] = []
  const notes: string[] = []
  for (const source of sources) {
    if (source.tooLarge || source.text.length > MAX_CHARS) return { ok: false, message: `${source.name} is larger than 5 MB. Nothing was imported.` }
    const parsed = importYamlText(source.text, source.name)
    const error = parsed.problems.find((p) => p.severity === 'error')
    if (error) return { ok: false, message: `${source.name}, line ${error.line}: ${error.message}. Nothing was imported.` }
    objects.push(...parsed.objects)
    if (parsed.summary) notes.push(sources.length === 1 ? parsed.summary : `${source.name}: ${parsed.summary}`)
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

export function isYamlFile(file: File): boolean {
  return /\.ya?ml$/i.test(file.name)
}

/** Reads the files as text; one that is too large is not read at all (parseSources refuses it). */
export async function readFiles(files: readonly File[]): Promise<ImportSource[]> {
  return Promise.all(files.map(async (f) => (f.size > MAX_CHARS ? { name: f.name, text: '', tooLarge: true } : { name: f.name, text: await f.text() })))
}
