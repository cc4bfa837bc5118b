import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../engine'
import { readGatewayForm, readVirtualServiceForm, writeGatewayForm, writeVirtualServiceForm } from './forms/ingressForm'
import { emptyOrigin, readPolicyForm, writePolicyForm } from './forms/policyForm'
import { readRuleForm, writeRuleForm } from './forms/ruleForm'
import { addGatewayRoute } from './ingress'
import { find, ok, seed } from './testSeed'

const policy = (spec: unknown): KubeObject => ({ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'p', namespace: 'foo' }, spec })

describe('policy form', () => {
  it('reads `mtls: {}` as STRICT and writes it back unchanged', () => {
    const p = policy({ peers: [{ mtls: {} }] })
    const form = readPolicyForm(p)
    expect(form).toMatchObject({ mtls: 'STRICT', allowTls: false, origins: [], principalBinding: 'USE_PEER' })
    expect(writePolicyForm(p, form).spec).toEqual({ peers: [{ mtls: {} }] })
  })

  it('switches modes, keeps hidden jwt peers, and drops empty fields', () => {
    const p = policy({ peers: [{ jwt: { issuer: 'x' } }, { mtls: null }] })
    const permissive = writePolicyForm(p, { ...readPolicyForm(p), mtls: 'PERMISSIVE', allowTls: true })
    expect(permissive.spec).toEqual({ peers: [{ jwt: { issuer: 'x' } }, { mtls: { mode: 'PERMISSIVE', allowTls: true } }] })
    const none = writePolicyForm(p, { ...readPolicyForm(p), mtls: 'none' })
    expect(none.spec).toEqual({ peers: [{ jwt: { issuer: 'x' } }] })
  })

  it('writes targets with port selectors and origins with 1.1 trigger rules', () => {
    const form = {
      ...readPolicyForm(policy({})),
      targets: [{ name: 'httpbin', ports: ['8000', 'http'] }],
      origins: [{ ...emptyOrigin(), issuer: 'testing@secure.istio.io', jwksUri: 'https://example.com/jwks.json', triggerRules: [{ includedPaths: [], excludedPaths: ['exact:/health', 'prefix:/status'] }] }],
      principalBinding: 'USE_ORIGIN' as const,
    }
    const written = writePolicyForm(policy({}), form)
    expect(written.spec).toEqual({
      targets: [{ name: 'httpbin', ports: [{ number: 8000 }, { name: 'http' }] }],
      origins: [{ jwt: { issuer: 'testing@secure.istio.io', jwksUri: 'https://example.com/jwks.json', triggerRules: [{ excludedPaths: [{ exact: '/health' }, { prefix: '/status' }] }] } }],
      principalBinding: 'USE_ORIGIN',
    })
    expect(readPolicyForm(written)).toEqual(form)
  })
})

describe('destination rule form', () => {
  it('round-trips the seed port-level example and turns "none" into no tls block', () => {
    const rule: KubeObject = {
      kind: 'DestinationRule',
      metadata: { name: 'httpbin', namespace: 'bar' },
      spec: { host: 'httpbin.bar.svc.cluster.local', trafficPolicy: { tls: { mode: 'DISABLE' }, portLevelSettings: [{ port: { number: 1234 }, tls: { mode: 'ISTIO_MUTUAL' } }] } },
    }
    const form = readRuleForm(rule)
    expect(form).toEqual({ host: 'httpbin.bar.svc.cluster.local', tls: 'DISABLE', portLevel: [{ port: '1234', tls: 'ISTIO_MUTUAL' }], exportTo: '' })
    expect(writeRuleForm(rule, form)).toEqual(rule)
    const plain = writeRuleForm(rule, { ...form, tls: 'none', portLevel: [{ port: '1234', tls: 'none' }] })
    expect(plain.spec).toEqual({ host: 'httpbin.bar.svc.cluster.local', trafficPolicy: { portLevelSettings: [{ port: { number: 1234 } }] } })
  })
})

describe('ingress forms', () => {
  it('round-trips the gateway and virtual service pair', () => {
    const r = ok(addGatewayRoute(seed(), 'foo'))
    const gw = find(r, 'Gateway', 'foo', 'httpbin-gateway') as KubeObject
    const vs = find(r, 'VirtualService', 'foo', 'httpbin') as KubeObject
    expect(writeGatewayForm(gw, readGatewayForm(gw))).toEqual(gw)
    expect(writeVirtualServiceForm(vs, readVirtualServiceForm(vs))).toEqual(vs)
    const edited = writeVirtualServiceForm(vs, { ...readVirtualServiceForm(vs), routes: [{ prefix: '/headers', host: 'httpbin.bar.svc.cluster.local', port: '8000' }] })
    expect(edited.spec).toMatchObject({ http: [{ match: [{ uri: { prefix: '/headers' } }], route: [{ destination: { host: 'httpbin.bar.svc.cluster.local', port: { number: 8000 } } }] }] })
  })
})
