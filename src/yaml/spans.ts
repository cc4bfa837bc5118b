/**
 * Records, for every path inside an object, the text ranges of its key and value, so that a finding
 * about `['spec', 'peers', 0, 'mTLS']` can be underlined without searching the text.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml'
import type { ObjectPath } from '../engine/types'
import type { PathSpans, SourceRange } from './types'

/** Seq indexes and map keys share one spelling ('0'), so admission paths and YAML paths meet. */
export function pathKey(path: ObjectPath): string {
  return path.map(String).join('\u001f')
}

export type ToPosition = (offset: number) => { line: number; column: number }

interface SpanContext {
  /** Offset of the chunk in the whole text (node ranges are chunk-relative). */
  base: number
  text: string
  pos: ToPosition
  spans: Record<string, PathSpans>
}

function rangeOf(ctx: SpanContext, start: number, end: number): SourceRange {
  const a = ctx.pos(ctx.base + start)
  const b = ctx.pos(ctx.base + Math.max(start, end))
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column }
}

/** The first line of a node, trimmed of trailing blanks, for multi-line collections. */
function headOf(ctx: SpanContext, start: number, end: number): SourceRange {
  const abs = ctx.base + start
  const newline = ctx.text.indexOf('\n', abs)
  const lineEnd = newline === -1 ? ctx.text.length : newline
  let stop = Math.min(ctx.base + end, lineEnd)
  while (stop > abs && /\s/.test(ctx.text[stop - 1] ?? '')) stop--
  return rangeOf(ctx, start, stop - ctx.base)
}

function nodeSpans(ctx: SpanContext, node: Node): PathSpans {
  const [start, valueEnd] = node.range ?? [0, 0]
  // `mtls:` with nothing after it has an empty value; an empty range would underline nothing.
  if (valueEnd <= start) return {}
  return { value: rangeOf(ctx, start, valueEnd), head: headOf(ctx, start, valueEnd) }
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value)
  return undefined
}

function walk(ctx: SpanContext, node: Node, path: (string | number)[], key?: SourceRange): void {
  const spans: PathSpans = nodeSpans(ctx, node)
  if (key) spans.key = key
  ctx.spans[pathKey(path)] = spans
  // Aliases are not followed: they may be recursive, and their text lives at the anchor anyway.
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = keyText(pair.key)
      if (name === undefined || !isScalar(pair.key)) continue
      const [ks, ke] = pair.key.range ?? [0, 0]
      const keyRange = rangeOf(ctx, ks, ke)
      const child = [...path, name]
      if (pair.value && typeof pair.value === 'object' && 'range' in pair.value) {
        walk(ctx, pair.value as Node, child, keyRange)
      } else {
        // `key:` with nothing after it: the key is all there is to point at.
        ctx.spans[pathKey(child)] = { key: keyRange }
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (item && typeof item === 'object' && 'range' in item) walk(ctx, item as Node, [...path, i])
    })
  }
}

/** All spans of the object rooted at `root` (a document's contents or one `List` item). */
export function collectSpans(root: Node, base: number, text: string, pos: ToPosition): Record<string, PathSpans> {
  const ctx: SpanContext = { base, text, pos, spans: {} }
  walk(ctx, root, [])
  return ctx.spans
}
