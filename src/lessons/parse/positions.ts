/**
 * Where a path of a lesson file is in its text: 1-based line and column, from the `yaml` package's
 * node ranges. Also maps a line of YAML embedded in a block scalar (`apply: |`) back to the file.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'

export type PathSegment = string | number
export type Path = readonly PathSegment[]

export interface Position {
  line: number
  column: number
}

export interface Locator {
  /** The key of a map entry (default) or its value; falls back to the nearest ancestor in the text. */
  at(path: Path, target?: 'key' | 'value'): Position | undefined
  /** A 1-based line/column inside a block scalar's content, mapped to the file. */
  inBlock(path: Path, line: number, column: number): Position | undefined
}

interface Found {
  node: Node | null | undefined
  key: Node | undefined
  exact: boolean
}

function walk(doc: Document, path: Path): Found {
  let node = doc.contents as Node | null | undefined
  let key: Node | undefined
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))
      if (!pair) return { node, key, exact: false }
      key = pair.key as Node
      node = pair.value as Node | null
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      key = undefined
      node = node.items[segment] as Node
    } else {
      return { node, key, exact: false }
    }
  }
  return { node, key, exact: true }
}

export function locator(doc: Document, lines: LineCounter, text: string): Locator {
  const pos = (offset: number): Position => {
    const p = lines.linePos(offset)
    return { line: p.line, column: p.col }
  }
  return {
    at(path, target = 'key') {
      const found = walk(doc, path)
      const start = target === 'key' || !found.exact ? (found.key?.range?.[0] ?? found.node?.range?.[0]) : (found.node?.range?.[0] ?? found.key?.range?.[0])
      return start === undefined ? undefined : pos(start)
    },
    inBlock(path, line, column) {
      const found = walk(doc, path)
      const node = found.node
      if (!found.exact || !isScalar(node) || !node.range) return undefined
      if (node.type !== 'BLOCK_LITERAL') return pos(node.range[0])
      // Content starts on the line after the `|` header, indented by the first non-blank line's indent.
      const header = pos(node.range[0]).line
      const contentStart = text.indexOf('\n', node.range[0]) + 1
      const body = text.slice(contentStart, node.range[1])
      const indent = /^(?:[ \t]*\r?\n)*( *)/.exec(body)?.[1]?.length ?? 0
      return { line: header + line, column: indent + column }
    },
  }
}

/** `steps[3].expect.grid`: identifiers joined by dots, indices in brackets, other keys quoted. */
export function formatPath(path: Path): string {
  let out = ''
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}
