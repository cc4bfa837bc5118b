import { describe, expect, it } from 'vitest'
import type { StringMatch, TriggerRule } from '../istio'
import { matchString, originTriggered } from './triggerRules'

describe('StringMatch', () => {
  it.each<[StringMatch, string, boolean]>([
    [{ exact: '/ip' }, '/ip', true],
    [{ exact: '/ip' }, '/ip?x=1', false],
    [{ exact: '/ip' }, '/IP', false],
    [{ prefix: '/status/' }, '/status/200', true],
    [{ prefix: '/status/' }, '/statu', false],
    [{ suffix: '.json' }, '/a/b.json', true],
    [{ suffix: '.json' }, '/a/b.json?x', false],
    [{ regex: '/ip|/headers' }, '/headers', true],
    [{ regex: '/i' }, '/ip', false],
    [{ regex: '/status/[0-9]+' }, '/status/418', true],
    [{ regex: '/status/[0-9]+' }, '/status/418/x', false],
    [{ regex: '(' }, '(', false],
    [{ regex: 'a)(b' }, 'a)(b', false],
    [{}, '/ip', false],
    [{ exact: '' }, '', true],
  ])('%j against %s -> %s', (m, path, expected) => {
    expect(matchString(m, path)).toBe(expected)
  })
})

describe('trigger rules (Istio 1.1)', () => {
  const excludeUserAgent: TriggerRule = { excludedPaths: [{ exact: '/user-agent' }], includedPaths: [] }
  const includeIp: TriggerRule = { excludedPaths: [], includedPaths: [{ exact: '/ip' }] }

  it('require the JWT on every path when there are none', () => {
    expect(originTriggered({ triggerRules: [] }, '/anything')).toBe(true)
  })

  it.each([
    ['/user-agent', false],
    ['/headers', true],
    ['/ip', true],
    // The raw :path is matched, query string included, so this one is not excluded.
    ['/user-agent?x=1', true],
  ])('with excludedPaths [exact: /user-agent] (the 1.1 task): %s -> %s', (path, triggered) => {
    expect(originTriggered({ triggerRules: [excludeUserAgent] }, path)).toBe(triggered)
  })

  it.each([
    ['/ip', true],
    ['/user-agent', false],
    ['/ip?x=1', false],
  ])('with includedPaths [exact: /ip] (the 1.1 task): %s -> %s', (path, triggered) => {
    expect(originTriggered({ triggerRules: [includeIp] }, path)).toBe(triggered)
  })

  it('trigger when any rule selects the path', () => {
    const onlyHeaders: TriggerRule = { excludedPaths: [], includedPaths: [{ exact: '/headers' }] }
    expect(originTriggered({ triggerRules: [includeIp, onlyHeaders] }, '/headers')).toBe(true)
    expect(originTriggered({ triggerRules: [includeIp, onlyHeaders] }, '/status')).toBe(false)
  })

  it('let an excluded path win over an included one in the same rule', () => {
    const rule: TriggerRule = { excludedPaths: [{ prefix: '/ip' }], includedPaths: [{ exact: '/ip' }] }
    expect(originTriggered({ triggerRules: [rule] }, '/ip')).toBe(false)
  })
})
