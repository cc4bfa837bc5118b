import { describe, expect, it } from 'vitest'
import { buildModel, DEFAULT_OPTIONS } from '../../engine'
import { syntheticMesh } from '../../scenarios/synthetic/syntheticMesh'
import { setAppSidecar } from '../../store/commands'
import { EMPTY_LAYOUT, placeNewNodes } from '../../store/placeNodes'
import type { DesignerNode } from './flowTypes'
import { keepUnchangedEdges, keepUnchangedNodes } from './keepUnchanged'
import { toFlow } from './toFlow'

function flowOf(resources: ReturnType<typeof syntheticMesh>) {
  const layout = placeNewNodes(resources, EMPTY_LAYOUT)
  return toFlow(resources, layout, buildModel(resources, DEFAULT_OPTIONS))
}

describe('keepUnchanged', () => {
  it('keeps every node and edge object when the flow is derived again unchanged', () => {
    const resources = syntheticMesh(5, 2)
    const first = flowOf(resources)
    const measured = first.nodes.map((n) => ({ ...n, measured: { width: 180, height: 64 } }) as DesignerNode)
    const again = flowOf(resources)
    expect(again.nodes[0]).not.toBe(first.nodes[0])
    expect(keepUnchangedNodes(again.nodes, measured)).toBe(measured)
    expect(keepUnchangedEdges(again.edges, first.edges)).toBe(first.edges)
  })

  it('replaces only the node that changed, and it keeps its measured size', () => {
    const resources = syntheticMesh(5, 2)
    const before = flowOf(resources).nodes.map((n) => ({ ...n, measured: { width: 180, height: 64 } }) as DesignerNode)
    const after = flowOf(setAppSidecar(resources, 'Deployment/ns-1/client', false) as ReturnType<typeof syntheticMesh>).nodes
    const kept = keepUnchangedNodes(after, before)
    const changed = kept.filter((n, i) => n !== before[i])
    expect(changed.map((n) => n.id)).toEqual(['Deployment/ns-1/client'])
    expect(changed[0]?.measured).toEqual({ width: 180, height: 64 })
    expect(changed[0]?.data).toMatchObject({ sidecar: false })
  })

  it('takes the derived position over a local one (a drag the store refused snaps back)', () => {
    const resources = syntheticMesh(2)
    const flow = flowOf(resources)
    const dragged = flow.nodes.map((n) => (n.id === 'Deployment/ns-0/web' ? { ...n, position: { x: 999, y: 999 } } : n))
    const kept = keepUnchangedNodes(flow.nodes, dragged)
    expect(kept.find((n) => n.id === 'Deployment/ns-0/web')?.position).not.toEqual({ x: 999, y: 999 })
  })

  it('keeps an edge selected in React Flow selected', () => {
    const resources = syntheticMesh(4)
    const flow = flowOf(resources)
    const selected = flow.edges.map((e, i) => (i === 0 ? { ...e, selected: true } : e))
    expect(keepUnchangedEdges(flowOf(resources).edges, selected)[0]?.selected).toBe(true)
  })
})
