import { describe, expect, it } from 'vitest'
import type { IstioResource } from '../istio'
import type { IstioProfile, KubeObject } from '../types'
import { admit } from './admit'
import { destinationRule, gateway, jwt, meshPolicy, policy, virtualService } from './fixtures/objects'

function normalized(o: KubeObject, profile: IstioProfile = '1.0', defaultNamespace = 'default'): IstioResource | undefined {
  return admit([o], { profile, defaultNamespace }).accepted[0]?.istio
}

describe('Normalised Policy', () => {
  it.each([
    ['`mtls: {}`', { mtls: {} }, false],
    ['`mtls: null`', { mtls: null }, true],
    ['`mtls: {allowTls: false}` without a mode', { mtls: { allowTls: false } }, false],
  ])('reads %s as STRICT', (_what, peer, wasNull) => {
    const p = normalized(meshPolicy({ peers: [peer] }))
    expect(p).toMatchObject({ kind: 'MeshPolicy', peers: [{ kind: 'mtls', mode: 'STRICT', allowTls: false, wasNull }] })
  })

  it('fills every default of an empty namespace-wide policy', () => {
    expect(normalized(policy('default', {}), '1.0', 'foo')).toEqual({
      kind: 'Policy', key: 'Policy/foo/default', name: 'default', namespace: 'foo',
      targets: [], peers: [], peerIsOptional: false, origins: [], originIsOptional: false,
      principalBinding: 'USE_PEER', order: 0,
    })
  })

  it('gives a MeshPolicy an empty namespace', () => {
    expect(normalized(meshPolicy({}))).toMatchObject({ key: 'MeshPolicy//default', namespace: '' })
  })

  it('folds snake_case and enum numbers into the canonical form', () => {
    const p = normalized(policy('p', {
      targets: [{ name: 'httpbin', ports: [{ number: '8000' }, { name: 'http' }] }],
      peers: [{ mtls: { mode: 1, allow_tls: true } }],
      origins: [{ jwt: { issuer: 'i', jwks_uri: 'https://k/j', jwt_headers: ['x-jwt'], trigger_rules: [{ excluded_paths: [{ exact: '/health' }] }] } }],
      principal_binding: 'USE_ORIGIN',
    }), '1.1')
    expect(p).toMatchObject({
      targets: [{ name: 'httpbin', ports: [{ number: 8000 }, { name: 'http' }] }],
      peers: [{ kind: 'mtls', mode: 'PERMISSIVE', allowTls: true, wasNull: false }],
      origins: [{ issuer: 'i', audiences: [], jwksUri: 'https://k/j', jwtHeaders: ['x-jwt'], jwtParams: [], triggerRules: [{ excludedPaths: [{ exact: '/health' }], includedPaths: [] }] }],
      principalBinding: 'USE_ORIGIN',
    })
  })

  it('keeps a peer JWT and drops empty peer methods', () => {
    const p = normalized(meshPolicy({ peers: [{}, { jwt: jwt() }] }))
    expect(p).toMatchObject({ peers: [{ kind: 'jwt', jwt: { issuer: 'testing@secure.istio.io' } }] })
  })
})

describe('Normalised networking resources', () => {
  it('reads `tls: {}` as DISABLE and keeps port-level settings without TLS as plaintext', () => {
    const dr = normalized(destinationRule('d', { host: 'httpbin', trafficPolicy: { tls: {}, portLevelSettings: [{ port: { number: 1234 }, loadBalancer: {} }] } }, 'bar'))
    expect(dr).toEqual({
      kind: 'DestinationRule', key: 'DestinationRule/bar/d', name: 'd', namespace: 'bar', host: 'httpbin',
      trafficPolicy: { tls: { mode: 'DISABLE' }, portLevelSettings: [{ port: { number: 1234 } }] },
      exportTo: [], order: 0,
    })
  })

  it('leaves trafficPolicy out when the rule has none', () => {
    expect(normalized(destinationRule('d', { host: '*.local' }))).not.toHaveProperty('trafficPolicy')
  })

  it('keeps exportTo under 1.1', () => {
    expect(normalized(destinationRule('d', { host: '*.local', exportTo: ['.'] }), '1.1')).toMatchObject({ exportTo: ['.'] })
  })

  it('normalises the seed Gateway', () => {
    const g = normalized(gateway('httpbin-gateway', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'http' }, hosts: ['*'] }] }, 'foo'))
    expect(g).toMatchObject({ selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] })
  })

  it('normalises VirtualService matches and destinations', () => {
    const v = normalized(virtualService('v', {
      hosts: ['*'], gateways: ['httpbin-gateway'],
      http: [
        { match: [{ uri: { prefix: '/headers' } }, { method: { exact: 'GET' } }], route: [{ destination: { host: 'httpbin', port: { number: 8000 }, subset: 'v1' }, weight: 100 }] },
        { route: [{ destination: { host: 'httpbin.foo.svc.cluster.local' } }] },
      ],
    }))
    expect(v).toMatchObject({
      gateways: ['httpbin-gateway'],
      http: [
        { match: [{ uri: { prefix: '/headers' } }, {}], route: [{ destination: { host: 'httpbin', port: { number: 8000 }, subset: 'v1' }, weight: 100 }] },
        { match: [], route: [{ destination: { host: 'httpbin.foo.svc.cluster.local' } }] },
      ],
    })
  })
})
