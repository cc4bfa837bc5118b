/**
 * Import: YAML texts (files, a drop, a paste) -> Kubernetes objects and expectations. Documents in
 * the intent format (src/intent/FORMAT.md) become the design's expectations; the others are read as
 * objects (by the store's reader, in a worker when big: store/parsing). Nothing is loaded unless
 * every object parses, so a half-broken import never replaces a working design; problems of the
 * expectations are reported at the file's line and column and shown in the Intent tab.
 */
import type { KubeObject } from '../engine'
import { joinIntentTexts } from '../intent/joinIntent'
import { parseIntent } from '../intent/parseIntent'
import { splitIntentDocuments } from '../intent/splitIntent'
import { importYamlText, type ImportedText } from './io'
import { keyOf } from './keys'
import type { ImportedIntent, ImportOutcome, ImportSource } from './types'

/** Larger than any hand-written design by far; stops a wrong file (a log, a binary) from freezing the tab. */
export const MAX_IMPORT_CHARS = 5 * 1024 * 1024

export function tooLarge(source: ImportSource): boolean {
  return source.tooLarge === true || source.text.length > MAX_IMPORT_CHARS
}

/** A source cut in two: its intent documents (with their first lines) and the rest, to read as objects. */
export interface SplitSource {
  source: ImportSource
  intent: { text: string; line: number }[]
  /** The object documents' text; undefined when the source holds expectations only. */
  objects: string | undefined
}

export function splitSources(sources: readonly ImportSource[]): SplitSource[] {
  return sources.map((source) => {
    const split = splitIntentDocuments(source.text)
    return { source, intent: split.intent, objects: split.intent.length > 0 && split.rest === '' ? undefined : split.rest }
  })
}

/** Problems listed in the import's message; the Intent tab shows them all. */
const LISTED_PROBLEMS = 3

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** A source's name inside a sentence: "from the pasted YAML", not "from The pasted YAML". */
const inSentence = (name: string) => (name.startsWith('The ') ? `t${name.slice(1)}` : name)

function readIntent(split: readonly SplitSource[]): ImportedIntent | undefined {
  const texts: string[] = []
  const problems: string[] = []
  let expectations = 0
  let errors = 0
  for (const { source, intent } of split)
    for (const piece of intent) {
      const parsed = parseIntent(piece.text)
      texts.push(piece.text)
      expectations += parsed.expectations.length
      for (const p of parsed.problems) {
        problems.push(`${source.name}:${piece.line + p.line - 1}:${p.column} ${p.code} ${p.message}`)
        if (p.severity === 'error') errors++
      }
    }
  return texts.length === 0 ? undefined : { text: joinIntentTexts(texts), expectations, problems, errors }
}

function intentWords(intent: ImportedIntent, from: string): string {
  const listed = intent.problems.slice(0, LISTED_PROBLEMS).join('; ')
  const more = intent.problems.length > LISTED_PROBLEMS ? `; ${intent.problems.length - LISTED_PROBLEMS} more in the Intent tab` : ''
  const problems = intent.problems.length > 0 ? ` ${plural(intent.problems.length, 'problem', 'problems')}: ${listed}${more}.` : ''
  return `${plural(intent.expectations, 'expectation', 'expectations')} from ${from} into the Intent tab.${problems}`
}

/**
 * The outcome of an import, or its first refusal. `read[i]` is split[i]'s object text as the store's
 * reader read it (undefined for a source of expectations only).
 */
export function composeImport(split: readonly SplitSource[], read: readonly (ImportedText | undefined)[]): ImportOutcome {
  const objects: KubeObject[] = []
  const notes: string[] = []
  for (const [i, { source }] of split.entries()) {
    const parsed = read[i]
    if (!parsed) continue
    const error = parsed.problems.find((p) => p.severity === 'error')
    if (error) return { ok: false, message: `${source.name}, line ${error.line}: ${error.message}. Nothing was imported.` }
    objects.push(...parsed.objects)
    if (parsed.summary) notes.push(split.length === 1 ? parsed.summary : `${source.name}: ${parsed.summary}`)
  }
  const intent = readIntent(split)
  if (objects.length === 0 && !intent) return { ok: false, message: 'No Kubernetes objects found. Nothing was imported.' }
  const from = split.length === 1 ? inSentence(split[0]?.source.name ?? 'the text') : `${split.length} files`
  if (objects.length === 0 && intent) return { ok: true, objects, intent, summary: `Loaded ${intentWords(intent, from)} The design's objects are unchanged.` }
  // What the cluster populated and what was left out, in one line after the import (issue 8).
  const dropped = notes.length > 0 ? ` ${notes.map((n) => `${n[0]?.toUpperCase() ?? ''}${n.slice(1)}.`).join(' ')}` : ''
  const imported = `${plural(objects.length, 'object', 'objects')} from ${from}`
  if (!intent) return { ok: true, objects, summary: `Imported ${imported}.${dropped} Undo brings back the previous design.` }
  const both = split.filter((s) => s.intent.length > 0).length === 1 && split.length === 1 ? `${from} holds objects and expectations: ` : 'Objects and expectations: '
  return { ok: true, objects, intent, summary: `${both}imported ${imported} and loaded ${intentWords(intent, 'its intent documents')}${dropped} Undo brings back the previous objects.` }
}

/** The whole import read in this thread (small texts; tests). */
export function parseSources(sources: readonly ImportSource[]): ImportOutcome {
  const big = sources.find(tooLarge)
  if (big) return { ok: false, message: `${big.name} is larger than 5 MB. Nothing was imported.` }
  const split = splitSources(sources)
  return composeImport(split, split.map((s) => (s.objects === undefined ? undefined : importYamlText(s.objects, s.source.name))))
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
