import { describe, expect, it } from 'vitest'
import type { IstioProfile, KubeObject } from '../types'
import { admitOne, destinationRule, gateway, virtualService } from './fixtures/objects'

const ISTIO_MUTUAL = { tls: { mode: 'ISTIO_MUTUAL' } }
const SERVER = { port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }
const ROUTE = { route: [{ destination: { host: 'httpbin.foo.svc.cluster.local', port: { number: 8000 } } }] }
const vs = (spec: Record<string, unknown>) => virtualService('httpbin', { hosts: ['*'], gateways: ['httpbin-gateway'], http: [ROUTE], ...spec })

type Case = [rule: string, accepted: KubeObject, rejected: KubeObject, code: string, profile?: IstioProfile]

const cases: Case[] = [
  ['a DestinationRule needs a host',
    destinationRule('d', { host: '*.local', trafficPolicy: ISTIO_MUTUAL }), destinationRule('d', { trafficPolicy: ISTIO_MUTUAL }), 'IST0140'],
  ['a DestinationRule host must be a valid DNS name',
    destinationRule('d', { host: '*.foo.svc.cluster.local' }), destinationRule('d', { host: 'httpbin.*' }), 'IST0141'],
  ['a traffic policy must set something',
    destinationRule('d', { host: 'httpbin', trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } } }), destinationRule('d', { host: 'httpbin', trafficPolicy: {} }), 'IST0142'],
  ['a port-level setting needs a port',
    destinationRule('d', { host: 'httpbin', trafficPolicy: { portLevelSettings: [{ port: { number: 1234 }, ...ISTIO_MUTUAL }] } }),
    destinationRule('d', { host: 'httpbin', trafficPolicy: { portLevelSettings: [ISTIO_MUTUAL] } }), 'IST0143'],
  ['a port-level setting port must be valid',
    destinationRule('d', { host: 'httpbin', trafficPolicy: { portLevelSettings: [{ port: { name: 'http' }, ...ISTIO_MUTUAL }] } }),
    destinationRule('d', { host: 'httpbin', trafficPolicy: { portLevelSettings: [{ port: { number: 0 }, ...ISTIO_MUTUAL }] } }), 'IST0115'],
  ['TLS mode MUTUAL needs a client certificate and key',
    destinationRule('d', { host: 'httpbin', trafficPolicy: { tls: { mode: 'MUTUAL', clientCertificate: '/c.pem', privateKey: '/k.pem' } } }),
    destinationRule('d', { host: 'httpbin', trafficPolicy: { tls: { mode: 'MUTUAL', privateKey: '/k.pem' } } }), 'IST0144'],
  ['exportTo must be `.` or `*`',
    destinationRule('d', { host: 'httpbin', exportTo: ['.'] }), destinationRule('d', { host: 'httpbin', exportTo: ['foo'] }), 'IST0145', '1.1'],
  ['subset names must be unique labels',
    destinationRule('d', { host: 'httpbin', subsets: [{ name: 'v1', labels: { version: 'v1' } }] }),
    destinationRule('d', { host: 'httpbin', subsets: [{ name: 'v1' }, { name: 'v1' }] }), 'IST0146'],
  ['a Gateway needs a server',
    gateway('gw', { selector: { istio: 'ingressgateway' }, servers: [SERVER] }), gateway('gw', { selector: { istio: 'ingressgateway' } }), 'IST0150'],
  ['a Gateway server needs a port number',
    gateway('gw', { servers: [SERVER] }), gateway('gw', { servers: [{ ...SERVER, port: { name: 'http', protocol: 'HTTP' } }] }), 'IST0151'],
  ['a Gateway server needs a known protocol',
    gateway('gw', { servers: [SERVER] }), gateway('gw', { servers: [{ ...SERVER, port: { number: 80, name: 'http', protocol: 'QUIC' } }] }), 'IST0151'],
  ['a Gateway server needs hosts',
    gateway('gw', { servers: [SERVER] }), gateway('gw', { servers: [{ port: SERVER.port }] }), 'IST0152'],
  ['an HTTPS Gateway server needs tls settings',
    gateway('gw', { servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*'], tls: { mode: 'PASSTHROUGH' } }] }),
    gateway('gw', { servers: [{ port: { number: 443, name: 'https', protocol: 'HTTPS' }, hosts: ['*'] }] }), 'IST0153'],
  ['a Gateway name has no dots',
    gateway('httpbin-gateway', { servers: [SERVER] }), gateway('httpbin.gateway', { servers: [SERVER] }), 'IST0154'],
  ['a VirtualService needs hosts',
    vs({}), vs({ hosts: [] }), 'IST0160'],
  ['host `*` needs a gateway binding',
    vs({}), vs({ gateways: [] }), 'IST0160'],
  ['a VirtualService needs routes',
    vs({}), vs({ http: [] }), 'IST0161'],
  ['an HTTP route needs destinations',
    vs({}), vs({ http: [{ match: [{ uri: { prefix: '/' } }] }] }), 'IST0162'],
  ['a route destination needs a host',
    vs({}), vs({ http: [{ route: [{ destination: { port: { number: 8000 } } }] }] }), 'IST0163'],
  ['destination weights add up to 100',
    vs({ http: [{ route: [{ destination: { host: 'a' }, weight: 60 }, { destination: { host: 'b' }, weight: 40 }] }] }),
    vs({ http: [{ route: [{ destination: { host: 'a' }, weight: 60 }, { destination: { host: 'b' }, weight: 30 }] }] }), 'IST0164'],
  ['gateway references are names',
    vs({ gateways: ['istio-system/ingress', 'httpbin-gateway.foo.svc.cluster.local'] }), vs({ gateways: ['a/b/c'] }), 'IST0165'],
  ['1.1 route destinations take a port number, not a name',
    vs({}), vs({ http: [{ route: [{ destination: { host: 'httpbin', port: { name: 'http' } } }] }] }), 'IST0115', '1.1'],
]

describe('DestinationRule, Gateway and VirtualService admission rules', () => {
  it.each(cases)('%s: accepts the good form', (_rule, good, _bad, _code, profile) => {
    expect(admitOne(good, profile)).toMatchObject({ accepted: true, codes: [] })
  })

  it.each(cases)('%s: rejects the bad form', (_rule, _good, bad, code, profile) => {
    const r = admitOne(bad, profile)
    expect(r.accepted).toBe(false)
    expect(r.codes).toEqual([code])
  })

  it('does not check cross-object facts: a dotted host that matches nothing is accepted here', () => {
    expect(admitOne(destinationRule('d', { host: 'httpbin.bar' }))).toMatchObject({ accepted: true, codes: [] })
  })

  it('accepts a route destination port name under 1.0', () => {
    const r = admitOne(vs({ http: [{ route: [{ destination: { host: 'httpbin', port: { name: 'http' } } }] }] }), '1.0')
    expect(r.codes).toEqual([])
  })
})
