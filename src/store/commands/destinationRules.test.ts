import { describe, expect, it } from 'vitest'
import { addDestinationRule, attachDestinationRule, detachDestinationRule } from './destinationRules'
import { hostTarget } from './hosts'
import { addGatewayRoute, attachVirtualServiceGateway, routeVirtualService } from './ingress'
import { errorsOf, find, ok, seed } from './testSeed'

describe('destination rules', () => {
  it('puts the mesh-wide rule where each Istio version sees it', () => {
    const v10 = ok(addDestinationRule(seed(), { kind: 'mesh' }, '1.0'))
    expect(find(v10, 'DestinationRule', 'default', 'default')?.spec).toEqual({ host: '*.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } })
    const v11 = ok(addDestinationRule(seed(), { kind: 'mesh' }, '1.1'))
    expect(find(v11, 'DestinationRule', 'istio-system', 'default')).toBeDefined()
    expect(errorsOf(v10)).toEqual([])
  })

  it('targets a namespace with a wildcard host and a service with its FQDN', () => {
    const ns = ok(addDestinationRule(seed(), { kind: 'namespace', ns: 'foo' }, '1.0'))
    expect(find(ns, 'DestinationRule', 'foo', 'default')?.spec).toMatchObject({ host: '*.foo.svc.cluster.local' })
    const svc = ok(addDestinationRule(seed(), { kind: 'service', ns: 'bar', service: 'httpbin' }, '1.0'))
    expect(find(svc, 'DestinationRule', 'bar', 'httpbin')?.spec).toMatchObject({ host: 'httpbin.bar.svc.cluster.local' })
  })

  it('re-attaches a rule: new host, moved namespace, same place in the list', () => {
    const before = ok(addDestinationRule(seed(), { kind: 'mesh' }, '1.0'))
    const next = ok(attachDestinationRule(before, 'DestinationRule/default/default', { kind: 'service', ns: 'legacy', service: 'httpbin' }, '1.0'))
    expect(next.map((o) => o.kind)).toEqual(before.map((o) => o.kind))
    expect(find(next, 'DestinationRule', 'legacy', 'httpbin')?.spec).toMatchObject({ host: 'httpbin.legacy.svc.cluster.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } })
  })

  it('attaching to a port adds a port-level setting, detaching removes it', () => {
    const before = ok(addDestinationRule(seed(), { kind: 'service', ns: 'bar', service: 'httpbin' }, '1.0'))
    const next = ok(attachDestinationRule(before, 'DestinationRule/bar/httpbin', { kind: 'port', ns: 'bar', service: 'httpbin', port: 1234 }, '1.0'))
    expect(find(next, 'DestinationRule', 'bar', 'httpbin')?.spec).toMatchObject({ trafficPolicy: { portLevelSettings: [{ port: { number: 1234 }, tls: { mode: 'ISTIO_MUTUAL' } }] } })
    const back = ok(detachDestinationRule(next, 'DestinationRule/bar/httpbin', { kind: 'port', ns: 'bar', service: 'httpbin', port: 1234 }))
    expect(find(back, 'DestinationRule', 'bar', 'httpbin')?.spec).toEqual({ host: 'httpbin.bar.svc.cluster.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } })
    expect(detachDestinationRule(back, 'DestinationRule/bar/httpbin')).toMatchObject({ ok: false })
  })

  it('reads hosts the way Pilot resolves them', () => {
    expect(hostTarget('httpbin', 'bar')).toEqual({ kind: 'service', ns: 'bar', service: 'httpbin' })
    expect(hostTarget('httpbin.bar', 'foo')).toBeUndefined()
    expect(hostTarget('*.local', 'default')).toEqual({ kind: 'mesh' })
    expect(hostTarget('*.foo.svc.cluster.local', 'default')).toEqual({ kind: 'namespace', ns: 'foo' })
    expect(hostTarget('www.example.com', 'foo')).toBeUndefined()
  })
})

describe('ingress', () => {
  it('adds the seed\'s gateway and virtual service pair, routing to the first service port', () => {
    const next = ok(addGatewayRoute(seed(), 'foo'))
    expect(find(next, 'Gateway', 'foo', 'httpbin-gateway')?.spec).toEqual({
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }],
    })
    expect(find(next, 'VirtualService', 'foo', 'httpbin')?.spec).toEqual({
      hosts: ['*'],
      gateways: ['httpbin-gateway'],
      http: [{ match: [{ uri: { prefix: '/' } }], route: [{ destination: { host: 'httpbin.foo.svc.cluster.local', port: { number: 8000 } } }] }],
    })
    expect(errorsOf(next)).toEqual([])
  })

  it('re-routes and re-binds a virtual service', () => {
    const before = ok(addGatewayRoute(seed(), 'foo', { ns: 'foo', service: 'httpbin', port: 8000 }, '/headers'))
    const routed = ok(routeVirtualService(before, 'VirtualService/foo/httpbin', { ns: 'bar', service: 'sleep', port: 80 }))
    expect(JSON.stringify(find(routed, 'VirtualService', 'foo', 'httpbin')?.spec)).toContain('"host":"sleep.bar.svc.cluster.local","port":{"number":80}')
    const withGw = ok(addGatewayRoute(routed, 'bar', { ns: 'bar', service: 'httpbin', port: 8000 }))
    const bound = ok(attachVirtualServiceGateway(withGw, 'VirtualService/foo/httpbin', 'Gateway/bar/httpbin-gateway'))
    expect(find(bound, 'VirtualService', 'foo', 'httpbin')?.spec).toMatchObject({ gateways: ['bar/httpbin-gateway'] })
  })

  it('needs a service to route to', () => {
    expect(addGatewayRoute([], 'foo')).toMatchObject({ ok: false })
  })
})
