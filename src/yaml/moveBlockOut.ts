/**
 * The quick fix of K8S107 (issue 9, major 6): `spec:` typed at the indentation of `name:` ends up in
 * `metadata` (Monaco keeps the previous line's indentation). Moving the block out one level makes it a
 * sibling of its parent: its key goes to the parent's column and its lines shift left by as much.
 * Works on the text, so comments, quoting and the rest of the file stay exactly as written.
 */

/** Lines `start`..`end` (1-based, inclusive) replaced by `text` (no final line break). */
export interface LineEdit {
  startLine: number
  endLine: number
  text: string
}

export interface BlockMove {
  /** The whole text after the move. */
  text: string
  /** The key that moved, e.g. `spec`. */
  key: string
  /** The one edit that turns the old text into the new one (what an editor applies). */
  edit: LineEdit
  /** Where the moved key is now (1-based). */
  line: number
}

const KEY_LINE = /^( *)([A-Za-z_$][\w.$-]*|"[^"]*"|'[^']*') *:(?: |$)/

const isBlank = (line: string) => /^\s*(#.*)?$/.test(line)
const indentOf = (line: string) => (/^ */.exec(line) as RegExpExecArray)[0].length
const isDocumentMarker = (line: string) => /^(---|\.\.\.)(\s|$)/.test(line)

/**
 * Whether `line` continues a block whose key sits at column `indent`: deeper lines, blank lines and
 * comments, and a sequence written at the key's own indentation (`peers:` then `- mtls: {}`).
 */
function continues(line: string, indent: number): boolean {
  if (isDocumentMarker(line)) return false
  if (isBlank(line)) return true
  const at = indentOf(line)
  return at > indent || (at === indent && /^ *-( |$)/.test(line))
}

/** End (exclusive) of the block that starts with the key at `start`, trailing blank lines left out. */
function blockEnd(lines: readonly string[], start: number, indent: number): number {
  let end = start + 1
  while (end < lines.length && continues(lines[end] as string, indent)) end++
  while (end > start + 1 && isBlank(lines[end - 1] as string)) end--
  return end
}

function unindent(line: string, by: number): string {
  return line.slice(Math.min(by, indentOf(line)))
}

/**
 * Moves the mapping entry whose key is on `line` (1-based) out of its parent, one level up: after the
 * parent's block, at the parent's indentation. Undefined when `line` holds no key or the key is
 * already at the top of its document.
 *
 * @example
 * moveBlockOut('metadata:\n  name: x\n  spec:\n    a: 1\n', 3)?.text // 'metadata:\n  name: x\nspec:\n  a: 1\n'
 */
export function moveBlockOut(text: string, line: number): BlockMove | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = text.split(/\r?\n/)
  const at = line - 1
  const match = KEY_LINE.exec(lines[at] ?? '')
  if (!match) return undefined
  const indent = (match[1] as string).length
  const key = (match[2] as string).replace(/^["']|["']$/g, '')

  // The parent: the nearest line above, in the same document, that is less indented.
  let parent = at - 1
  while (parent >= 0 && !isDocumentMarker(lines[parent] as string) && (isBlank(lines[parent] as string) || indentOf(lines[parent] as string) >= indent)) parent--
  if (parent < 0 || isDocumentMarker(lines[parent] as string) || !KEY_LINE.test((lines[parent] as string).replace(/^( *)- /, '$1  '))) return undefined
  // A parent written as a list item (`- metadata:`) has its key two columns in.
  const parentIndent = indentOf((lines[parent] as string).replace(/^( *)- /, '$1  '))

  const end = blockEnd(lines, at, indent)
  const parentEnd = blockEnd(lines, parent, parentIndent)
  const moved = lines.slice(at, end).map((l) => unindent(l, indent - parentIndent))
  // Whatever of the parent follows the block stays in the parent, above the moved block.
  let gap = end
  while (gap < parentEnd && isBlank(lines[gap] as string)) gap++
  // The blank lines that separated the block from the rest now separate the block from what follows.
  const rest = lines.slice(gap, parentEnd)
  const replaced = [...rest, ...moved, ...lines.slice(end, gap)]
  const out = [...lines.slice(0, at), ...replaced, ...lines.slice(parentEnd)]
  return {
    text: out.join(eol),
    key,
    edit: { startLine: at + 1, endLine: parentEnd, text: replaced.join(eol) },
    line: at + 1 + rest.length,
  }
}
