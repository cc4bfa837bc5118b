/**
 * Several intent texts as one (an import adds a file's expectations to the design's, or a file holds
 * several intent documents): the expectations of the later texts are appended to the first's list,
 * with their comments. A text that does not parse is never dropped: the texts are then joined as
 * they are, and the Intent tab shows the syntax problem at its line.
 */
import { isMap, isScalar, isSeq, parseDocument, YAMLSeq, type Document } from 'yaml'

/** Has a line that is neither blank nor a comment. */
const written = (text: string) => /^[ \t]*[^#\s]/m.test(text)

/** The document's list of expectations (an empty one is added where the field is missing or empty). */
function expectationsOf(doc: Document): YAMLSeq | undefined {
  if (!isMap(doc.contents)) return undefined
  const list = doc.contents.get('expectations', true)
  if (isSeq(list)) return list
  if (list !== undefined && list !== null && !(isScalar(list) && list.value === null)) return undefined
  const empty = new YAMLSeq()
  doc.contents.set('expectations', empty)
  return empty
}

export function joinIntentTexts(texts: readonly string[]): string {
  const kept = texts.filter(written)
  if (kept.length <= 1) return kept[0] ?? texts.find((t) => t.trim() !== '') ?? ''
  const docs = kept.map((t) => parseDocument(t))
  const lists = docs.map((d) => (d.errors.length > 0 ? undefined : expectationsOf(d)))
  const [first, ...others] = lists
  if (!first || others.some((l) => !l)) return kept.map((t) => (t.endsWith('\n') ? t : `${t}\n`)).join('')
  first.flow = false
  for (const list of others) first.items.push(...(list as YAMLSeq).items)
  return String(docs[0])
}
