/**
 * Import: YAML texts (files, a drop, a paste) -> Kubernetes objects and expectations. Documents in
 * the intent format (src/intent/FORMAT.md) become the design's expectations; the others are read as
 * objects. Nothing is loaded unless every object parses, so a half-broken import never replaces a
 * working design; problems of the expectations are reported at the file's line and column and shown
 * in the Intent tab.
 */
import type { KubeObject } from '../engine'
import { joinIntentTexts } from '../intent/joinIntent'
import { parseIntent } from '../intent/parseIntent'
import { splitIntentDocuments } from '../intent/splitIntent'
import { importYamlText } from './io'
import { keyOf } from './keys'

export interface ImportSource {
  name: string
  text: string
  tooLarge?: boolean
}

export interface ImportedIntent {
  /** intent.yaml for the Intent tab (the documents of every source, joined). */
  text: string
  /** Expectations read (an entry with lists of sets counts each pair). */
  expectations: number
  /** `FILE:LINE:COLUMN CODE message`, at the line and column in the imported file. */
  problems: string[]
  errors: number
}

export type ImportResult = { ok: true; objects: KubeObject[]; intent?: ImportedIntent; summary: string } | { ok: false; message: string }

/** Larger than any hand-written design by far; stops a wrong file (a log, a binary) from freezing the tab. */
const MAX_CHARS = 5 * 1024 * 1024

/** Problems listed in the import's message; the Intent tab shows them all. */
const LISTED_PROBLEMS = 3

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

function readIntent(sources: readonly { name: string; pieces: { text: string; line: number }[] }[]): ImportedIntent | undefined {
  const texts: string[] = []
  const problems: string[] = []
  let expectations = 0
  let errors = 0
  for (const { name, pieces } of sources)
    for (const piece of pieces) {
      const parsed = parseIntent(piece.text)
      texts.push(piece.text)
      expectations += parsed.expectations.length
      for (const p of parsed.problems) {
        problems.push(`${name}:${piece.line + p.line - 1}:${p.column} ${p.code} ${p.message}`)
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

export function parseSources(sources: readonly ImportSource[]): ImportResult {
  const objects: KubeObject[] = []
  const notes: string[] = []
  const intentSources: { name: string; pieces: { text: string; line: number }[] }[] = []
  for (const source of sources) {
    if (source.tooLarge || source.text.length > MAX_CHARS) return { ok: false, message: `${source.name} is larger than 5 MB. Nothing was imported.` }
    const split = splitIntentDocuments(source.text)
    if (split.intent.length > 0) intentSources.push({ name: source.name, pieces: split.intent })
    if (split.intent.length > 0 && split.rest === '') continue
    const parsed = importYamlText(split.rest, source.name)
    const error = parsed.problems.find((p) => p.severity === 'error')
    if (error) return { ok: false, message: `${source.name}, line ${error.line}: ${error.message}. Nothing was imported.` }
    objects.push(...parsed.objects)
    if (parsed.summary) notes.push(sources.length === 1 ? parsed.summary : `${source.name}: ${parsed.summary}`)
  }
  const intent = readIntent(intentSources)
  if (objects.length === 0 && !intent) return { ok: false, message: 'No Kubernetes objects found. Nothing was imported.' }
  const from = sources.length === 1 ? (sources[0]?.name ?? 'the text') : `${sources.length} files`
  if (objects.length === 0 && intent) return { ok: true, objects, intent, summary: `Loaded ${intentWords(intent, from)} The design's objects are unchanged.` }
  // What the cluster populated and what was left out, in one line after the import (issue 8).
  const dropped = notes.length > 0 ? ` ${notes.map((n) => `${n[0]?.toUpperCase() ?? ''}${n.slice(1)}.`).join(' ')}` : ''
  const imported = `${plural(objects.length, 'object', 'objects')} from ${from}`
  if (!intent) return { ok: true, objects, summary: `Imported ${imported}.${dropped} Undo brings back the previous design.` }
  const split = intentSources.length === 1 && sources.length === 1 ? `${from} holds objects and expectations: ` : 'Objects and expectations: '
  return { ok: true, objects, intent, summary: `${split}imported ${imported} and loaded ${intentWords(intent, 'its intent documents')}${dropped} Undo brings back the previous objects.` }
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
