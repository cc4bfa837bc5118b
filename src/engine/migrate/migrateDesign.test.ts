/**
 * M40, case by case: the seed's states become the modern states E1-E13 of spec section 14.1, and each
 * clause of the conversion (targets, ports, peers, origins, trigger rules, errors) has its own case.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { objectsAtState, type SeedTables } from '../../scenarios/seed/replay'
import { parseManifests } from '../../yaml'
import type { KubeObject } from '../types'
import { migrateDesign } from './migrateDesign'
import { CONVERTED_ANNOTATION } from './types'

const SAMPLE_JWKS = 'https://raw.githubusercontent.com/istio/istio/release-1.0/security/tools/jwt/samples/jwks.json'

const seedTables = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables
const seedWorkloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects

function seedState(id: string): KubeObject[] {
  return objectsAtState(seedTables, seedWorkloads, id)
}

/** The security objects of a result, without annotations, as `Kind ns/name -> spec`. */
function securityObjects(objects: readonly KubeObject[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const o of objects) {
    if (!o.apiVersion?.startsWith('security.istio.io/')) continue
    expect(o.apiVersion).toBe('security.istio.io/v1beta1')
    out[`${o.kind} ${o.metadata.namespace}/${o.metadata.name}`] = o.spec
  }
  return out
}

function yaml(text: string): KubeObject[] {
  return parseManifests(text, 'test.yaml').objects
}

const HTTPBIN_8080 = `
apiVersion: v1
kind: Service
metadata: {name: httpbin, namespace: foo}
spec:
  selector: {app: httpbin}
  ports:
  - {name: http, port: 8000, targetPort: 8080}
  - {name: admin, port: 9000, targetPort: admin}
  - {name: tcp, port: 9100}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: httpbin, namespace: foo}
spec:
  selector: {matchLabels: {app: httpbin}}
  template:
    metadata: {labels: {app: httpbin}}
    spec:
      containers:
      - name: httpbin
        image: httpbin
        ports: [{containerPort: 8080}, {containerPort: 9000, name: admin}]
`

describe('M40 on the seed task (section 14.1)', () => {
  it('E1: the MeshPolicy becomes a mesh-wide STRICT PeerAuthentication in the root namespace', () => {
    const result = migrateDesign({ objects: seedState('S1'), profile: '1.0' })
    expect(result.errors).toEqual([])
    expect(securityObjects(result.objects)).toEqual({ 'PeerAuthentication istio-system/default': { mtls: { mode: 'STRICT' } } })
    expect(result.objects.some((o) => o.kind === 'MeshPolicy')).toBe(false)
    expect(result.converted.map((c) => c.from)).toEqual(['MeshPolicy//default'])
  })

  it('E2: DestinationRules are kept as written', () => {
    const before = seedState('S2')
    const result = migrateDesign({ objects: before, profile: '1.0' })
    const rules = result.objects.filter((o) => o.kind === 'DestinationRule')
    expect(rules).toEqual(before.filter((o) => o.kind === 'DestinationRule'))
  })

  it('E6/E7: a namespace policy keeps its name; a targeted one becomes <policy>-<target> with the Service selector', () => {
    const result = migrateDesign({ objects: seedState('S7'), profile: '1.0' })
    expect(result.errors).toEqual([])
    expect(securityObjects(result.objects)).toEqual({
      'PeerAuthentication foo/default': { mtls: { mode: 'STRICT' } },
      'PeerAuthentication bar/httpbin-httpbin': { selector: { matchLabels: { app: 'httpbin' } }, mtls: { mode: 'STRICT' } },
    })
  })

  it('E8: a port the Service does not have stops that policy with the tool\'s message', () => {
    const result = migrateDesign({ objects: seedState('S8'), profile: '1.0' })
    expect(result.errors).toEqual([{ resource: 'Policy/bar/httpbin', message: 'failed to convert target (httpbin) to workload port: could not find port 1234 in service bar.httpbin' }])
    expect(Object.keys(securityObjects(result.objects))).toEqual(['PeerAuthentication foo/default'])
  })

  it('E9: a policy without peers becomes PERMISSIVE, never DISABLE', () => {
    const result = migrateDesign({ objects: seedState('S9'), profile: '1.0' })
    expect(securityObjects(result.objects)['PeerAuthentication foo/overwrite-example-httpbin']).toEqual({ selector: { matchLabels: { app: 'httpbin' } }, mtls: { mode: 'PERMISSIVE' } })
  })

  it('E12: origins become a RequestAuthentication and a DENY without request principal', () => {
    const result = migrateDesign({ objects: seedState('S12'), profile: '1.0' })
    const selector = { matchLabels: { app: 'httpbin' } }
    expect(securityObjects(result.objects)).toEqual({
      'PeerAuthentication foo/jwt-example-httpbin': { selector, mtls: { mode: 'PERMISSIVE' } },
      'RequestAuthentication foo/jwt-example-httpbin': { selector, jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: SAMPLE_JWKS, forwardOriginalToken: true }] },
      'AuthorizationPolicy foo/jwt-example-httpbin': { selector, action: 'DENY', rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }] }] },
    })
  })

  it('E13: peers [mtls: {}] make the PeerAuthentication STRICT; the annotation names the source policy', () => {
    const result = migrateDesign({ objects: seedState('S13'), profile: '1.0' })
    const pa = result.objects.find((o) => o.kind === 'PeerAuthentication')
    expect(pa?.spec).toEqual({ selector: { matchLabels: { app: 'httpbin' } }, mtls: { mode: 'STRICT' } })
    expect(pa?.metadata.annotations?.[CONVERTED_ANNOTATION]).toBe('converted from alpha authentication policy foo/jwt-example, service httpbin')
    // Converted in place: the DestinationRule foo/httpbin applied after the Policy stays after it.
    const kinds = result.objects.map((o) => `${o.kind}/${o.metadata.name}`)
    expect(kinds.indexOf('AuthorizationPolicy/jwt-example-httpbin')).toBeLessThan(kinds.indexOf('DestinationRule/httpbin'))
  })
})

describe('M40 clause by clause', () => {
  // Istio 1.0/1.1 admission wants a namespace-wide Policy named `default`; targeted ones are named `p`.
  const policy = (spec: string) => {
    const name = spec.includes('targets:') ? 'p' : 'default'
    return migrateDesign({ objects: [...yaml(HTTPBIN_8080), ...yaml(`apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata: {name: ${name}, namespace: foo}\nspec:\n${spec}`)], profile: '1.1' })
  }

  it('service ports become workload ports: numeric targetPort, else the Service port number', () => {
    const result = policy('  targets: [{name: httpbin, ports: [{number: 8000}, {name: admin}, {number: 9100}]}]\n  peers: [{mtls: {mode: PERMISSIVE}}]')
    expect(securityObjects(result.objects)).toEqual({
      'PeerAuthentication foo/p-httpbin': { selector: { matchLabels: { app: 'httpbin' } }, portLevelMtls: { 8080: { mode: 'PERMISSIVE' }, 9000: { mode: 'PERMISSIVE' }, 9100: { mode: 'PERMISSIVE' } } },
    })
  })

  it('JWT on ports: the DENY rule names the workload ports', () => {
    const result = policy('  targets: [{name: httpbin, ports: [{number: 8000}]}]\n  origins: [{jwt: {issuer: i, jwksUri: "https://example.com/jwks", audiences: [a], jwtHeaders: [x-jwt], jwtParams: [tok]}}]')
    const objects = securityObjects(result.objects)
    expect(objects['RequestAuthentication foo/p-httpbin']).toEqual({
      selector: { matchLabels: { app: 'httpbin' } },
      jwtRules: [{ issuer: 'i', audiences: ['a'], jwksUri: 'https://example.com/jwks', fromHeaders: [{ name: 'x-jwt' }], fromParams: ['tok'], forwardOriginalToken: true }],
    })
    expect(objects['AuthorizationPolicy foo/p-httpbin']).toEqual({
      selector: { matchLabels: { app: 'httpbin' } },
      action: 'DENY',
      rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }], to: [{ operation: { ports: ['8080'] } }] }],
    })
  })

  it('originIsOptional: no AuthorizationPolicy', () => {
    const result = policy('  origins: [{jwt: {issuer: i}}]\n  originIsOptional: true')
    expect(Object.keys(securityObjects(result.objects))).toEqual(['PeerAuthentication foo/default', 'RequestAuthentication foo/default'])
  })

  it('trigger rules: one DENY rule per trigger rule with paths and notPaths', () => {
    const result = policy('  origins:\n  - jwt:\n      issuer: i\n      triggerRules:\n      - excludedPaths: [{exact: /health}, {prefix: /links}]\n      - includedPaths: [{suffix: .png}]')
    expect(securityObjects(result.objects)['AuthorizationPolicy foo/default']).toEqual({
      action: 'DENY',
      rules: [
        { from: [{ source: { notRequestPrincipals: ['*'] } }], to: [{ operation: { notPaths: ['/health', '/links*'] } }] },
        { from: [{ source: { notRequestPrincipals: ['*'] } }], to: [{ operation: { paths: ['*.png'] } }] },
      ],
    })
  })

  it.each([
    ['a regex trigger rule', '  origins: [{jwt: {issuer: i, triggerRules: [{includedPaths: [{regex: "/a.*"}]}]}}]', 'triggerRule.regex ("/a.*") is not supported in beta policy'],
    ['trigger rules with two issuers', '  origins: [{jwt: {issuer: i, triggerRules: [{includedPaths: [{exact: /a}]}]}}, {jwt: {issuer: j}}]', 'triggerRule is not supported with multiple JWT issuer by the tool, please convert manually'],
    ['a JWT peer', '  peers: [{jwt: {issuer: i}}]', 'JWT is never supported in peer method'],
    ['an unknown service', '  targets: [{name: nope}]', 'failed to convert target (nope) to workload selector: could not find service foo.nope'],
    ['a duplicate target', '  targets: [{name: httpbin}, {name: httpbin}]', 'found duplicate target httpbin'],
  ])('%s is an error that stops the conversion of that policy', (_name, spec, message) => {
    const result = policy(spec)
    expect(result.errors).toEqual([{ resource: `Policy/foo/${spec.includes('targets:') ? 'p' : 'default'}`, message }])
    expect(securityObjects(result.objects)).toEqual({})
  })

  it('principalBinding, peerIsOptional, allowTls and later peers are dropped', () => {
    const result = policy('  peers: [{mtls: {mode: PERMISSIVE, allowTls: true}}, {mtls: {}}]\n  peerIsOptional: true\n  principalBinding: USE_ORIGIN')
    expect(securityObjects(result.objects)).toEqual({ 'PeerAuthentication foo/default': { mtls: { mode: 'PERMISSIVE' } } })
  })

  it('objects that are not alpha policies are kept in order', () => {
    const result = policy('  peers: [{mtls: {}}]')
    expect(result.objects.slice(0, 2)).toEqual(yaml(HTTPBIN_8080))
  })
})
