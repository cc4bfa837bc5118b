/**
 * parseLesson: a good file gives a Lesson; a bad one gives every problem with its line, column and
 * the path of the field, so an editor can put a marker on it.
 */
import { describe, expect, it } from 'vitest'
import { formatLessonError, parseLesson, type LessonError } from '.'
import { parseLesson as parseWithoutBases } from './api'

const GOOD = `id: tiny
title: A tiny lesson
summary: One policy, one request.
profile: '1.0'
base: seed-workloads
steps:
  - id: strict-foo
    title: Require mutual TLS in foo
    section: Namespace-wide policy
    apply: |
      apiVersion: authentication.istio.io/v1alpha1
      kind: Policy
      metadata:
        name: default
        namespace: foo
      spec:
        peers:
        - mtls: {}
    explanation: The legacy client cannot do mutual TLS. Its connection is reset.
    request:
      clients: [sleep.legacy]
      targets: [httpbin.foo:8000]
    expect:
      grid:
        'sleep.legacy -> httpbin.foo:8000': '000 (56)'
    commands:
      - kubectl apply -f policy.yaml
`

/** GOOD with one line replaced (1-based), or lines inserted after it. */
function edit(line: number, replacement: string, insert = false): string {
  const lines = GOOD.split('\n')
  lines.splice(insert ? line : line - 1, insert ? 0 : 1, ...replacement.split('\n'))
  return lines.join('\n')
}

function errorsOf(text: string, fileName?: string): LessonError[] {
  const result = parseLesson(text, fileName)
  if (result.ok) throw new Error('expected the lesson to be rejected')
  return result.errors
}

describe('parseLesson', () => {
  it('accepts a small valid lesson and resolves its named base', () => {
    const result = parseLesson(GOOD, 'tiny.yaml')
    expect(result.ok && result.warnings).toEqual([])
    expect(result.ok && result.lesson.base.ref).toBe('seed-workloads')
    expect(result.ok && result.lesson.steps[0]?.expect.grid).toEqual({ 'sleep.legacy -> httpbin.foo:8000': '000 (56)' })
  })

  it('reads the same lesson written as JSON', () => {
    const result = parseLesson(GOOD, 'tiny.yaml')
    if (!result.ok) throw new Error('GOOD must parse')
    const { base: _base, ...rest } = result.lesson
    const json = parseLesson(JSON.stringify({ ...rest, base: 'seed-workloads' }, null, 2), 'tiny.json')
    expect(json.ok && json.lesson).toEqual(result.lesson)
  })

  it('rejects an unknown field at its line, and suggests the field it resembles', () => {
    const errors = errorsOf(edit(20, '    reqest:'))
    expect(errors).toContainEqual({ line: 20, column: 5, path: 'steps[0].reqest', message: expect.stringContaining('unknown field `reqest` (did you mean `request`?)') })
  })

  it('rejects a code curl cannot print, naming the cell', () => {
    const errors = errorsOf(edit(25, "        'sleep.legacy -> httpbin.foo:8000': '201'"))
    expect(errors).toEqual([
      { line: 25, column: 45, path: 'steps[0].expect.grid', message: '"sleep.legacy -> httpbin.foo:8000": expected one of 200, 401, 403, 503, 404, 000 (56), 000 (52), 000 (35), 000 (7), got "201"' },
    ])
  })

  it('rejects a step without a title, pointing at the step', () => {
    const errors = errorsOf(edit(8, '    sectio: x').replace('    sectio: x\n', ''))
    expect(errors).toEqual([{ line: 7, column: 5, path: 'steps[0].title', message: 'missing required field `title`' }])
  })

  it('rejects a lesson without a title', () => {
    expect(errorsOf(GOOD.replace('title: A tiny lesson\n', ''))).toEqual([{ line: 1, column: 1, path: 'title', message: 'missing required field `title`' }])
  })

  it('rejects a step deleting something that does not exist at that point', () => {
    const errors = errorsOf(edit(9, '    delete:\n      - { kind: DestinationRule, name: default, namespace: foo }', true))
    expect(errors).toEqual([{ line: 11, column: 9, path: 'steps[0].delete[0]', message: 'DestinationRule foo/default does not exist in the base, so there is nothing to delete' }])
  })

  it('rejects commands that keep documentation shortcodes instead of real URLs', () => {
    const errors = errorsOf(edit(28, '      - kubectl apply -f @samples/sleep/sleep.yaml@ -n legacy', true))
    expect(errors).toEqual([{ line: 29, column: 9, path: 'steps[0].commands[1]', message: expect.stringContaining('shortcode `@samples/sleep/sleep.yaml@`') }])
    expect(errorsOf(edit(28, '      - "curl {{< github_file >}}/demo.jwt"', true))[0]?.path).toBe('steps[0].commands[1]')
  })

  it('rejects a client that is not in the mesh at that step', () => {
    const errors = errorsOf(edit(21, '      clients: [sleep.nowhere]'))
    expect(errors).toEqual([{ line: 21, column: 17, path: 'steps[0].request.clients[0]', message: expect.stringContaining('no workload sleep.nowhere') }])
  })

  it('rejects a grid that leaves out a probe the request sends, or names one it does not send', () => {
    const missing = errorsOf(edit(22, '      targets: [httpbin.foo:8000, httpbin.bar:8000]'))
    expect(missing).toEqual([{ line: 24, column: 7, path: 'steps[0].expect.grid', message: expect.stringContaining('missing "sleep.legacy -> httpbin.bar:8000"') }])
    const extra = errorsOf(edit(25, "        'sleep.foo -> httpbin.foo:8000': '200'", true))
    expect(extra).toEqual([{ line: 26, column: 9, path: 'steps[0].expect.grid', message: expect.stringContaining('"sleep.foo -> httpbin.foo:8000": the request sends no such probe') }])
  })

  it('sends the external client only to the ingress gateway', () => {
    const errors = errorsOf(edit(21, '      clients: [external]'))
    expect(errors[0]).toEqual({ line: 22, column: 17, path: 'steps[0].request.targets[0]', message: expect.stringContaining('only through the ingress gateway') })
  })

  it('rejects a step that mixes the external client with workloads', () => {
    expect(errorsOf(edit(21, '      clients: [external, sleep.legacy]'))).toEqual([
      { line: 21, column: 7, path: 'steps[0].request.clients', message: expect.stringContaining('give it a step of its own') },
    ])
  })

  it('rejects two steps with the same id', () => {
    const twice = GOOD + GOOD.slice(GOOD.indexOf('  - id: strict-foo'))
    expect(errorsOf(twice)).toContainEqual({ line: 28, column: 9, path: 'steps[1].id', message: 'duplicate step id "strict-foo" (also steps[0])' })
  })

  it('maps a YAML error inside `apply: |` to its line in the lesson file', () => {
    const errors = errorsOf(edit(14, '        name: again', true))
    expect(errors).toEqual([{ line: 15, column: 9, path: 'steps[0].apply', message: expect.stringContaining('Map keys must be unique') }])
  })

  it('warns, at the line in the file, about an object Istio would reject, and still gives the lesson', () => {
    const result = parseLesson(edit(18, '        - mTLS: {}'))
    expect(result.ok && result.warnings).toEqual([{ line: 18, column: 11, path: 'steps[0].apply', message: expect.stringContaining('mTLS') }])
  })

  it('reports a YAML syntax error of the file itself with its line', () => {
    expect(errorsOf(edit(3, 'summary: one: two'))[0]).toEqual({ line: 3, column: 10, path: '', message: expect.stringContaining('not valid YAML') })
  })

  it('needs the named base when called without the built-in bases (the Node-safe API)', () => {
    const result = parseWithoutBases(GOOD, 'tiny.yaml')
    expect(result.ok ? [] : result.errors).toEqual([{ line: 5, column: 7, path: 'base', message: expect.stringContaining('`seed-workloads` was not given') }])
  })

  it('formats a problem as file:line:column: path: message', () => {
    expect(formatLessonError({ line: 25, column: 45, path: 'steps[0].expect.grid', message: 'bad' }, 'tiny.yaml')).toBe('tiny.yaml:25:45: steps[0].expect.grid: bad')
  })
})
