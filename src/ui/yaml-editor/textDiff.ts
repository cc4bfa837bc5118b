/** Replace `before[start, end)` with `text` to get the new string. Offsets are UTF-16 indices. */
export interface TextEdit {
  start: number
  end: number
  text: string
}

/**
 * The single edit between two strings: everything between their common prefix and common suffix.
 * Applying only this range (instead of the whole text) lets the editor keep cursors, selections,
 * folding and scroll position outside of it. Boundaries never split a surrogate pair or a CRLF,
 * because Monaco would move such a position and the edit would land one character off.
 *
 * @example minimalEdit('a: 1\nb: 2', 'a: 1\nb: 3') // { start: 9, end: 10, text: '3' }
 */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null
  const shorter = Math.min(before.length, after.length)

  let prefix = 0
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  while (prefix > 0 && (splitsPair(before, prefix) || splitsPair(after, prefix))) prefix--

  let suffix = 0
  const maxSuffix = shorter - prefix
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  while (suffix > 0 && (splitsPair(before, before.length - suffix) || splitsPair(after, after.length - suffix))) {
    suffix--
  }

  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) }
}

/** True when offset `i` falls inside a surrogate pair or between the CR and LF of a CRLF. */
function splitsPair(s: string, i: number): boolean {
  if (i <= 0 || i >= s.length) return false
  const left = s.charCodeAt(i - 1)
  const right = s.charCodeAt(i)
  const surrogates = left >= 0xd800 && left <= 0xdbff && right >= 0xdc00 && right <= 0xdfff
  return surrogates || (left === 0x0d && right === 0x0a)
}
