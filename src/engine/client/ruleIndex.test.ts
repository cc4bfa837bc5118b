/**
 * lookupRule against the plain statement of rule 9's most specific host: an exact host, else the
 * wildcard with the longest suffix the name ends with, else `*`; the oldest rule among equal hosts.
 * Both ways of finding the wildcard are covered: scanning a short list, slicing the name at each dot.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DestinationRule } from '../istio'
import type { ResolvedRule } from '../mesh/model'
import { buildRuleIndex, lookupRule } from './ruleIndex'

// Few labels, so wildcards nest (`*.a`, `*.b.a`) and names often end with several of them.
const label = fc.constantFrom('a', 'b', 'ab')
const name = fc.array(label, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'))
const host = fc.oneof(name, name.map((n) => `*.${n}`), fc.constant('*'))

/** Names to look up: random ones, and labels put in front of the hosts' own names (so wildcards match). */
function withNames(hostLists: fc.Arbitrary<string[]>): fc.Arbitrary<[string[], string[]]> {
  return hostLists.chain((hosts) => {
    const near = hosts.length === 0 ? name : fc.tuple(name, fc.constantFrom(...hosts)).map(([prefix, h]) => (h === '*' ? prefix : `${prefix}.${h.replace(/^\*\./, '')}`))
    return fc.tuple(fc.constant(hosts), fc.array(fc.oneof(name, near), { minLength: 1, maxLength: 12 }))
  })
}

function resolved(host: string, order: number): ResolvedRule {
  const rule = { kind: 'DestinationRule', key: `DestinationRule/x/r${order}`, name: `r${order}`, namespace: 'x', host, exportTo: [], order } as DestinationRule
  return { rule, host, wildcard: host.startsWith('*'), exported: true }
}

function mostSpecific(rules: readonly ResolvedRule[], fqdn: string): ResolvedRule | undefined {
  const oldest = (list: readonly ResolvedRule[]) => [...list].sort((a, b) => a.rule.order - b.rule.order)[0]
  const exact = oldest(rules.filter((r) => r.host === fqdn))
  if (exact) return exact
  const wildcards = rules.filter((r) => r.host.startsWith('*.') && fqdn.endsWith(r.host.slice(1)))
  const longest = Math.max(-1, ...wildcards.map((r) => r.host.length))
  return oldest(wildcards.filter((r) => r.host.length === longest)) ?? oldest(rules.filter((r) => r.host === '*'))
}

describe('lookupRule', () => {
  it.each([
    ['a few wildcards (scanned)', fc.array(host, { maxLength: 6 }), false],
    ['many wildcards (sliced)', fc.tuple(fc.uniqueArray(name, { minLength: 9, maxLength: 20 }), fc.array(host, { maxLength: 20 })).map(([w, h]) => [...w.map((n) => `*.${n}`), ...h]), true],
  ] as const)('= the most specific host, %s', (_, hostLists, many) => {
    fc.assert(
      fc.property(withNames(hostLists), ([hosts, names]) => {
        const rules = hosts.map((h, i) => resolved(h, (i * 7) % hosts.length))
        const index = buildRuleIndex(rules)
        if (many) expect(index.wildcardList.length).toBeGreaterThan(8)
        for (const fqdn of names) expect(lookupRule(index, fqdn)).toBe(mostSpecific(rules, fqdn))
      }),
      { numRuns: 400 },
    )
  })
})
