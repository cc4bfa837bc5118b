import { describe, expect, it } from 'vitest'
import { admitOne, jwt, policy, virtualService } from '../admission/fixtures/objects'
import { locate, parseManifests } from '../../yaml'
import { MAX_PATTERN_LENGTH, MAX_PROGRAM_SIZE, matchesWhole, regexProblem } from '.'

const CATASTROPHIC = '(.*.*.*.*.*.*.*.*.*.*)*x'

describe('RE2 matching', () => {
  it.each([
    ['/ip|/headers', '/headers', true],
    ['/i', '/ip', false],
    ['/status/[0-9]+', '/status/418', true],
    ['/status/[0-9]+', '/status/418/x', false],
    ['\\d+', '123', true],
    ['(?i)/IP', '/ip', true],
  ])('%s on %s: %s', (source, input, expected) => {
    expect(matchesWhole(source, input)).toBe(expected)
  })

  it('matches a catastrophic pattern on a long input without backtracking', () => {
    // A backtracking engine takes longer than the age of the universe here; RE2 is linear.
    expect(regexProblem(CATASTROPHIC)).toBeUndefined()
    expect(matchesWhole(CATASTROPHIC, 'a'.repeat(5000))).toBe(false)
    expect(matchesWhole(CATASTROPHIC, `${'a'.repeat(5000)}x`)).toBe(true)
  })

  it.each([
    ['(a)\\1', 'backreferences'],
    ['(?=a)a', 'lookahead or lookbehind'],
    ['(?!a)b', 'lookahead or lookbehind'],
    ['(?<=a)b', 'lookahead or lookbehind'],
    ['a++', 'RE2 cannot compile it'],
    ['(', 'RE2 cannot compile it'],
    ['a)(b', 'RE2 cannot compile it'],
  ])('refuses %s (%s) and never matches with it', (source, words) => {
    const problem = regexProblem(source)
    expect(problem?.kind).toBe('syntax')
    expect(problem?.message).toContain(words)
    expect(matchesWhole(source, source)).toBe(false)
  })

  it(`refuses a program over Envoy's max_program_size (${MAX_PROGRAM_SIZE}) and an over-long pattern`, () => {
    expect(regexProblem('a{50}')).toBeUndefined()
    expect(regexProblem('a{200}')).toMatchObject({ kind: 'program-size' })
    expect(regexProblem('a{200}')?.message).toContain('max_program_size')
    expect(regexProblem(`[${'a'.repeat(MAX_PATTERN_LENGTH)}]`)).toMatchObject({ kind: 'length' })
  })
})

describe('Admission of regexes', () => {
  const trigger = (regex: string) => policy('p', { targets: [{ name: 'httpbin' }], origins: [{ jwt: jwt({ triggerRules: [{ includedPaths: [{ regex }] }] }) }] })
  const route = (regex: string) =>
    virtualService('httpbin', { hosts: ['*'], gateways: ['gw'], http: [{ match: [{ uri: { regex } }], route: [{ destination: { host: 'httpbin' } }] }] })

  it('accepts what RE2 accepts', () => {
    expect(admitOne(trigger('/status/[0-9]+'), '1.1')).toMatchObject({ accepted: true, codes: [] })
    expect(admitOne(route(CATASTROPHIC))).toMatchObject({ accepted: true, codes: [] })
  })

  it('rejects a trigger-rule regex with a backreference (IST0126) at its path', () => {
    const r = admitOne(trigger('(a)\\1'), '1.1')
    expect(r).toMatchObject({ accepted: false, codes: ['IST0126'] })
    expect(r.diagnostics[0]?.path).toEqual(['spec', 'origins', 0, 'jwt', 'triggerRules', 0, 'includedPaths', 0, 'regex'])
  })

  it('rejects a VirtualService uri regex over the program size (IST0127) at its path', () => {
    const r = admitOne(route('x{500}'))
    expect(r).toMatchObject({ accepted: false, codes: ['IST0127'] })
    expect(r.diagnostics[0]?.path).toEqual(['spec', 'http', 0, 'match', 0, 'uri', 'regex'])
  })

  it('puts the finding on the line of the regex', () => {
    const text = [
      'apiVersion: networking.istio.io/v1alpha3',
      'kind: VirtualService',
      'metadata: {name: httpbin, namespace: foo}',
      'spec:',
      '  hosts: ["*"]',
      '  gateways: [gw]',
      '  http:',
      '  - match:',
      '    - uri:',
      '        regex: "(?=/admin)/.*"',
      '    route:',
      '    - destination: {host: httpbin}',
      '',
    ].join('\n')
    const parsed = parseManifests(text)
    expect(parsed.diagnostics).toEqual([])
    const r = admitOne(parsed.objects[0]!)
    expect(r.codes).toEqual(['IST0126'])
    expect(locate(parsed.sources[0]!, r.diagnostics[0]!.path!)).toMatchObject({ line: 10, column: 9, exact: true })
  })
})
