import { describe, expect, it } from 'vitest'
import { addedKeys, attachTo, createFromPalette, detachEdge, reconnectEdge } from './gestures'
import { addGatewayRoute } from './ingress'
import { addPolicy } from './policies'
import { errorsOf, find, ok, seed } from './testSeed'

describe('palette', () => {
  it('auto-names what it creates and refuses what cannot exist', () => {
    const withNs = ok(createFromPalette(seed(), 'namespace', { namespace: 'foo' }, '1.0'))
    expect(addedKeys(seed(), withNs)).toEqual(['Namespace//namespace-1'])
    const withService = ok(createFromPalette(withNs, 'service', { namespace: 'namespace-1' }, '1.0'))
    expect(addedKeys(withNs, withService)).toEqual(['Service/namespace-1/service-1', 'Deployment/namespace-1/service-1'])
    const withClient = ok(createFromPalette(withService, 'client', { namespace: 'namespace-1' }, '1.0'))
    expect(addedKeys(withService, withClient)).toEqual(['Deployment/namespace-1/client-1'])
    expect(errorsOf(withClient)).toEqual([])
    const mesh = ok(createFromPalette(seed(), 'meshpolicy', { namespace: 'foo' }, '1.0'))
    expect(createFromPalette(mesh, 'policy', { namespace: 'foo', target: { kind: 'mesh' } }, '1.0')).toMatchObject({ ok: false })
  })

  it('creates on what it was dropped on: a service, a port, the mesh', () => {
    const policy = ok(createFromPalette(seed(), 'policy', { namespace: 'foo', target: { kind: 'service', ns: 'foo', service: 'httpbin' } }, '1.0'))
    expect(addedKeys(seed(), policy)).toEqual(['Policy/foo/httpbin'])
    const rule = ok(createFromPalette(seed(), 'destinationrule', { namespace: 'foo', target: { kind: 'mesh' } }, '1.1'))
    expect(addedKeys(seed(), rule)).toEqual(['DestinationRule/istio-system/default'])
    const ingress = ok(createFromPalette(seed(), 'ingress', { namespace: 'bar', target: { kind: 'service', ns: 'bar', service: 'httpbin' } }, '1.0'))
    expect(JSON.stringify(find(ingress, 'VirtualService', 'bar', 'httpbin')?.spec)).toContain('httpbin.bar.svc.cluster.local')
  })
})

describe('edges', () => {
  it('connecting adds a service to a service policy; reconnecting moves one target', () => {
    const r = ok(addPolicy(seed(), 'foo', { kind: 'service', ns: 'foo', service: 'httpbin' }))
    const two = ok(attachTo(r, 'Policy/foo/httpbin', { kind: 'port', ns: 'foo', service: 'sleep', port: 80 }, '1.0', true))
    expect(find(two, 'Policy', 'foo', 'httpbin')?.spec).toMatchObject({ targets: [{ name: 'httpbin' }, { name: 'sleep', ports: [{ number: 80 }] }] })
    const moved = ok(reconnectEdge(two, { relation: 'policy', from: 'Policy/foo/httpbin', target: { kind: 'service', ns: 'foo', service: 'httpbin' } }, { kind: 'port', ns: 'foo', service: 'httpbin', port: 8000 }, '1.0'))
    expect(find(moved, 'Policy', 'foo', 'httpbin')?.spec).toMatchObject({ targets: [{ name: 'sleep', ports: [{ number: 80 }] }, { name: 'httpbin', ports: [{ number: 8000 }] }] })
  })

  it('binds a virtual service to a gateway and routes it by edges; detaching its only route is refused', () => {
    const r = ok(addGatewayRoute(ok(addGatewayRoute(seed(), 'foo')), 'bar'))
    const bound = ok(attachTo(r, 'VirtualService/foo/httpbin', { kind: 'gateway', key: 'Gateway/bar/httpbin-gateway' }, '1.0'))
    expect(find(bound, 'VirtualService', 'foo', 'httpbin')?.spec).toMatchObject({ gateways: ['bar/httpbin-gateway'] })
    const routed = ok(reconnectEdge(bound, { relation: 'route', from: 'VirtualService/foo/httpbin', index: 0 }, { kind: 'service', ns: 'legacy', service: 'httpbin' }, '1.0'))
    expect(JSON.stringify(find(routed, 'VirtualService', 'foo', 'httpbin')?.spec)).toContain('httpbin.legacy.svc.cluster.local')
    expect(detachEdge(routed, { relation: 'route', from: 'VirtualService/foo/httpbin', index: 0 })).toMatchObject({ ok: false })
    const unbound = ok(detachEdge(routed, { relation: 'gateway', from: 'VirtualService/foo/httpbin', gateway: 'Gateway/bar/httpbin-gateway' }))
    expect(find(unbound, 'VirtualService', 'foo', 'httpbin')?.spec).not.toHaveProperty('gateways')
  })
})
