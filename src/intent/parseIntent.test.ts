import { describe, expect, it } from 'vitest'
import { parseIntent } from './parseIntent'
import { setExpectation, writtenExpectation, nextInCycle, EMPTY_INTENT } from './editIntent'

const TEXT = `apiVersion: mesh-auth-designer/v1
kind: Intent
expectations:
- from: sleep.foo
  to: httpbin.foo:8000
  expect: allow
- from: "*.legacy"
  to: ["*.foo", httpbin.bar]
  expect: 000/56
- from: external
  to: httpbin.foo
  expect: 401
  request: {path: /headers, token: none}
`

describe('intent.yaml', () => {
  it('reads sets, outcomes, lists and requests', () => {
    const parsed = parseIntent(TEXT)
    expect(parsed.problems).toEqual([])
    expect(parsed.expectations).toEqual([
      { from: { kind: 'workload', name: 'sleep', namespace: 'foo' }, to: { kind: 'port', name: 'httpbin', namespace: 'foo', port: 8000 }, expect: { kind: 'allow' }, line: 4 },
      { from: { kind: 'namespace', namespace: 'legacy' }, to: { kind: 'namespace', namespace: 'foo' }, expect: { kind: 'code', code: '000', exit: 56 }, line: 7 },
      { from: { kind: 'namespace', namespace: 'legacy' }, to: { kind: 'service', name: 'httpbin', namespace: 'bar' }, expect: { kind: 'code', code: '000', exit: 56 }, line: 7 },
      { from: { kind: 'external' }, to: { kind: 'service', name: 'httpbin', namespace: 'foo' }, expect: { kind: 'code', code: '401' }, request: { path: '/headers', token: 'none' }, line: 10 },
    ])
  })

  it('keeps the digits of an unquoted 000', () => {
    const parsed = parseIntent('expectations:\n- {from: sleep.legacy, to: httpbin.foo, expect: 000}\n')
    expect(parsed.expectations[0]?.expect).toEqual({ kind: 'code', code: '000' })
  })

  it.each([
    ['expectations:\n- from: sleep\n  to: httpbin.foo\n  expect: allow\n', 'INT004', 2, 9],
    ['expectations:\n- from: sleep.foo\n  to: httpbin.foo\n  expect: maybe\n', 'INT005', 4, 11],
    ['expectations:\n- from: sleep.foo\n  to: httpbin.foo\n  expct: allow\n', 'INT003', 4, 3],
    ['expectations:\n- from: sleep.foo\n  to: httpbin.foo\n', 'INT002', 2, 3],
    ['expectations:\n- from: sleep.foo\n  to: httpbin.foo\n  expect: allow\n  request: {path: ip}\n', 'INT006', 5, 19],
    ['expectations:\n- from: *.foo\n', 'INT004', 2, 9],
    ['expectations: [\n', 'INT001', 2, 1],
    ['kind: Policy\n', 'INT002', 1, 7],
  ])('reports %j as %s at line %i column %i', (text, code, line, column) => {
    const parsed = parseIntent(text)
    expect(parsed.problems[0]).toMatchObject({ code, line, column, severity: 'error' })
  })

  it('edits keep comments and cycle allow -> deny -> nothing', () => {
    const start = `# who may call whom\n${EMPTY_INTENT}`
    const a = setExpectation(start, 'sleep.foo', '*', nextInCycle(undefined)) as string
    expect(a).toContain('# who may call whom')
    expect(parseIntent(a).expectations).toHaveLength(1)
    expect(writtenExpectation(a, 'sleep.foo', '*')).toBe('allow')
    const b = setExpectation(a, 'sleep.foo', '*', nextInCycle('allow')) as string
    expect(writtenExpectation(b, 'sleep.foo', '*')).toBe('deny')
    const c = setExpectation(b, 'sleep.foo', '*', nextInCycle('deny')) as string
    expect(parseIntent(c).expectations).toEqual([])
    expect(parseIntent(a).problems).toEqual([])
  })
})
