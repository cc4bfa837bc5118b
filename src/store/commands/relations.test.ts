import { describe, expect, it } from 'vitest'
import { addDestinationRule } from './destinationRules'
import { addGatewayRoute } from './ingress'
import { addMeshPolicy, addPolicy } from './policies'
import { relationsOf } from './relations'
import { ok, seed } from './testSeed'

describe('relationsOf', () => {
  it('lists what every policy, rule and virtual service acts on', () => {
    let r = ok(addMeshPolicy(seed()))
    r = ok(addPolicy(r, 'foo'))
    r = ok(addPolicy(r, 'bar', { kind: 'port', ns: 'bar', service: 'httpbin', port: 8000 }))
    r = ok(addDestinationRule(r, { kind: 'mesh' }, '1.0'))
    r = ok(addDestinationRule(r, { kind: 'service', ns: 'legacy', service: 'httpbin' }, '1.0'))
    r = ok(addGatewayRoute(r, 'foo'))
    expect(relationsOf(r)).toEqual([
      { kind: 'policy', from: 'MeshPolicy//default', target: { kind: 'mesh' } },
      { kind: 'policy', from: 'Policy/foo/default', target: { kind: 'namespace', ns: 'foo' } },
      { kind: 'policy', from: 'Policy/bar/httpbin', target: { kind: 'port', ns: 'bar', service: 'httpbin', port: 8000 } },
      { kind: 'rule', from: 'DestinationRule/default/default', target: { kind: 'mesh' } },
      { kind: 'rule', from: 'DestinationRule/legacy/httpbin', target: { kind: 'service', ns: 'legacy', service: 'httpbin' } },
      { kind: 'gateway', from: 'VirtualService/foo/httpbin', gateway: 'Gateway/foo/httpbin-gateway' },
      { kind: 'route', from: 'VirtualService/foo/httpbin', index: 0, target: { kind: 'port', ns: 'foo', service: 'httpbin', port: 8000 } },
    ])
  })

  it('resolves port selectors by name to the service port number', () => {
    const policy = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'p', namespace: 'foo' }, spec: { targets: [{ name: 'httpbin', ports: [{ name: 'http' }] }] } }
    expect(relationsOf([...seed(), policy])).toEqual([{ kind: 'policy', from: 'Policy/foo/p', target: { kind: 'port', ns: 'foo', service: 'httpbin', port: 8000 } }])
  })
})
