/**
 * Splits a multi-document stream at its `---` lines before parsing, so that a broken document (an
 * unterminated quote, say) cannot swallow the documents after it. A line starting with `---` at
 * column 0 always starts a new document in YAML, so cutting there never changes a valid stream.
 */

export interface Chunk {
  /** Offset of the chunk's first character in the whole text. */
  offset: number
  text: string
}

const DOC_START = /^---(?=[ \t\r\n]|$)/
/** Lines that may come before a document's `---` and belong to it: blanks, comments, directives. */
const PREAMBLE = /^(?:[ \t]*(?:#.*)?|%.*)\r?$/

/** @example splitDocuments('a: 1\n---\nb: 2\n').map((c) => c.text) // ['a: 1\n', '---\nb: 2\n'] */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = []
  let start = 0
  let preambleOnly = true
  let lineStart = 0
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline + 1
    const line = text.slice(lineStart, newline === -1 ? text.length : newline)
    if (DOC_START.test(line)) {
      // The first `---` after only comments/directives opens the document those lines belong to.
      if (!preambleOnly) {
        chunks.push({ offset: start, text: text.slice(start, lineStart) })
        start = lineStart
      }
      preambleOnly = false
    } else if (!PREAMBLE.test(line)) {
      preambleOnly = false
    }
    lineStart = lineEnd
  }
  if (start < text.length || chunks.length === 0) chunks.push({ offset: start, text: text.slice(start) })
  return chunks
}

/** 1-based line/column of every offset in `text`, by binary search over the line starts. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return (offset) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= offset) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 }
  }
}
