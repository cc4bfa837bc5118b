/**
 * Property: on generated meshes, with expectations drawn from the design's own grid (so they hold)
 * and a few of them turned around, every fix the search returns makes all expectations hold, hence
 * never breaks one that held before.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../types'
import { DEFAULT_OPTIONS, type EngineOptions } from '../types'
import { checkObjects, type CheckInput } from './check'
import { searchFixes } from './fix/search'
import type { Expectation } from './types'

const AUTHN = 'authentication.istio.io/v1alpha1'
const NET = 'networking.istio.io/v1alpha3'
const peers = (mode: string) => (mode === 'STRICT' ? [{ mtls: {} }] : [{ mtls: { mode: 'PERMISSIVE' } }])

interface Shape {
  namespaces: { sidecar: boolean; policy: 'none' | 'STRICT' | 'PERMISSIVE'; rule: 'none' | 'ISTIO_MUTUAL' | 'DISABLE' }[]
  meshPolicy: 'none' | 'STRICT' | 'PERMISSIVE'
  meshRule: 'none' | 'ISTIO_MUTUAL'
}

const SECURITY = 'security.istio.io/v1beta1'

/** Peer authentication as the profile writes it: v1alpha1 policies (1.0, 1.1) or PeerAuthentication. */
function peerPolicy(modern: boolean, namespace: string | undefined, mode: 'STRICT' | 'PERMISSIVE'): KubeObject {
  if (modern) return { apiVersion: SECURITY, kind: 'PeerAuthentication', metadata: { name: 'default', namespace: namespace ?? 'istio-system' }, spec: { mtls: { mode } } }
  return namespace === undefined
    ? { apiVersion: AUTHN, kind: 'MeshPolicy', metadata: { name: 'default' }, spec: { peers: peers(mode) } }
    : { apiVersion: AUTHN, kind: 'Policy', metadata: { name: 'default', namespace }, spec: { peers: peers(mode) } }
}

function meshOf(shape: Shape, modern: boolean): KubeObject[] {
  const out: KubeObject[] = []
  if (shape.meshPolicy !== 'none') out.push(peerPolicy(modern, undefined, shape.meshPolicy))
  if (shape.meshRule !== 'none') out.push({ apiVersion: NET, kind: 'DestinationRule', metadata: { name: 'default', namespace: 'default' }, spec: { host: '*.local', trafficPolicy: { tls: { mode: shape.meshRule } } } })
  shape.namespaces.forEach((n, i) => {
    const ns = `ns${i}`
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, ...(n.sidecar ? { labels: { 'istio-injection': 'enabled' } } : {}) } })
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: ns }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 8000 }] } })
    for (const [app, ports] of [['web', [{ containerPort: 8000 }]], ['client', []]] as const)
      out.push({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: app, namespace: ns }, spec: { selector: { matchLabels: { app } }, template: { metadata: { labels: { app } }, spec: { containers: [{ name: app, image: 'x', ports }] } } } })
    if (n.policy !== 'none') out.push(peerPolicy(modern, ns, n.policy))
    // Modern meshes: some namespaces only let their own namespace in.
    if (modern && n.rule === 'DISABLE') out.push({ apiVersion: SECURITY, kind: 'AuthorizationPolicy', metadata: { name: 'own-only', namespace: ns }, spec: { rules: [{ from: [{ source: { namespaces: [ns] } }] }] } })
    if (n.rule !== 'none') out.push({ apiVersion: NET, kind: 'DestinationRule', metadata: { name: 'default', namespace: ns }, spec: { host: `*.${ns}.svc.cluster.local`, trafficPolicy: { tls: { mode: n.rule } } } })
  })
  return out
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  namespaces: fc.array(fc.record({ sidecar: fc.boolean(), policy: fc.constantFrom('none', 'STRICT', 'PERMISSIVE'), rule: fc.constantFrom('none', 'ISTIO_MUTUAL', 'DISABLE') }), { minLength: 2, maxLength: 3 }),
  meshPolicy: fc.constantFrom('none', 'STRICT', 'PERMISSIVE'),
  meshRule: fc.constantFrom('none', 'ISTIO_MUTUAL'),
}) as fc.Arbitrary<Shape>

describe.each(['1.0', '1.1', '1.24'] as const)('a fix never breaks a holding expectation (Istio %s)', (profile) => {
  const options: EngineOptions = { ...DEFAULT_OPTIONS, profile }
  const input: CheckInput = { options, request: { path: '/ip', headers: {}, now: 1_700_000_000 }, keySets: new Map() }
  it('holds on generated meshes', async () => {
    let fixesSeen = 0
    await fc.assert(
      fc.asyncProperty(shapeArb, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), async (shape, flips) => {
        const objects = meshOf(shape, profile === '1.24')
        // Pin every cell to what it prints now, then ask for the opposite on a few of them.
        const everything: Expectation[] = [{ from: { kind: 'all' }, to: { kind: 'all' }, expect: { kind: 'allow' }, line: 0 }]
        const now = await checkObjects(objects, everything, input)
        const expectations: Expectation[] = now.checks.map((c) => {
          const [name, namespace] = c.from.split('.') as [string, string]
          const [service, , ] = c.to.split(/[.:]/) as [string]
          const from = { kind: 'workload' as const, name, namespace }
          const to = { kind: 'port' as const, name: service, namespace: c.target.namespace, port: c.target.port }
          return { from, to, expect: c.got?.code.startsWith('2') ? { kind: 'allow' } : { kind: 'deny' }, line: 0 }
        })
        for (const f of flips) {
          const e = expectations[f % expectations.length] as Expectation
          e.expect = e.expect.kind === 'allow' ? { kind: 'deny' } : { kind: 'allow' }
        }
        const held = (await checkObjects(objects, expectations, input)).checks.filter((c) => c.holds)
        const result = await searchFixes(objects, expectations, input, { maxEvaluations: 250 })
        fixesSeen += result.fixes.length
        for (const fix of result.fixes) {
          const after = await checkObjects(fix.objects, expectations, input)
          expect(after.violated).toEqual([])
          for (const h of held) expect(after.checks.find((c) => c.from === h.from && c.to === h.to)?.holds).toBe(true)
        }
        if (result.violatedBefore > 0 && result.fixes.length === 0 && !result.truncated) expect(result.conflicts.length).toBeGreaterThan(0)
      }),
      { numRuns: 12, seed: 14 },
    )
    // The property is only worth something if fixes were found and checked.
    expect(fixesSeen).toBeGreaterThan(0)
  }, 120_000)
})
