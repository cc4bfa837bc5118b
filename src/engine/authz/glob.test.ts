import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchPathTemplate, matchStarGlob } from './glob'

/** The backtracking definitions the linear matchers replace, for comparison on small inputs only. */
function starRegex(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
}
function templateRegex(pattern: string): RegExp {
  const body = pattern
    .split(/(\{\*\*\}|\{\*\})/)
    .map((s) => (s === '{**}' ? '.+' : s === '{*}' ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${body}$`)
}

describe('matchStarGlob (M25 namespaces)', () => {
  it.each([
    ['foo', 'foo', true],
    ['foo', 'foobar', false],
    ['*', '', true],
    ['team-*', 'team-a', true],
    ['*-prod', 'a-prod', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['a*a', 'a', false],
    ['*ab*ab*', 'xabyab', true],
  ])('%s against %s: %s', (pattern, text, want) => {
    expect(matchStarGlob(pattern, text)).toBe(want)
  })

  it('agrees with the regular expression Istio builds, on generated patterns', () => {
    const chars = fc.constantFrom('a', 'b', '*', '-')
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 8 }), fc.array(fc.constantFrom('a', 'b', '-'), { maxLength: 10 }), (p, t) => {
        const pattern = p.join('')
        const text = t.join('')
        expect(matchStarGlob(pattern, text)).toBe(starRegex(pattern).test(text))
      }),
      { numRuns: 3000 },
    )
  })

  it('answers a pattern that would make a backtracking regex explode', () => {
    const pattern = `${'*a'.repeat(30)}*b`
    expect(matchStarGlob(pattern, 'a'.repeat(5000))).toBe(false)
  })
})

describe('matchPathTemplate (path templates {*} and {**})', () => {
  it.each([
    ['/api/{*}/status', '/api/v1/status', true],
    ['/api/{*}', '/api/v1/x', false],
    ['/api/{**}', '/api/v1/x', true],
    ['/api/{**}', '/api/', false],
    ['/{*}/{*}', '/a/b', true],
    ['/{*}', '/', false],
  ])('%s against %s: %s', (pattern, path, want) => {
    expect(matchPathTemplate(pattern, path)).toBe(want)
  })

  it('agrees with the template regular expression on generated paths', () => {
    const pieces = fc.constantFrom('/', 'a', 'b', '{*}', '{**}')
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 6 }), fc.array(fc.constantFrom('/', 'a', 'b'), { maxLength: 10 }), (p, t) => {
        const pattern = p.join('')
        const path = t.join('')
        expect(matchPathTemplate(pattern, path)).toBe(templateRegex(pattern).test(path))
      }),
      { numRuns: 3000 },
    )
  })
})
