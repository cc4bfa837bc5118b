import { describe, expect, it } from 'vitest'
import { addClientApp, addServiceApp, deleteApp, setAppPorts } from './appCommands'
import { appMembers, appName, appPorts } from './apps'
import { deleteCascade } from './deletes'
import { addNamespace } from './namespaces'
import { renameApp } from './renames'
import { errorsOf, find, ok, seed, sidecarOf } from './testSeed'

describe('apps', () => {
  it('groups a Service with the Deployment it selects', () => {
    const keys = appMembers(seed(), 'Deployment/foo/httpbin').map((o) => `${o.kind}/${o.metadata.name}`)
    expect(keys).toEqual(['Service/httpbin', 'Deployment/httpbin'])
    expect(appName(seed(), 'Deployment/foo/httpbin')).toBe('httpbin')
    expect(appPorts(seed(), 'Deployment/foo/httpbin')).toEqual([{ name: 'http', port: 8000 }])
  })

  it('adds a service app whose container serves its ports, accepted by admission', () => {
    const next = ok(addServiceApp(seed(), 'foo', { name: 'web', ports: [{ name: 'http', port: 8080 }, { name: 'grpc', port: 9090 }] }))
    const deployment = find(next, 'Deployment', 'foo', 'web')
    expect(JSON.stringify(deployment)).toContain('"containerPort":8080')
    expect(find(next, 'Service', 'foo', 'web')?.spec).toMatchObject({ selector: { app: 'web' }, ports: [{ name: 'http', port: 8080 }, { name: 'grpc', port: 9090 }] })
    expect(appMembers(next, 'Deployment/foo/web')).toHaveLength(2)
    expect(errorsOf(next)).toEqual([])
    expect(sidecarOf(next, 'Deployment/foo/web')).toBe(true)
  })

  it('honours an explicit sidecar choice against the namespace default', () => {
    const next = ok(addServiceApp(seed(), 'foo', { name: 'web', ports: [{ name: 'http', port: 80 }], sidecar: false }))
    expect(sidecarOf(next, 'Deployment/foo/web')).toBe(false)
    const legacy = ok(addServiceApp(seed(), 'legacy', { name: 'web', ports: [{ name: 'http', port: 80 }], sidecar: true }))
    expect(sidecarOf(legacy, 'Deployment/legacy/web')).toBe(true)
  })

  it('refuses a second app with the same name', () => {
    expect(addServiceApp(seed(), 'foo', { name: 'httpbin', ports: [{ name: 'http', port: 80 }] })).toMatchObject({ ok: false })
    expect(addClientApp(seed(), 'foo', 'sleep')).toMatchObject({ ok: false })
  })

  it('adds a sleep-like client without a Service', () => {
    const next = ok(addClientApp(ok(addNamespace(seed(), 'baz', { injection: false })), 'baz', 'curl'))
    expect(find(next, 'Service', 'baz', 'curl')).toBeUndefined()
    expect(JSON.stringify(find(next, 'Deployment', 'baz', 'curl'))).toContain('tutum/curl')
    expect(errorsOf(next)).toEqual([])
    expect(sidecarOf(next, 'Deployment/baz/curl')).toBe(false)
  })

  it('edits ports on the Service and the container together', () => {
    const next = ok(setAppPorts(seed(), 'Deployment/foo/httpbin', [{ name: 'http', port: 8000 }, { name: 'tcp', port: 9000 }]))
    expect(appPorts(next, 'Deployment/foo/httpbin').map((p) => p.port)).toEqual([8000, 9000])
    expect(JSON.stringify(find(next, 'Deployment', 'foo', 'httpbin'))).toContain('"containerPort":9000')
    expect(errorsOf(next)).toEqual([])
  })

  it('deletes an app as its Service and Deployment, nothing else', () => {
    const before = seed()
    const next = deleteApp(before, 'Deployment/foo/httpbin')
    expect(next).toHaveLength(before.length - 2)
    expect(find(next, 'Service', 'foo', 'httpbin')).toBeUndefined()
    expect(find(next, 'Service', 'bar', 'httpbin')).toBeDefined()
    expect(deleteCascade(before, 'Service/foo/httpbin')).toEqual(next)
  })

  it('deletes a namespace with everything in it', () => {
    const next = deleteCascade(seed(), 'Namespace//legacy')
    expect(next.some((o) => o.metadata.namespace === 'legacy' || o.metadata.name === 'legacy')).toBe(false)
    expect(next).toHaveLength(seed().length - 5)
  })

  it('renames an app with its labels and the references to its service', () => {
    const withRefs = [
      ...seed(),
      { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'p', namespace: 'foo' }, spec: { targets: [{ name: 'httpbin' }] } },
      { apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'd', namespace: 'bar' }, spec: { host: 'httpbin.foo.svc.cluster.local' } },
    ]
    const next = ok(renameApp(withRefs, 'Deployment/foo/httpbin', 'web'))
    expect(find(next, 'Service', 'foo', 'web')?.spec).toMatchObject({ selector: { app: 'web' } })
    expect(JSON.stringify(find(next, 'Deployment', 'foo', 'web'))).toContain('"app":"web"')
    expect(find(next, 'Policy', 'foo', 'p')?.spec).toEqual({ targets: [{ name: 'web' }] })
    expect(find(next, 'DestinationRule', 'bar', 'd')?.spec).toEqual({ host: 'web.foo.svc.cluster.local' })
    expect(find(next, 'Service', 'bar', 'httpbin')).toBeDefined()
    expect(appMembers(next, 'Deployment/foo/web')).toHaveLength(2)
    expect(errorsOf(next)).toEqual([])
    expect(renameApp(withRefs, 'Deployment/foo/httpbin', 'sleep')).toMatchObject({ ok: false })
  })
})
