/**
 * The two claims peerClasses.ts rests on, checked against brute force on generated identities and
 * patterns: probeMembers (a sorted prefix range, then the matcher) finds exactly the clients the
 * matcher accepts; and two clients share a class iff they pass exactly the same probes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchStarGlob } from '../authz/glob'
import { matchValue } from '../authz/match'
import { buildPeerTable, peerClasses, probeMembers, type PeerIdentityStrings, type Probe } from './peerClasses'

// Short strings over few characters, so prefixes, suffixes and inner wildcards often hit.
const word = fc.string({ unit: fc.constantFrom('a', 'b', '-'), minLength: 1, maxLength: 4 })
const pattern = fc.string({ unit: fc.constantFrom('a', 'b', '-', '/', '*'), minLength: 0, maxLength: 6 })

const identity = fc.record({ namespace: word, serviceAccount: word }).map((p): PeerIdentityStrings => ({ ...p, principal: `cluster.local/ns/${p.namespace}/sa/${p.serviceAccount}` }))
const identities = fc.array(identity, { minLength: 1, maxLength: 25 })

const probe = fc.oneof(
  fc.record({ attribute: fc.constant(0 as const), test: fc.constant('value' as const), pattern: fc.oneof(pattern, pattern.map((p) => `cluster.local/ns/${p}`)) }),
  fc.record({ attribute: fc.constant(1 as const), test: fc.constantFrom('glob' as const, 'value' as const), pattern }),
  fc.record({ attribute: fc.constant(2 as const), test: fc.constantFrom('exact' as const, 'value' as const), pattern }),
)

/** What a probe tests, written out plainly: the matcher of match.ts on the string the field reads. */
function bruteForce(p: Probe, id: PeerIdentityStrings): boolean {
  const value = p.attribute === 0 ? id.principal : p.attribute === 1 ? id.namespace : `${id.namespace}/${id.serviceAccount}`
  return p.test === 'value' ? matchValue(p.pattern, value) : p.test === 'glob' ? matchStarGlob(p.pattern, value) : p.pattern === value
}

describe('peer classes', () => {
  it('probeMembers = the clients the matcher accepts', () => {
    fc.assert(
      fc.property(identities, fc.array(probe, { minLength: 1, maxLength: 6 }), (ids, probes) => {
        const table = buildPeerTable(ids)
        for (const p of probes) {
          const expected = ids.flatMap((id, i) => (bruteForce(p, id) ? [i] : []))
          expect([...probeMembers(table, p)].sort((a, b) => a - b)).toEqual(expected)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('same class iff the same probes pass', () => {
    fc.assert(
      fc.property(identities, fc.array(probe, { minLength: 0, maxLength: 8 }), (ids, probes) => {
        const classes = peerClasses(buildPeerTable(ids), probes)
        const passed = ids.map((id) => probes.map((p) => (bruteForce(p, id) ? '1' : '0')).join(''))
        ids.forEach((_, i) =>
          ids.forEach((__, k) => {
            expect(classes.of[i] === classes.of[k]).toBe(passed[i] === passed[k])
          }),
        )
        for (const c of classes.of) expect(c).toBeLessThan(classes.count)
      }),
      { numRuns: 500 },
    )
  })

  it('a column whose rules cannot be classified puts every client in a class of its own', () => {
    const sleep = { namespace: 'a', serviceAccount: 'sleep', principal: 'cluster.local/ns/a/sa/sleep' }
    const ids = [sleep, { ...sleep }]
    expect(Array.from(peerClasses(buildPeerTable(ids), undefined).of)).toEqual([0, 1])
  })
})
