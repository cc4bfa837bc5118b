/**
 * A full automatic layout with elkjs: namespaces as boxes holding their nodes, the boxes packed in
 * rows. Existing positions always win; elk only places what has no position yet, and boxes that are
 * new are shifted right of the existing ones so nothing the user arranged gets covered.
 */
import type { ELK, ElkNode } from 'elkjs/lib/elk-api'
import type { KubeObject } from '../engine'
import { canvasNodes } from './canvasIds'
import { BOX_PADDING, NODE_SIZE, placeNewNodes } from './placeNodes'
import type { Layout, NamespaceBox, NodePosition } from './types'

const BOX_OPTIONS = {
  'elk.algorithm': 'rectpacking',
  'elk.padding': `[top=${BOX_PADDING.top},left=${BOX_PADDING.side},bottom=${BOX_PADDING.bottom},right=${BOX_PADDING.side}]`,
  'elk.spacing.nodeNode': '24',
  // One column of apps per namespace: reads top-down like the YAML.
  'elk.aspectRatio': '0.2',
}
const ROOT_OPTIONS = { 'elk.algorithm': 'rectpacking', 'elk.spacing.nodeNode': '48', 'elk.aspectRatio': '3' }

let elkInstance: Promise<ELK> | undefined

/**
 * elk's bundle is large: loaded on first use, in its own chunk. In a browser it runs in a Web Worker
 * (its layout of a big design takes hundreds of milliseconds); in Node (tests, CLI) in this thread.
 */
function elk(): Promise<ELK> {
  elkInstance ??=
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK())
      : Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(
          ([{ default: ELK }, { default: workerUrl }]) => new ELK({ workerFactory: () => new Worker(workerUrl, { name: 'elk' }) }),
        )
  return elkInstance
}

function boxId(namespace: string): string {
  return `box:${namespace}`
}

function graphOf(resources: readonly KubeObject[]): ElkNode {
  const { nodes, namespaces } = canvasNodes(resources)
  const size = { width: NODE_SIZE.width, height: NODE_SIZE.height }
  const inBox = new Map<string, ElkNode[]>()
  for (const n of nodes) {
    if (n.namespace === undefined) continue
    const list = inBox.get(n.namespace)
    if (list) list.push({ id: n.id, ...size })
    else inBox.set(n.namespace, [{ id: n.id, ...size }])
  }
  return {
    id: 'root',
    layoutOptions: ROOT_OPTIONS,
    children: namespaces.map((ns) => ({
      id: boxId(ns),
      layoutOptions: BOX_OPTIONS,
      children: inBox.get(ns) ?? [],
    })),
  }
}

function positionOf(node: ElkNode): NodePosition {
  return { x: node.x ?? 0, y: node.y ?? 0 }
}

/**
 * @example const layout = await autoLayout(seedWorkloads(), EMPTY_LAYOUT) // boxes foo, bar, legacy
 */
export async function autoLayout(resources: readonly KubeObject[], existing: Layout): Promise<Layout> {
  const laidOut = await (await elk()).layout(graphOf(resources))
  const boxes = (laidOut.children ?? []).map((box) => ({ name: box.id.slice('box:'.length), box }))
  const fresh = boxes.filter(({ name }) => !existing.namespaces[name])
  const existingBoxes = Object.values(existing.namespaces)
  const freshLeft = Math.min(...fresh.map(({ box }) => box.x ?? 0))
  const shift = existingBoxes.length === 0 || fresh.length === 0 ? 0 : Math.max(...existingBoxes.map((b) => b.x + b.width)) + 48 - freshLeft
  const layout: Layout = { positions: { ...existing.positions }, namespaces: { ...existing.namespaces } }
  for (const { name, box } of fresh) {
    const placed: NamespaceBox = { x: (box.x ?? 0) + shift, y: box.y ?? 0, width: box.width ?? 0, height: box.height ?? 0 }
    layout.namespaces[name] = placed
    for (const child of box.children ?? []) layout.positions[child.id] ??= positionOf(child)
  }
  // Cluster-scoped nodes and new nodes in boxes that already existed: placed next to their peers.
  return placeNewNodes(resources, layout)
}
