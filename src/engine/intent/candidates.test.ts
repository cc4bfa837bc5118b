import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { modernTaskWorkloads } from '../../scenarios/modern/taskWorkloads'
import { objectsAtState, type SeedTables } from '../../scenarios/seed/replay'
import { parseManifests } from '../../yaml'
import { DEFAULT_OPTIONS, type EngineOptions } from '../types'
import { modelOf } from './check'
import { diffDesigns } from './diff'
import { candidateEdits } from './fix/candidates'

const seedTables = JSON.parse(readFileSync(new URL('../../scenarios/seed/seed-tables.json', import.meta.url), 'utf8')) as SeedTables
const seedWorkloads = () => parseManifests(readFileSync(new URL('../../scenarios/seed/workloads.yaml', import.meta.url), 'utf8'), 'workloads.yaml').objects

describe('the candidate space', () => {
  it('1.0 on the seed: v1alpha1 modes at three levels, rule modes at three levels, injection', () => {
    const objects = objectsAtState(seedTables, seedWorkloads(), 'S1')
    const ids = candidateEdits(objects, modelOf(objects, DEFAULT_OPTIONS).mesh, DEFAULT_OPTIONS).map((c) => c.id)
    expect(ids).not.toContain('authn/mesh/STRICT') // S1's MeshPolicy is STRICT already
    expect(ids).toEqual(expect.arrayContaining(['authn/mesh/PERMISSIVE', 'authn/mesh/OFF', 'authn/namespace/foo/STRICT', 'authn/service/foo/httpbin/PERMISSIVE', 'rule/mesh/*.local/ISTIO_MUTUAL', 'rule/namespace/*.bar.svc.cluster.local/ISTIO_MUTUAL', 'rule/workload/httpbin.legacy.svc.cluster.local/ISTIO_MUTUAL', 'inject/namespace/legacy', 'inject/workload/legacy/sleep']))
    expect(ids.some((id) => id.startsWith('peerauthn/') || id.startsWith('authz/'))).toBe(false)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('each candidate writes the one object it names, and changes an existing one in place', () => {
    const objects = objectsAtState(seedTables, seedWorkloads(), 'S1')
    const mesh = modelOf(objects, DEFAULT_OPTIONS).mesh
    for (const c of candidateEdits(objects, mesh, DEFAULT_OPTIONS)) {
      const after = c.apply(objects)
      const changed = diffKeys(objects, after)
      expect(changed, c.id).toEqual([c.touches])
    }
    const permissive = candidateEdits(objects, mesh, DEFAULT_OPTIONS).find((c) => c.id === 'authn/mesh/PERMISSIVE')
    expect(permissive?.apply(objects).find((o) => o.kind === 'MeshPolicy')?.spec).toEqual({ peers: [{ mtls: { mode: 'PERMISSIVE' } }] })
  })

  it('1.24: PeerAuthentication modes instead of v1alpha1 policies', () => {
    const options: EngineOptions = { ...DEFAULT_OPTIONS, profile: '1.24' }
    const objects = modernTaskWorkloads('1.24')
    const ids = candidateEdits(objects, modelOf(objects, options).mesh, options).map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining(['peerauthn/mesh/istio-system/default/STRICT', 'peerauthn/namespace/foo/default/DISABLE', 'peerauthn/workload/bar/httpbin/PERMISSIVE', 'rule/mesh/*.local/ISTIO_MUTUAL']))
    expect(ids.some((id) => id.startsWith('authn/'))).toBe(false)
  })
})

describe('design differences', () => {
  it('names, for each changed cell, the object whose change moves it', async () => {
    const before = objectsAtState(seedTables, seedWorkloads(), 'S5')
    const after = objectsAtState(seedTables, seedWorkloads(), 'S7')
    const diff = await diffDesigns(before, after, { options: DEFAULT_OPTIONS, request: { path: '/ip', headers: {}, now: 1_795_000_000 }, keySets: new Map() })
    expect(diff.objects.map((o) => o.key).sort()).toEqual(['DestinationRule/bar/httpbin', 'DestinationRule/foo/default', 'Policy/bar/httpbin', 'Policy/foo/default'])
    const legacyFoo = diff.cells.find((c) => c.from === 'sleep.legacy' && c.to === 'httpbin.foo:8000')
    expect(legacyFoo).toMatchObject({ before: { code: '200' }, after: { code: '000', exit: 56 }, causes: ['Policy/foo/default'] })
    expect(diff.compared).toBe(9)
  })
})

function diffKeys(a: readonly { kind: string; metadata: { name: string; namespace?: string } }[], b: typeof a): string[] {
  const key = (o: (typeof a)[number]) => `${o.kind}/${o.kind === 'Namespace' || o.kind === 'MeshPolicy' ? '' : (o.metadata.namespace ?? 'default')}/${o.metadata.name}`
  const old = new Map(a.map((o) => [key(o), JSON.stringify(o)]))
  return b.filter((o) => old.get(key(o)) !== JSON.stringify(o)).map(key)
}
