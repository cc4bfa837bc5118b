/**
 * A YAML stream that holds intent documents (FORMAT.md: `kind: Intent`, or `apiVersion:
 * mesh-auth-designer/v1`, or a mapping with `expectations` and neither field), Kubernetes objects, or
 * both. Import splits it: the intent documents become the design's expectations, the rest is read as
 * objects. Both halves keep the file's line numbers, so every problem is reported where it is.
 */
import { isMap, isScalar, parseAllDocuments, type Document } from 'yaml'
import { INTENT_API_VERSION, INTENT_KIND } from './parseIntent'

export interface IntentPiece {
  /** The document's text, ready for the Intent tab. */
  text: string
  /** The file line of the piece's first line (add `line - 1` to a line of `text`). */
  line: number
}

export interface SplitStream {
  intent: IntentPiece[]
  /** The stream with the intent documents emptied (same lines); '' when nothing else is left. */
  rest: string
}

function field(doc: Document, name: string): string | undefined {
  const contents = doc.contents
  if (!isMap(contents)) return undefined
  const value = contents.get(name, true)
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined
}

/** Whether a document is written in the intent format (even when its own fields are wrong: parseIntent says why). */
export function isIntentDocument(doc: Document): boolean {
  if (!isMap(doc.contents)) return false
  const apiVersion = field(doc, 'apiVersion')
  const kind = field(doc, 'kind')
  if (apiVersion === INTENT_API_VERSION) return true
  if (kind === INTENT_KIND) return apiVersion === undefined || apiVersion.startsWith('mesh-auth-designer/')
  return apiVersion === undefined && kind === undefined && !doc.contents.has('apiVersion') && !doc.contents.has('kind') && doc.contents.has('expectations')
}

/** Every character but line breaks becomes a space: the text is gone, its lines stay. */
const blank = (s: string) => s.replace(/[^\n]/g, ' ')

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return line
}

export function splitIntentDocuments(text: string): SplitStream {
  const docs = parseAllDocuments(text)
  // Not a stream of documents (an empty text): nothing to split.
  if (!Array.isArray(docs)) return { intent: [], rest: text }
  const intent: IntentPiece[] = []
  let rest = ''
  let at = 0
  for (const doc of docs) {
    if (!isIntentDocument(doc)) continue
    const [start, , end] = doc.range
    // The `---` that opens the document stays in the rest, so the documents around stay apart.
    const body = doc.directives.docStart && text.startsWith('---', start) ? start + 3 : start
    rest += text.slice(at, body) + blank(text.slice(body, end))
    at = end
    let piece = blank(text.slice(start, body)) + text.slice(body, end)
    let line = lineOf(text, start)
    // The marker's own line, when it held nothing else, is left out of the Intent tab.
    const firstBreak = piece.indexOf('\n')
    if (firstBreak >= 0 && piece.slice(0, firstBreak).trim() === '') {
      piece = piece.slice(firstBreak + 1)
      line++
    }
    intent.push({ text: piece, line })
  }
  rest += text.slice(at)
  return { intent, rest: rest.trim() === '' || /^[\s-]*$/.test(rest) ? '' : rest }
}
