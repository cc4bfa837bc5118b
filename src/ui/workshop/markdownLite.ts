/**
 * The lesson text format (FORMAT.md): paragraphs separated by a blank line, `code` in backticks.
 * Nothing else is markup, so a lesson file can never inject HTML: the result is plain parts React
 * renders as text.
 */

export type InlinePart = { kind: 'text' | 'code'; text: string }

/** Paragraphs of parts. Line breaks inside a paragraph are spaces, as in Markdown. */
export function parseMarkdownLite(text: string): InlinePart[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '')
    .map(parseInline)
}

function parseInline(paragraph: string): InlinePart[] {
  const parts: InlinePart[] = []
  // An odd backtick without its pair stays a backtick in the text.
  const re = /`([^`]+)`/g
  let last = 0
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    if (m.index > last) parts.push({ kind: 'text', text: paragraph.slice(last, m.index) })
    parts.push({ kind: 'code', text: m[1] ?? '' })
    last = m.index + m[0].length
  }
  if (last < paragraph.length) parts.push({ kind: 'text', text: paragraph.slice(last) })
  return parts
}
