import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../types'
import { admit, writtenPath } from './admit'
import { destinationRule, meshPolicy, policy } from './fixtures/objects'
import { resourceKeyOf } from './resourceKey'

describe('resourceKeyOf', () => {
  it.each([
    ['a namespaced object with its own namespace', policy('p', {}, 'foo'), 'bar', 'Policy/foo/p'],
    ['a namespaced object without one', policy('p', {}), 'bar', 'Policy/bar/p'],
    ['a MeshPolicy', meshPolicy({}), 'bar', 'MeshPolicy//default'],
    ['a Namespace', { kind: 'Namespace', metadata: { name: 'foo', namespace: 'x' } }, 'bar', 'Namespace//foo'],
    ['an unknown kind (taken as namespaced)', { kind: 'ConfigMap', metadata: { name: 'c' } }, 'default', 'ConfigMap/default/c'],
  ] as [string, KubeObject, string, string][])('keys %s', (_what, o, ns, key) => {
    expect(resourceKeyOf(o, ns)).toBe(key)
  })
})

describe('admit', () => {
  const objects = [
    policy('default', { peers: [{ mtls: {} }] }),
    meshPolicy({ peers: [{ mTLS: {} }] }),
    destinationRule('httpbin', { host: 'httpbin.bar.svc.cluster.local' }, 'bar'),
  ]

  it('splits accepted and rejected objects by input index', () => {
    const r = admit(objects, { profile: '1.0', defaultNamespace: 'foo' })
    expect(r.accepted.map((a) => [a.index, a.key])).toEqual([[0, 'Policy/foo/default'], [2, 'DestinationRule/bar/httpbin']])
    expect(r.rejected).toEqual([{ index: 1, object: objects[1] }])
    expect(r.diagnostics.map((d) => [d.index, d.resource, d.code])).toEqual([[1, 'MeshPolicy//default', 'IST0101']])
  })

  it('defaults the namespace of namespaced objects without mutating the input', () => {
    const r = admit(objects, { profile: '1.0', defaultNamespace: 'foo' })
    expect(r.accepted[0]?.object.metadata.namespace).toBe('foo')
    expect(objects[0]?.metadata.namespace).toBeUndefined()
    expect(r.accepted[0]?.istio).toMatchObject({ namespace: 'foo', order: 0 })
    expect(r.accepted[1]?.istio).toMatchObject({ namespace: 'bar', order: 2 })
  })

  it("uses 'default' when no default namespace is given", () => {
    expect(admit([policy('default', {})], { profile: '1.0' }).accepted[0]?.key).toBe('Policy/default/default')
  })

  it('never throws on objects that are not shaped like Kubernetes objects', () => {
    const junk = [null, 42, { kind: 'Policy' }, { metadata: { name: 'x' } }] as unknown as KubeObject[]
    const r = admit(junk, { profile: '1.1' })
    expect(r.accepted).toEqual([])
    expect(r.rejected.map((x) => x.index)).toEqual([0, 1, 2, 3])
    expect(r.diagnostics.every((d) => d.code === 'K8S101')).toBe(true)
  })

  it('accepts an object with only warnings', () => {
    const r = admit([meshPolicy({ peers: [{ mtls: null }] })], { profile: '1.0' })
    expect(r.accepted).toHaveLength(1)
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning'])
  })
})

describe('writtenPath', () => {
  it('re-spells camelCase steps the way the object writes them', () => {
    const o = { spec: { origins: [{ jwt: { jwks_uri: 'x' } }] } }
    expect(writtenPath(o, ['spec', 'origins', 0, 'jwt', 'jwksUri'])).toEqual(['spec', 'origins', 0, 'jwt', 'jwks_uri'])
  })

  it('keeps steps that are absent from the object', () => {
    expect(writtenPath({ spec: {} }, ['spec', 'targets', 0, 'name'])).toEqual(['spec', 'targets', 0, 'name'])
  })
})
