import { describe, expect, it } from 'vitest'
import { modernTaskWorkloads } from '../../scenarios/modern/taskWorkloads'
import { parseIntent } from '../../intent/parseIntent'
import type { EngineOptions, IstioProfile, KubeObject } from '../types'
import { checkObjects, type CheckInput } from './check'
import { searchFixes } from './fix/search'

const input = (profile: IstioProfile): CheckInput => ({ options: { profile, r11: 'documented' } satisfies EngineOptions, request: { path: '/ip', headers: {}, now: 1_795_000_000 }, keySets: new Map() })
const intent = (text: string) => parseIntent(`expectations:\n${text}`).expectations

describe.each(['1.6', '1.24', '1.30'] as const)('smallest fix under Istio %s', (profile) => {
  it('expect legacy -> foo deny: a STRICT PeerAuthentication in foo', async () => {
    const objects = modernTaskWorkloads(profile)
    const expectations = intent('- {from: "*", to: "*", expect: allow}\n- {from: sleep.legacy, to: "*.foo", expect: deny}\n')
    const before = await checkObjects(objects, expectations, input(profile))
    expect(before.violated.map((c) => `${c.from} to ${c.to}`)).toEqual(['sleep.legacy to httpbin.foo:8000'])
    const result = await searchFixes(objects, expectations, input(profile))
    const best = result.fixes[0]
    expect(best?.edits).toHaveLength(1)
    expect(best?.touched[0]).toMatch(/^PeerAuthentication\/foo\//)
    const pa = best?.objects.find((o) => o.kind === 'PeerAuthentication') as KubeObject
    expect(pa.spec).toMatchObject({ mtls: { mode: 'STRICT' } })
    expect((await checkObjects(best?.objects ?? [], expectations, input(profile))).violated).toEqual([])
    // The namespace-wide equivalent is among the three best.
    expect(result.fixes.map((f) => f.edits[0]?.id)).toContain('peerauthn/namespace/foo/default/STRICT')
  })

  it('an AuthorizationPolicy that refuses sleep.bar gets a rule for it', async () => {
    const deny: KubeObject = { apiVersion: 'security.istio.io/v1beta1', kind: 'AuthorizationPolicy', metadata: { name: 'foo-only', namespace: 'foo' }, spec: { action: 'ALLOW', rules: [{ from: [{ source: { namespaces: ['foo'] } }] }] } }
    const objects = [...modernTaskWorkloads(profile), deny]
    const expectations = intent('- {from: with-sidecar, to: httpbin.foo, expect: allow}\n- {from: sleep.legacy, to: httpbin.foo, expect: deny}\n')
    const before = await checkObjects(objects, expectations, input(profile))
    expect(before.violated.map((c) => `${c.from}:${c.got?.code}`)).toEqual(['sleep.bar:403'])
    const result = await searchFixes(objects, expectations, input(profile))
    const best = result.fixes[0]
    // One object: a new ALLOW policy for httpbin (narrower than the namespace-wide foo-only), whose rule names bar.
    expect(best?.touched).toEqual(['AuthorizationPolicy/foo/allow-httpbin'])
    expect(best?.objects.find((o) => o.metadata.name === 'allow-httpbin')?.spec).toEqual({ selector: { matchLabels: { app: 'httpbin' } }, action: 'ALLOW', rules: [{ from: [{ source: { namespaces: ['bar'] } }] }] })
    // Adding the rule to foo-only itself is among the three best.
    const added = result.fixes.find((f) => f.touched[0] === 'AuthorizationPolicy/foo/foo-only')
    expect((added?.objects.find((o) => o.metadata.name === 'foo-only')?.spec as { rules: unknown[] }).rules).toEqual([{ from: [{ source: { namespaces: ['foo'] } }] }, { from: [{ source: { namespaces: ['bar'] } }] }])
    expect((await checkObjects(best?.objects ?? [], expectations, input(profile))).violated).toEqual([])
  })
})
