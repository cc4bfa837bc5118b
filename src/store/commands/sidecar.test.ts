import { describe, expect, it } from 'vitest'
import { addNamespace, namespaceInjection, renameNamespace, setNamespaceInjection } from './namespaces'
import { INJECT_ANNOTATION, setSidecar, STATUS_ANNOTATION } from './sidecar'
import { errorsOf, find, ok, seed, sidecarOf } from './testSeed'

function annotations(resources: ReturnType<typeof seed>, ns: string, name: string): Record<string, string> {
  const template = (find(resources, 'Deployment', ns, name)?.spec as { template: { metadata: { annotations?: Record<string, string> } } }).template
  return template.metadata.annotations ?? {}
}

describe('setSidecar', () => {
  it('opts a pod out with inject "false" in a labelled namespace, and back in by removing it', () => {
    const off = ok(setSidecar(seed(), 'Deployment/foo/sleep', false))
    expect(annotations(off, 'foo', 'sleep')).toEqual({ [INJECT_ANNOTATION]: 'false' })
    expect(sidecarOf(off, 'Deployment/foo/sleep')).toBe(false)
    const on = ok(setSidecar(off, 'Deployment/foo/sleep', true))
    expect(annotations(on, 'foo', 'sleep')).toEqual({})
    expect(sidecarOf(on, 'Deployment/foo/sleep')).toBe(true)
  })

  it('marks the pod as kube-injected in an unlabelled namespace, and removes the mark again', () => {
    const on = ok(setSidecar(seed(), 'Deployment/legacy/sleep', true))
    expect(Object.keys(annotations(on, 'legacy', 'sleep'))).toEqual([STATUS_ANNOTATION])
    expect(sidecarOf(on, 'Deployment/legacy/sleep')).toBe(true)
    const off = ok(setSidecar(on, 'Deployment/legacy/sleep', false))
    expect(annotations(off, 'legacy', 'sleep')).toEqual({})
    expect(sidecarOf(off, 'Deployment/legacy/sleep')).toBe(false)
    expect(errorsOf(off)).toEqual([])
  })

  it('refuses things that are not workloads', () => {
    expect(setSidecar(seed(), 'Service/foo/httpbin', true)).toMatchObject({ ok: false })
  })
})

describe('namespaces', () => {
  it('adds a namespace with or without the injection label', () => {
    const next = ok(addNamespace(seed(), 'baz', { injection: true }))
    expect(find(next, 'Namespace', '', 'baz')?.metadata.labels).toEqual({ 'istio-injection': 'enabled' })
    expect(namespaceInjection(next, 'baz')).toBe(true)
    expect(addNamespace(next, 'baz', { injection: false })).toMatchObject({ ok: false })
  })

  it('toggles the injection label, which toggles sidecars of the pods in it', () => {
    const next = setNamespaceInjection(seed(), 'legacy', true)
    expect(namespaceInjection(next, 'legacy')).toBe(true)
    expect(sidecarOf(next, 'Deployment/legacy/httpbin')).toBe(true)
    expect(find(setNamespaceInjection(next, 'legacy', false), 'Namespace', '', 'legacy')?.metadata).toEqual({ name: 'legacy' })
  })

  it('renames a namespace, moving its objects and rewriting hosts', () => {
    const withRule = [
      ...seed(),
      { apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'default', namespace: 'foo' }, spec: { host: '*.foo.svc.cluster.local' } },
    ]
    const next = ok(renameNamespace(withRule, 'foo', 'shop'))
    expect(find(next, 'Namespace', '', 'shop')).toBeDefined()
    expect(find(next, 'Service', 'shop', 'httpbin')).toBeDefined()
    expect(find(next, 'DestinationRule', 'shop', 'default')?.spec).toEqual({ host: '*.shop.svc.cluster.local' })
    expect(next.some((o) => o.metadata.namespace === 'foo')).toBe(false)
    expect(renameNamespace(seed(), 'foo', 'bar')).toMatchObject({ ok: false })
    expect(renameNamespace(seed(), 'foo', 'Bad Name')).toMatchObject({ ok: false })
  })
})
