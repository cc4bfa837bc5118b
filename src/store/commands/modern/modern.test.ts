import { describe, expect, it } from 'vitest'
import { detachEdge, createFromPalette, reconnectEdge } from '../gestures'
import { relationsOf } from '../relations'
import { find, ok, seed } from '../testSeed'
import { readAuthzForm, readPeerAuthForm, readRequestAuthForm, writeAuthzForm, writePeerAuthForm, writeRequestAuthForm } from './forms'
import { actions, sourceFields } from './fieldsByProfile'
import { addModernPolicy, attachModernPolicy } from './modernPolicies'
import { ruleSentence } from './ruleSentence'

const httpbinFoo = { kind: 'service', ns: 'foo', service: 'httpbin' } as const

describe('modern policies by drop target', () => {
  it('the mesh marker: root namespace, no selector; a namespace: that namespace, no selector', () => {
    const mesh = ok(addModernPolicy(seed(), 'PeerAuthentication', { kind: 'mesh' }, '1.30'))
    expect(find(mesh, 'PeerAuthentication', 'istio-system', 'peer-1')).toMatchObject({ apiVersion: 'security.istio.io/v1', spec: { mtls: { mode: 'STRICT' } } })
    const ns = ok(addModernPolicy(seed(), 'PeerAuthentication', { kind: 'namespace', ns: 'foo' }, '1.12'))
    expect(find(ns, 'PeerAuthentication', 'foo', 'peer-1')).toMatchObject({ apiVersion: 'security.istio.io/v1beta1', spec: { mtls: { mode: 'STRICT' } } })
    expect(relationsOf(mesh).filter((r) => r.kind === 'policy')).toEqual([{ kind: 'policy', from: 'PeerAuthentication/istio-system/peer-1', target: { kind: 'mesh' } }])
  })

  it('an app: the Service selector, named after the service; a port chip: a port-level mode for the workload port', () => {
    const app = ok(addModernPolicy(seed(), 'RequestAuthentication', httpbinFoo, '1.30'))
    expect(find(app, 'RequestAuthentication', 'foo', 'httpbin')?.spec).toEqual({
      selector: { matchLabels: { app: 'httpbin' } },
      jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: 'https://raw.githubusercontent.com/istio/istio/release-1.30/security/tools/jwt/samples/jwks.json' }],
    })
    const port = ok(addModernPolicy(seed(), 'PeerAuthentication', { ...httpbinFoo, kind: 'port', port: 8000 }, '1.30'))
    expect(find(port, 'PeerAuthentication', 'foo', 'httpbin')?.spec).toEqual({ selector: { matchLabels: { app: 'httpbin' } }, portLevelMtls: { 8000: { mode: 'STRICT' } } })
    expect(relationsOf(port).filter((r) => r.kind === 'policy')).toEqual([{ kind: 'policy', from: 'PeerAuthentication/foo/httpbin', target: { kind: 'port', ns: 'foo', service: 'httpbin', port: 8000 } }])
  })

  it('the palette creates them at a spot; a new AuthorizationPolicy requires a request principal', () => {
    const next = ok(createFromPalette(seed(), 'authorizationpolicy', { namespace: 'foo', target: httpbinFoo }, '1.30'))
    expect(find(next, 'AuthorizationPolicy', 'foo', 'httpbin')?.spec).toEqual({ selector: { matchLabels: { app: 'httpbin' } }, action: 'ALLOW', rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] })
  })

  it('attaching moves the policy and rescopes it; detaching its scope is refused, a port-level mode can go', () => {
    const withPa = ok(addModernPolicy(seed(), 'PeerAuthentication', httpbinFoo, '1.30'))
    const moved = ok(attachModernPolicy(withPa, 'PeerAuthentication/foo/httpbin', { kind: 'namespace', ns: 'bar' }))
    expect(find(moved, 'PeerAuthentication', 'bar', 'httpbin')?.spec).toEqual({ mtls: { mode: 'STRICT' } })
    expect(detachEdge(moved, { relation: 'policy', from: 'PeerAuthentication/bar/httpbin', target: { kind: 'namespace', ns: 'bar' } })).toMatchObject({ ok: false })
    const port = ok(reconnectEdge(withPa, { relation: 'policy', from: 'PeerAuthentication/foo/httpbin', target: httpbinFoo }, { ...httpbinFoo, kind: 'port', port: 8000 }, '1.30'))
    expect(find(port, 'PeerAuthentication', 'foo', 'httpbin')?.spec).toEqual({ selector: { matchLabels: { app: 'httpbin' } }, portLevelMtls: { 8000: { mode: 'STRICT' } } })
  })
})

describe('forms', () => {
  it('PeerAuthentication: mode and port-level modes round-trip; UNSET removes mtls', () => {
    const object = find(ok(addModernPolicy(seed(), 'PeerAuthentication', httpbinFoo, '1.30')), 'PeerAuthentication', 'foo', 'httpbin')!
    const form = readPeerAuthForm(object)
    expect(form).toEqual({ selector: { app: 'httpbin' }, mode: 'STRICT', portLevel: [] })
    const next = writePeerAuthForm(object, { ...form, mode: 'UNSET', portLevel: [{ port: '8080', mode: 'DISABLE' }] })
    expect(next.spec).toEqual({ selector: { matchLabels: { app: 'httpbin' } }, portLevelMtls: { 8080: { mode: 'DISABLE' } } })
  })

  it('RequestAuthentication: locations and audiences; fields the form does not show are kept', () => {
    const object = { apiVersion: 'security.istio.io/v1', kind: 'RequestAuthentication', metadata: { name: 'r', namespace: 'foo' }, spec: { jwtRules: [{ issuer: 'i', outputPayloadToHeader: 'x-payload' }] } }
    const form = readRequestAuthForm(object)
    const rule = form.rules[0]!
    const next = writeRequestAuthForm(object, { ...form, rules: [{ ...rule, audiences: ['a'], fromHeaders: [{ name: 'x-jwt', prefix: '' }], fromParams: ['tok'] }] })
    expect(next.spec).toEqual({ jwtRules: [{ issuer: 'i', audiences: ['a'], fromHeaders: [{ name: 'x-jwt' }], fromParams: ['tok'], outputPayloadToHeader: 'x-payload' }] })
  })

  it('AuthorizationPolicy: rules with from/to/when round-trip; no rules stays no rules', () => {
    const spec = { action: 'DENY', rules: [{ from: [{ source: { notNamespaces: ['foo'] } }], to: [{ operation: { methods: ['GET'], paths: ['/ip'] } }], when: [{ key: 'request.headers[x-token]', notValues: ['admin'] }] }] }
    const object = { apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata: { name: 'a', namespace: 'foo' }, spec }
    expect(writeAuthzForm(object, readAuthzForm(object)).spec).toEqual(spec)
    const nothing = { ...object, spec: { action: 'ALLOW' } }
    expect(readAuthzForm(nothing).rules).toBeUndefined()
    expect(writeAuthzForm(nothing, readAuthzForm(nothing)).spec).toEqual({ action: 'ALLOW' })
  })
})

describe('rule sentences', () => {
  it.each([
    [{ to: [{ methods: ['GET'], paths: ['/ip'] }], from: [{ namespaces: ['foo'] }], when: [] }, 'ALLOW', 'ALLOW GET /ip from namespace foo'],
    [{ from: [{ requestPrincipals: ['*'] }], to: undefined, when: [] }, 'ALLOW', 'ALLOW any request from any request principal'],
    [{ from: [{ notRequestPrincipals: ['*'] }], to: [{ paths: ['/headers'], ports: ['8080'] }], when: [] }, 'DENY', 'DENY /headers on port 8080 from no request principal'],
    [{ from: undefined, to: [{ methods: ['GET', 'HEAD'] }], when: [{ key: 'request.headers[x-token]', values: [], notValues: ['admin'] }] }, 'DENY', 'DENY GET or HEAD when request.headers[x-token] is not admin'],
    [{ from: [{ principals: ['a', 'b', 'c'] }], to: undefined, when: [] }, 'ALLOW', 'ALLOW any request from principals a, b or c'],
    // Several sources are alternatives; the fields of one source all apply (M24).
    [{ from: [{ namespaces: ['foo'] }, { namespaces: ['bar'] }], to: undefined, when: [] }, 'ALLOW', 'ALLOW any request from namespace foo or namespace bar'],
    [{ from: [{ namespaces: ['foo'], requestPrincipals: ['*'] }, { principals: ['cluster.local/ns/bar/sa/sleep'] }], to: undefined, when: [] }, 'ALLOW', 'ALLOW any request from (namespace foo and any request principal) or principal cluster.local/ns/bar/sa/sleep'],
    [{ from: [{ namespaces: ['foo'], requestPrincipals: ['*'] }], to: undefined, when: [] }, 'ALLOW', 'ALLOW any request from namespace foo and any request principal'],
    [{ from: undefined, to: [{ methods: ['GET'], paths: ['/ip'] }, { paths: ['/headers'] }], when: [] }, 'ALLOW', 'ALLOW (GET /ip) or /headers'],
    [{ from: [{ notNamespaces: ['foo', 'bar'] }, { notPrincipals: ['a', 'b', 'c'] }], to: undefined, when: [] }, 'DENY', 'DENY any request from neither namespace foo nor bar or none of principals a, b, c'],
    [{ from: undefined, to: undefined, when: [{ key: 'request.auth.claims[groups]', values: ['group1'], notValues: [] }, { key: 'request.headers[x-token]', values: [], notValues: ['*'] }] }, 'ALLOW', 'ALLOW any request when request.auth.claims[groups] is group1 and request.headers[x-token] is absent'],
  ] as const)('%j reads as %s', (rule, action, sentence) => {
    expect(ruleSentence(action, rule as never)).toBe(sentence)
  })
})

describe('fields by profile', () => {
  it('offers only what the profile has', () => {
    expect(actions('1.5')).toEqual(['ALLOW', 'DENY'])
    expect(actions('1.30')).toEqual(['ALLOW', 'DENY', 'AUDIT', 'CUSTOM'])
    expect(sourceFields('1.5')).not.toContain('remoteIpBlocks')
    expect(sourceFields('1.24')).not.toContain('serviceAccounts')
    expect(sourceFields('1.30')).toContain('trustDomains')
  })
})
