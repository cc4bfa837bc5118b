/**
 * Predict-then-reveal: a step's text before the reveal (`explanation`, title) must not name its
 * answers; what it prints goes to `outcome`, shown after the reveal. Naming an answer is a warning
 * at its line.
 */
import { describe, expect, it } from 'vitest'
import { parseLesson } from '.'
import { findSpoilers } from './parse/spoilers'

const lesson = (explanation: string, outcome = '', code = "'000 (56)'") => `id: tiny
title: A tiny lesson
summary: One request.
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
    explanation: |-
${explanation.split('\n').map((l) => `      ${l}`).join('\n')}
${outcome ? `    outcome: '${outcome}'\n` : ''}    request:
      clients: [sleep.legacy]
      targets: [httpbin.foo:8000]
    expect:
      grid:
        'sleep.legacy -> httpbin.foo:8000': ${code}
    commands:
      - kubectl apply -f policy.yaml
`

describe('spoilers before the reveal', () => {
  it('reads `outcome` as the text after the reveal, and warns about nothing when the answers are only there', () => {
    const result = parseLesson(lesson('The legacy client sends plain text.\nWhat does curl print?', 'The connection is reset: 000, exit code 56.'))
    expect(result.ok && result.warnings).toEqual([])
    expect(result.ok && result.lesson.steps[0]?.outcome).toBe('The connection is reset: 000, exit code 56.')
  })

  it('warns, with its line and column, where the explanation names an answer', () => {
    const result = parseLesson(lesson('The legacy client sends plain text.\nThe server resets it: curl prints 000 and exit code 56.'))
    if (!result.ok) throw new Error('expected a lesson')
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatchObject({ line: 21, column: 41, path: 'steps[0].explanation' })
    expect(result.warnings[0]?.message).toContain('names `000` before the reveal, and 000 (56) is one of this step\'s answers')
  })

  it('does not warn about codes that are not this step’s answers, nor about ports and versions', () => {
    const result = parseLesson(lesson('Ports 8000 and 1503 stay; Istio 1.0 would give a 503 or a 200 elsewhere.\nWhat now?'))
    expect(result.ok && result.warnings).toEqual([])
  })

  it('finds every spelling of a reset: `000`, `(56)`, `exit code 56`', () => {
    expect(findSpoilers('curl exits with exit code 56', ['000 (56)']).map((h) => h.found)).toEqual(['exit code 56'])
    expect(findSpoilers('it prints 000 (56)', ['000 (56)']).map((h) => h.found)).toEqual(['000'])
    expect(findSpoilers('a\nthen 401 and 200', ['200', '401'])).toEqual([
      { code: '401', found: '401', line: 2, column: 6 },
      { code: '200', found: '200', line: 2, column: 14 },
    ])
    expect(findSpoilers('port 8000, host httpbin.foo:8000/ip, 1.200', ['200'])).toEqual([])
  })
})
