/**
 * Text -> Kubernetes objects, with where each came from. A broken document is reported and skipped;
 * the documents around it are still returned.
 */
import { isMap, isScalar, isSeq, visit, type Document, type Node, type Tags } from 'yaml'
import type { KubeObject, ObjectPath } from '../engine/types'
import { lineIndex, splitDocuments, type Chunk } from './chunks'
import { YAML_CODES, type YamlCode } from './codes'
import { locate } from './locate'
import { collectSpans, type ToPosition } from './spans'
import { composeChunk, duplicateKeyOffsets, MAX_NESTING } from './structure'
import type { ObjectSource, ParsedManifests, SourceRange, YamlDiagnostic } from './types'

/**
 * kubectl reads YAML with a YAML 1.1 reader (go-yaml v2), so we do too: `yes`/`on` are booleans and
 * `0755` is octal, as the cluster would see them. Two 1.1 types kubectl does not apply to plain
 * values are dropped: timestamps (they stay strings) and base-60 numbers like `1:20`.
 */
function kubectlScalarTags(tags: Tags): Tags {
  return tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'))
}

// Duplicate keys are found by structure.ts in linear time; the package's own check is quadratic.
const PARSE_OPTIONS = { version: '1.1', customTags: kubectlScalarTags, prettyErrors: false, uniqueKeys: false } as const

interface ParseState {
  file: string
  text: string
  pos: ToPosition
  out: ParsedManifests
}

function toRange(state: ParseState, start: number, end: number): SourceRange {
  const a = state.pos(start)
  const b = state.pos(Math.max(start, end))
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column }
}

function report(state: ParseState, code: YamlCode, message: string, docIndex: number, range: SourceRange, path?: ObjectPath): void {
  const diagnostic: YamlDiagnostic = { code, severity: YAML_CODES[code].severity, message, file: state.file, docIndex, range }
  if (path) diagnostic.path = path
  state.out.diagnostics.push(diagnostic)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Checks the few fields every object needs; adds it with its source when they are there. */
function addObject(state: ParseState, value: unknown, node: Node, base: number, docIndex: number, itemIndex?: number): void {
  const spans = collectSpans(node, base, state.text, state.pos)
  const start = state.pos(base + (node.range?.[0] ?? 0))
  const source: ObjectSource = { file: state.file, docIndex, line: start.line, spans }
  if (itemIndex !== undefined) source.itemIndex = itemIndex
  const where = itemIndex === undefined ? '' : ` (item ${itemIndex} of the List)`
  const fail = (code: YamlCode, message: string, path: ObjectPath) => {
    const { exact: _exact, ...range } = locate(source, path)
    report(state, code, message + where, docIndex, range, path)
  }
  if (!isPlainObject(value)) return fail('K8S001', 'This document is not a mapping, so it is not a Kubernetes object', [])
  if (typeof value.kind !== 'string' || value.kind === '') return fail('K8S002', 'The object has no `kind`', ['kind'])
  const meta = value.metadata
  if (!isPlainObject(meta) || typeof meta.name !== 'string' || meta.name === '') {
    return fail('K8S003', 'The object has no `metadata.name` (a non-empty string)', ['metadata', 'name'])
  }
  state.out.objects.push(value as KubeObject)
  state.out.sources.push(source)
}

function isListDocument(value: Record<string, unknown>): boolean {
  return typeof value.kind === 'string' && value.kind.endsWith('List') && 'items' in value
}

/** An error at the very end of a chunk ("missing closing quote") is shown on its last character, not past it. */
function errorRange(state: ParseState, chunk: Chunk, pos: readonly [number, number]): SourceRange {
  const last = chunk.offset + Math.max(0, chunk.text.trimEnd().length - 1)
  const start = Math.min(chunk.offset + pos[0], last)
  return toRange(state, start, Math.max(start + 1, Math.min(chunk.offset + pos[1], last + 1)))
}

/**
 * Kubernetes objects are JSON: every map key is a string, and a number is finite. The YAML 1.1
 * reader would turn the key `.` (managedFields' `.: {}`) into NaN and `1.0:` into 1, and `.inf`
 * into Infinity, which JSON (the store, autosave, share links) turns into null. So keys stay the
 * text they were written as, and non-finite numbers stay their text, with a warning.
 */
function keepJsonTypes(state: ParseState, doc: Document, chunk: Chunk, docIndex: number): void {
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && typeof pair.key.value !== 'string') pair.key.value = pair.key.source ?? String(pair.key.value)
    },
    Scalar(_, node) {
      if (typeof node.value !== 'number' || Number.isFinite(node.value)) return
      const text = node.source ?? String(node.value)
      const [start, end] = node.range ?? [0, 0]
      report(state, 'YAML006', `${text} is not a number JSON can hold (kubectl refuses it); kept as the string "${text}"`, docIndex, toRange(state, chunk.offset + start, chunk.offset + end))
      node.value = text
    },
  })
}

function addDocument(state: ParseState, doc: Document.Parsed, chunk: Chunk, docIndex: number, deepAt: number | undefined): void {
  const base = chunk.offset
  if (deepAt !== undefined) {
    const message = `The document is nested more than ${MAX_NESTING} levels deep (document ${docIndex + 1} skipped)`
    return report(state, 'YAML005', message, docIndex, errorRange(state, chunk, [deepAt, deepAt + 1]))
  }
  for (const e of doc.errors) {
    const code: YamlCode = e.code === 'DUPLICATE_KEY' ? 'YAML002' : 'YAML001'
    report(state, code, `${e.message} (document ${docIndex + 1} skipped)`, docIndex, errorRange(state, chunk, e.pos))
  }
  const duplicates = doc.errors.length === 0 ? duplicateKeyOffsets(doc) : []
  for (const at of duplicates) {
    report(state, 'YAML002', `Map keys must be unique (document ${docIndex + 1} skipped)`, docIndex, errorRange(state, chunk, [at, at + 1]))
  }
  for (const w of doc.warnings) report(state, 'YAML003', w.message, docIndex, errorRange(state, chunk, w.pos))
  const root = doc.contents
  if (doc.errors.length > 0 || duplicates.length > 0 || root === null) return
  keepJsonTypes(state, doc, chunk, docIndex)
  let value: unknown
  try {
    value = doc.toJS({ maxAliasCount: 100 })
  } catch (e) {
    const [start, end] = root.range ?? [0, 0]
    const message = e instanceof Error ? e.message : String(e)
    return report(state, 'YAML004', `${message} (document ${docIndex + 1} skipped)`, docIndex, toRange(state, base + start, base + end))
  }
  if (value === null || value === undefined) return
  if (isPlainObject(value) && isListDocument(value) && isMap(root)) {
    const itemsNode = root.get('items', true)
    if (!Array.isArray(value.items) || !isSeq(itemsNode)) {
      const [start, end] = itemsNode?.range ?? root.range ?? [0, 0]
      return report(state, 'K8S004', 'A List document needs `items` to be a list', docIndex, toRange(state, base + start, base + end), ['items'])
    }
    value.items.forEach((item, i) => {
      const node = itemsNode.items[i]
      if (node && typeof node === 'object' && 'range' in node) addObject(state, item, node as Node, base, docIndex, i)
    })
    return
  }
  addObject(state, value, root, base, docIndex)
}

/**
 * Parses a multi-document YAML stream into Kubernetes objects.
 * @example
 * const { objects, sources, diagnostics } = parseManifests('kind: Namespace\nmetadata: {name: foo}\n')
 * // objects[0].metadata.name === 'foo'; sources[0].line === 1; diagnostics.length === 0
 */
export function parseManifests(text: string, file = 'manifests.yaml'): ParsedManifests {
  const state: ParseState = { file, text, pos: lineIndex(text), out: { objects: [], sources: [], diagnostics: [] } }
  let docIndex = 0
  for (const chunk of splitDocuments(text)) {
    const { docs, deep } = composeChunk(chunk.text, PARSE_OPTIONS)
    docs.forEach((doc, i) => addDocument(state, doc, chunk, docIndex++, deep.get(i)?.offset))
  }
  return state.out
}
