import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../types'
import { admitOne, policy } from './fixtures/objects'

const service = (spec: unknown, name = 'httpbin'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec })
const HTTP = { name: 'http', port: 8000 }
/** For objects whose wrong field types TypeScript would refuse. */
const loose = (o: unknown) => o as KubeObject

function deployment(template: Record<string, unknown>, extra: Record<string, unknown> = {}, apiVersion = 'extensions/v1beta1'): KubeObject {
  return { apiVersion, kind: 'Deployment', metadata: { name: 'httpbin' }, spec: { replicas: 1, template, ...extra } }
}
const TEMPLATE = { metadata: { labels: { app: 'httpbin', version: 'v1' } }, spec: { containers: [{ name: 'httpbin', image: 'x', ports: [{ containerPort: 8000 }] }] } }

type Case = [rule: string, accepted: KubeObject, rejected: KubeObject, code: string]

const cases: Case[] = [
  ['a Service name is a DNS-1035 label', service({ ports: [HTTP] }), service({ ports: [HTTP] }, '8httpbin'), 'K8S101'],
  ['a Namespace name is a DNS-1123 label',
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } }, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo.bar' } }, 'K8S101'],
  ['metadata.namespace is a DNS-1123 label',
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sleep', namespace: 'foo' } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sleep', namespace: 'Foo' } }, 'K8S102'],
  ['Namespace labels are strings',
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo', labels: { 'istio-injection': 'enabled' } } },
    loose({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo', labels: { 'istio-injection': true } } }), 'K8S104'],
  ['label keys are qualified names',
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo', labels: { 'example.com/team': 'a' } } },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo', labels: { 'bad key': 'a' } } }, 'K8S104'],
  ['metadata holds only ObjectMeta fields (a `spec:` indented under `name:` is not silently lost)',
    { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default' }, spec: { peers: [{ mtls: {} }] } },
    loose({ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default', spec: { peers: [{ mtls: {} }] } } }), 'K8S107'],
  ['the apiVersion serves the kind', service({ ports: [HTTP] }), { ...service({ ports: [HTTP] }), apiVersion: 'apps/v1' }, 'K8S105'],
  ['Service ports are numbers in 1-65535', service({ ports: [HTTP] }), service({ ports: [{ name: 'http', port: '8000' }] }), 'K8S110'],
  ['a Service has ports', service({ ports: [HTTP] }), service({ selector: { app: 'httpbin' } }), 'K8S110'],
  ['several Service ports are all named', service({ ports: [HTTP, { name: 'tcp', port: 9000 }] }), service({ ports: [HTTP, { port: 9000 }] }), 'K8S111'],
  ['Service port names are unique', service({ ports: [HTTP, { name: 'tcp', port: 9000 }] }), service({ ports: [HTTP, { name: 'http', port: 9000 }] }), 'K8S111'],
  ['a targetPort is a number or a port name', service({ ports: [{ ...HTTP, targetPort: 80 }] }), service({ ports: [{ ...HTTP, targetPort: 0 }] }), 'K8S112'],
  ['a Service selector is a string map', service({ ports: [HTTP], selector: { app: 'httpbin' } }), service({ ports: [HTTP], selector: ['app'] }), 'K8S104'],
  ['a Deployment has a pod template', deployment(TEMPLATE), { ...deployment(TEMPLATE), spec: { replicas: 1 } }, 'K8S120'],
  ['a pod template has containers', deployment(TEMPLATE), deployment({ ...TEMPLATE, spec: {} }), 'K8S120'],
  ['container ports are valid', deployment(TEMPLATE), deployment({ ...TEMPLATE, spec: { containers: [{ name: 'c', ports: [{ containerPort: 0 }] }] } }), 'K8S121'],
  ['template labels are strings', deployment(TEMPLATE), deployment({ ...TEMPLATE, metadata: { labels: { app: 'httpbin', version: 1 } } }), 'K8S104'],
  ['apps/v1 needs a selector matching the template',
    deployment(TEMPLATE, { selector: { matchLabels: { app: 'httpbin' } } }, 'apps/v1'),
    deployment(TEMPLATE, { selector: { matchLabels: { app: 'sleep' } } }, 'apps/v1'), 'K8S122'],
  ['a Pod has containers',
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c' }] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} }, 'K8S120'],
]

describe('Kubernetes object checks', () => {
  it.each(cases)('%s: accepts the good form', (_rule, good) => {
    expect(admitOne(good)).toMatchObject({ accepted: true, codes: [] })
  })

  it.each(cases)('%s: rejects the bad form', (_rule, _good, bad, code) => {
    const r = admitOne(bad)
    expect(r.accepted).toBe(false)
    expect(r.codes).toEqual([code])
  })

  it.each(['StatefulSet', 'DaemonSet', 'ReplicaSet'])('checks a %s like a Deployment', (kind) => {
    const o = { apiVersion: 'apps/v1', kind, metadata: { name: 'w' }, spec: { selector: { matchLabels: { app: 'httpbin' } }, template: { ...TEMPLATE, spec: {} } } }
    expect(admitOne(o).codes).toEqual(['K8S120'])
  })

  it('allows fields it does not model', () => {
    const o = deployment({ ...TEMPLATE, spec: { ...TEMPLATE.spec, hostNetwork: false, volumes: [] } }, { strategy: { type: 'Recreate' } })
    expect(admitOne(o).codes).toEqual([])
  })

  it('keeps an unknown kind, with an info finding', () => {
    const r = admitOne({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: {} })
    expect(r).toMatchObject({ accepted: true, codes: ['K8S100'] })
    expect(r.diagnostics[0]).toMatchObject({ severity: 'info', message: 'kind ConfigMap is not modelled; kept as is' })
  })

  it('checks metadata of Istio kinds too', () => {
    const p = policy('httpbin', { targets: [{ name: 'httpbin' }] })
    expect(admitOne({ ...p, metadata: { name: 'Httpbin' } }).codes).toEqual(['K8S101'])
  })

  it('rejects an Istio object with the wrong apiVersion', () => {
    const p = policy('httpbin', { targets: [{ name: 'httpbin' }] })
    expect(admitOne({ ...p, apiVersion: 'networking.istio.io/v1alpha3' }).codes).toEqual(['IST0106'])
  })

  it('warns about top-level fields Istio ignores', () => {
    const p = policy('default', {})
    expect(admitOne({ ...p, peers: [{ mtls: {} }] })).toMatchObject({ accepted: true, codes: ['IST0107'] })
  })
})
