import { describe, expect, it } from 'vitest'
import { addMeshPolicy, addPolicy, attachPolicy, detachPolicy } from './policies'
import { followKey } from './result'
import { errorsOf, find, ok, seed } from './testSeed'

describe('policies', () => {
  it('adds the seed MeshPolicy once', () => {
    const next = ok(addMeshPolicy(seed()))
    expect(find(next, 'MeshPolicy', '', 'default')).toMatchObject({ apiVersion: 'authentication.istio.io/v1alpha1', spec: { peers: [{ mtls: {} }] } })
    expect(addMeshPolicy(next)).toMatchObject({ ok: false })
    expect(errorsOf(next)).toEqual([])
  })

  it('adds a namespace policy named default, then refuses a second one', () => {
    const next = ok(addPolicy(seed(), 'foo'))
    expect(find(next, 'Policy', 'foo', 'default')?.spec).toEqual({ peers: [{ mtls: {} }] })
    expect(errorsOf(next)).toEqual([])
    expect(addPolicy(next, 'foo')).toMatchObject({ ok: false, message: expect.stringContaining('already has') })
  })

  it('adds a service policy named after the service', () => {
    const next = ok(addPolicy(seed(), 'bar', { kind: 'service', ns: 'bar', service: 'httpbin' }))
    expect(find(next, 'Policy', 'bar', 'httpbin')?.spec).toEqual({ targets: [{ name: 'httpbin' }], peers: [{ mtls: {} }] })
    expect(errorsOf(next)).toEqual([])
  })

  it('attaching to a service renames a default policy, moves it, and keeps its place in the list', () => {
    const before = ok(addPolicy(seed(), 'foo'))
    const next = ok(attachPolicy(before, 'Policy/foo/default', { kind: 'service', ns: 'bar', service: 'httpbin' }))
    expect(find(next, 'Policy', 'foo', 'default')).toBeUndefined()
    expect(find(next, 'Policy', 'bar', 'httpbin')?.spec).toMatchObject({ targets: [{ name: 'httpbin' }] })
    expect(followKey(before, next, 'Policy/foo/default')).toBe('Policy/bar/httpbin')
    expect(errorsOf(next)).toEqual([])
  })

  it('attaching to a port targets that port only', () => {
    const before = ok(addPolicy(seed(), 'foo'))
    const next = ok(attachPolicy(before, 'Policy/foo/default', { kind: 'port', ns: 'foo', service: 'httpbin', port: 8000 }))
    expect(find(next, 'Policy', 'foo', 'httpbin')?.spec).toMatchObject({ targets: [{ name: 'httpbin', ports: [{ number: 8000 }] }] })
  })

  it('attaching to a namespace makes it that namespace\'s default, without targets', () => {
    const before = ok(addPolicy(seed(), 'bar', { kind: 'service', ns: 'bar', service: 'httpbin' }))
    const next = ok(attachPolicy(before, 'Policy/bar/httpbin', { kind: 'namespace', ns: 'foo' }))
    expect(find(next, 'Policy', 'foo', 'default')?.spec).toEqual({ peers: [{ mtls: {} }] })
    const taken = ok(addPolicy(next, 'bar'))
    expect(attachPolicy(taken, 'Policy/bar/default', { kind: 'namespace', ns: 'foo' })).toMatchObject({ ok: false })
  })

  it('attaching a Policy to the mesh turns it into the MeshPolicy, unless there is one', () => {
    const before = ok(addPolicy(seed(), 'foo'))
    const next = ok(attachPolicy(before, 'Policy/foo/default', { kind: 'mesh' }))
    expect(find(next, 'MeshPolicy', '', 'default')).toBeDefined()
    expect(errorsOf(next)).toEqual([])
    expect(attachPolicy(ok(addPolicy(next, 'bar')), 'Policy/bar/default', { kind: 'mesh' })).toMatchObject({ ok: false })
  })

  it('detaches one target but never leaves a policy acting on nothing', () => {
    const two = ok(addPolicy(seed(), 'foo', { kind: 'service', ns: 'foo', service: 'httpbin' }))
    const policy = find(two, 'Policy', 'foo', 'httpbin')
    if (policy) policy.spec = { targets: [{ name: 'httpbin' }, { name: 'sleep', ports: [{ number: 80 }, { number: 81 }] }] }
    const fewer = ok(detachPolicy(two, 'Policy/foo/httpbin', { kind: 'port', ns: 'foo', service: 'sleep', port: 81 }))
    expect(find(fewer, 'Policy', 'foo', 'httpbin')?.spec).toEqual({ targets: [{ name: 'httpbin' }, { name: 'sleep', ports: [{ number: 80 }] }] })
    const one = ok(detachPolicy(fewer, 'Policy/foo/httpbin', { kind: 'service', ns: 'foo', service: 'sleep' }))
    expect(find(one, 'Policy', 'foo', 'httpbin')?.spec).toEqual({ targets: [{ name: 'httpbin' }] })
    expect(detachPolicy(one, 'Policy/foo/httpbin', { kind: 'service', ns: 'foo', service: 'httpbin' })).toMatchObject({ ok: false })
    expect(detachPolicy(ok(addPolicy(seed(), 'foo')), 'Policy/foo/default')).toMatchObject({ ok: false })
  })
})
