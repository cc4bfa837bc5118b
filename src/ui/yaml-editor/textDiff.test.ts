import { describe, expect, it } from 'vitest'
import { minimalEdit, type TextEdit } from './textDiff'

function apply(before: string, edit: TextEdit | null): string {
  return edit ? before.slice(0, edit.start) + edit.text + before.slice(edit.end) : before
}

describe('minimalEdit', () => {
  it('returns null for equal texts', () => {
    expect(minimalEdit('kind: Policy', 'kind: Policy')).toBeNull()
  })

  it('replaces only the changed characters', () => {
    expect(minimalEdit('mode: STRICT\n', 'mode: PERMISSIVE\n')).toEqual({ start: 6, end: 12, text: 'PERMISSIVE' })
  })

  it('describes a pure insertion as an empty range', () => {
    expect(minimalEdit('a\nc', 'a\nb\nc')).toEqual({ start: 2, end: 2, text: 'b\n' })
  })

  it('describes a pure deletion as empty text', () => {
    expect(minimalEdit('a\nb\nc', 'a\nc')).toEqual({ start: 2, end: 4, text: '' })
  })

  it('does not let prefix and suffix overlap on repeated characters', () => {
    const edit = minimalEdit('aaa', 'aaaa')
    expect(edit).toEqual({ start: 3, end: 3, text: 'a' })
    expect(apply('aaa', edit)).toBe('aaaa')
  })

  it('handles texts that become empty or start empty', () => {
    expect(minimalEdit('abc', '')).toEqual({ start: 0, end: 3, text: '' })
    expect(minimalEdit('', 'abc')).toEqual({ start: 0, end: 0, text: 'abc' })
  })

  it('never splits a surrogate pair', () => {
    // '\u{1F600}' and '\u{1F601}' share their high surrogate.
    const edit = minimalEdit('x\u{1F600}y', 'x\u{1F601}y')
    expect(edit).toEqual({ start: 1, end: 3, text: '\u{1F601}' })
  })

  it('never splits a CRLF', () => {
    const edit = minimalEdit('a\r\nb', 'a\rb')
    expect(edit).not.toBeNull()
    expect(edit?.start).toBe(1)
    expect(apply('a\r\nb', edit)).toBe('a\rb')
  })

  it('round-trips arbitrary edits', () => {
    const pairs: [string, string][] = [
      ['apiVersion: v1\nkind: Policy\n', 'apiVersion: v1\nkind: MeshPolicy\n'],
      ['peers:\n- mtls: {}\n', 'peers:\n- mtls:\n    mode: PERMISSIVE\n'],
      ['abcabc', 'abc'],
      ['\u{1F600}\u{1F600}', '\u{1F600}'],
    ]
    for (const [before, after] of pairs) expect(apply(before, minimalEdit(before, after))).toBe(after)
  })
})
