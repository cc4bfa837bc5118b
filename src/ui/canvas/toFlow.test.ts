import { describe, expect, it } from 'vitest'
import { buildModel, DEFAULT_OPTIONS, type KubeObject } from '../../engine'
import { addDestinationRule, addPolicy, isEditError, type EditResult } from '../../store/commands'
import { EMPTY_LAYOUT } from '../../store/placeNodes'
import { parseManifests } from '../../yaml'
import seedYaml from '../../scenarios/seed/workloads.yaml?raw'
import { toFlow } from './toFlow'

function ok(result: EditResult): KubeObject[] {
  if (isEditError(result)) throw new Error(result.message)
  return result
}

function flowOf(resources: KubeObject[]) {
  return toFlow(resources, EMPTY_LAYOUT, buildModel(resources, DEFAULT_OPTIONS), { kind: 'resource', key: 'Service/foo/httpbin' })
}

describe('toFlow', () => {
  it('draws namespaces as boxes holding one node per app, parents first', () => {
    const { nodes } = flowOf(parseManifests(seedYaml).objects)
    const ids = nodes.map((n) => n.id)
    expect(ids.slice(0, 4)).toEqual(['mesh', 'ns:foo', 'ns:bar', 'ns:legacy'])
    const httpbin = nodes.find((n) => n.id === 'Deployment/foo/httpbin')
    expect(httpbin).toMatchObject({ type: 'app', parentId: 'ns:foo', extent: 'parent', selected: true })
    expect(httpbin?.data).toMatchObject({ name: 'httpbin', role: 'server', sidecar: true, ports: [{ port: 8000, served: true }] })
    expect(nodes.find((n) => n.id === 'Deployment/legacy/sleep')?.data).toMatchObject({ role: 'client', sidecar: false })
  })

  it('marks each port chip by rule 24: declared, listening without a declaration, or refused', () => {
    const seed = parseManifests(seedYaml).objects
    const sleep = () => flowOf(seed).nodes.find((n) => n.id === 'Deployment/foo/sleep')?.data
    // The sample sleep pod declares no container port: it listens on its Service's target port.
    expect(sleep()).toMatchObject({ role: 'client', ports: [{ port: 80, served: false, listening: true }] })
    // httpbin.foo's pod declares 8080 only: its Service port 8000 stays, and refuses.
    const moved = parseManifests(seedYaml.replace('containerPort: 8000', 'containerPort: 8080')).objects
    const httpbin = flowOf(moved).nodes.find((n) => n.id === 'Deployment/foo/httpbin')?.data
    expect(httpbin).toMatchObject({ ports: [{ port: 8000, served: false, listening: false }] })
  })

  it('draws an edge from each policy and rule to what it acts on', () => {
    let r = ok(addPolicy(parseManifests(seedYaml).objects, 'foo'))
    r = ok(addPolicy(r, 'bar', { kind: 'port', ns: 'bar', service: 'httpbin', port: 8000 }))
    r = ok(addDestinationRule(r, { kind: 'mesh' }, '1.0'))
    const { nodes, edges } = flowOf(r)
    expect(edges.map((e) => [e.source, e.target, e.targetHandle])).toEqual([
      ['Policy/foo/default', 'ns:foo', 'in'],
      ['Policy/bar/httpbin', 'Deployment/bar/httpbin', 'port:8000'],
      ['DestinationRule/default/default', 'mesh', 'in-r'],
    ])
    expect(nodes.find((n) => n.id === 'Policy/foo/default')?.data).toMatchObject({ mtls: 'STRICT', origins: 0 })
    expect(nodes.find((n) => n.id === 'DestinationRule/default/default')).toMatchObject({ parentId: 'ns:default', data: { tls: 'ISTIO_MUTUAL', host: '*.local' } })
  })

  it('marks nodes whose objects have findings', () => {
    const policy = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'p', namespace: 'foo' }, spec: { targets: [{ name: 'nope' }] } }
    const { nodes } = flowOf([...parseManifests(seedYaml).objects, policy])
    expect(nodes.find((n) => n.id === 'Policy/foo/p')?.data.problems).toMatchObject({ severity: 'warning' })
  })
})
