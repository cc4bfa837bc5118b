/**
 * Maps an object path (as found in a Diagnostic) to a text range of the document it came from.
 */
import type { ObjectPath } from '../engine/types'
import { pathKey } from './spans'
import type { ObjectSource, SourceLocation, SourceRange } from './types'

export type LocateTarget = 'key' | 'value'

function located(range: SourceRange, exact: boolean): SourceLocation {
  return { ...range, exact }
}

/**
 * Range of `path` in `source`. For a map entry the default target is the key, so an unknown-field
 * marker underlines `mTLS` itself (a list item, having no key, gives its first line); ask for 'value'
 * to underline what follows the colon. A path that
 * does not exist in the text (a missing field, a defaulted namespace) falls back to the nearest
 * ancestor that does: its key when it has one, else the first line of its value.
 * @example locate(parsed.sources[0], ['spec', 'peers', 0, 'mTLS']) // { line: 9, column: 5, ..., exact: true }
 */
export function locate(source: ObjectSource, path: ObjectPath, target: LocateTarget = 'key'): SourceLocation {
  for (let depth = path.length; depth >= 0; depth--) {
    const spans = source.spans[pathKey(path.slice(0, depth))]
    if (!spans) continue
    if (depth === path.length) {
      const first = target === 'key' ? (spans.key ?? spans.head ?? spans.value) : (spans.value ?? spans.key)
      if (first) return located(first, true)
    }
    const fallback = spans.key ?? spans.head ?? spans.value
    if (fallback) return located(fallback, false)
  }
  return { line: source.line, column: 1, endLine: source.line, endColumn: 1, exact: false }
}
