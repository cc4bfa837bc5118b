import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../engine'
import { seedWorkloads } from '../scenarios/seed'
import { appNodeIdFor, canvasNodes } from './canvasIds'
import { autoLayout } from './layout'
import { EMPTY_LAYOUT, placeNewNodes } from './placeNodes'

const seed = seedWorkloads()
const MESH_POLICY: KubeObject = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default' } }

function deployment(name: string, ns: string, labels: Record<string, string>): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: ns }, spec: { template: { metadata: { labels } } } }
}

describe('Canvas node ids', () => {
  it('show a Service and the Deployment it selects as one app named by the Deployment', () => {
    expect(appNodeIdFor('Service/foo/httpbin', seed)).toBe('Deployment/foo/httpbin')
    expect(appNodeIdFor('Deployment/foo/httpbin', seed)).toBe('Deployment/foo/httpbin')
  })

  it('name namespaces ns:<name> and leave other objects on their own key', () => {
    expect(appNodeIdFor('Namespace//foo', seed)).toBe('ns:foo')
    expect(appNodeIdFor('MeshPolicy//default', [...seed, MESH_POLICY])).toBe('MeshPolicy//default')
  })

  it('give a Service without workload its own node', () => {
    const lone: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'foo' }, spec: { selector: { app: 'db' } } }
    expect(appNodeIdFor('Service/foo/db', [...seed, lone])).toBe('Service/foo/db')
  })

  it('join two versions of one app under the first Deployment', () => {
    const v2 = deployment('httpbin-v2', 'foo', { app: 'httpbin', version: 'v2' })
    expect(appNodeIdFor('Deployment/foo/httpbin-v2', [...seed, v2])).toBe('Deployment/foo/httpbin')
  })

  it('do not select across namespaces', () => {
    const other = deployment('httpbin', 'bar', { app: 'httpbin' })
    const resources = seed.filter((o) => o.metadata.namespace !== 'bar').concat(other)
    expect(appNodeIdFor('Service/foo/httpbin', resources)).toBe('Deployment/foo/httpbin')
  })

  it('list the seed as six apps in three namespaces', () => {
    const { nodes, namespaces } = canvasNodes(seed)
    expect(namespaces).toEqual(['foo', 'bar', 'legacy'])
    expect(nodes.map((n) => n.id)).toHaveLength(6)
    expect(nodes[0]?.members).toEqual(['Service/foo/httpbin', 'Deployment/foo/httpbin'])
  })
})

describe('Layout', () => {
  it('places new nodes without moving existing ones', () => {
    const first = placeNewNodes(seed, EMPTY_LAYOUT)
    const moved = { ...first, positions: { ...first.positions, 'Deployment/foo/httpbin': { x: 500, y: 500 } } }
    const next = placeNewNodes([...seed, deployment('extra', 'foo', { app: 'extra' }), MESH_POLICY], moved)
    expect(next.positions['Deployment/foo/httpbin']).toEqual({ x: 500, y: 500 })
    expect(next.positions['Deployment/foo/extra']).toBeDefined()
    expect(next.positions['MeshPolicy//default']?.y).toBeLessThan(0)
    expect(placeNewNodes(seed, first)).toBe(first)
  })

  it('arranges namespaces side by side with elk and keeps positions the user chose', async () => {
    const layout = await autoLayout(seed, EMPTY_LAYOUT)
    const boxes = ['foo', 'bar', 'legacy'].map((ns) => layout.namespaces[ns])
    expect(boxes.every((b) => b !== undefined)).toBe(true)
    expect(new Set(boxes.map((b) => b?.x)).size).toBe(3)
    const kept = await autoLayout([...seed, MESH_POLICY], { ...layout, positions: { ...layout.positions, 'Deployment/foo/sleep': { x: 1, y: 2 } } })
    expect(kept.positions['Deployment/foo/sleep']).toEqual({ x: 1, y: 2 })
    expect(kept.positions['MeshPolicy//default']).toBeDefined()
  })
})
