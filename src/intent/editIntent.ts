/**
 * Edits of intent.yaml made from the grid, keeping the user's comments and order: set, replace or
 * remove the entry written for exactly one (from, to) pair without a request.
 */
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Pair, type Node } from 'yaml'
import { INTENT_API_VERSION, INTENT_KIND } from './parseIntent'

export const EMPTY_INTENT = `apiVersion: ${INTENT_API_VERSION}\nkind: ${INTENT_KIND}\nexpectations: []\n`

/** The grid's click cycle: nothing -> allow -> deny -> nothing. Exact codes go back to nothing. */
export function nextInCycle(current: string | undefined): string | undefined {
  if (current === undefined) return 'allow'
  if (current === 'allow') return 'deny'
  return undefined
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) ? String((node as { source?: string }).source ?? node.value) : undefined
}

function entryFor(seq: YAMLSeq, from: string, to: string): number {
  return seq.items.findIndex((item) => {
    if (!isMap(item)) return false
    const get = (k: string) => (item.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === k)?.value
    return scalarText(get('from')) === from && scalarText(get('to')) === to && get('request') === undefined
  })
}

/** The `expect` written for exactly (from, to) without a request, if any. */
export function writtenExpectation(text: string, from: string, to: string): string | undefined {
  const doc = parseDocument(text)
  if (doc.errors.length > 0) return undefined
  const seq = doc.get('expectations')
  if (!isSeq(seq)) return undefined
  const at = entryFor(seq, from, to)
  if (at < 0) return undefined
  const item = seq.items[at]
  return isMap(item) ? scalarText(item.get('expect', true)) : undefined
}

/**
 * Returns the new text, or undefined when the text does not parse (the grid then leaves it alone and
 * the editor shows why).
 */
export function setExpectation(text: string, from: string, to: string, expect: string | undefined): string | undefined {
  const doc = parseDocument(text.trim() === '' ? EMPTY_INTENT : text)
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) return undefined
  if (!doc.has('apiVersion')) doc.set('apiVersion', INTENT_API_VERSION)
  if (!doc.has('kind')) doc.set('kind', INTENT_KIND)
  let seq = doc.get('expectations')
  if (!isSeq(seq)) {
    if (seq !== undefined && seq !== null) return undefined
    seq = new YAMLSeq()
    doc.set('expectations', seq)
  }
  const list = seq as YAMLSeq
  // A list that was written `[]` would stay in flow style: switch to one entry per block.
  list.flow = false
  const at = entryFor(list, from, to)
  if (expect === undefined) {
    if (at >= 0) list.items.splice(at, 1)
  } else if (at >= 0) {
    const item = list.items[at]
    if (isMap(item)) item.set('expect', doc.createNode(expect))
  } else list.items.push(doc.createNode({ from, to, expect }))
  return doc.toString({ lineWidth: 0 })
}
