/**
 * Level of detail for big designs: zoomed out, the canvas draws each namespace as one box with counts
 * (apps, policies, rules, other objects) instead of hundreds of nodes and edges, so it pans; zoomed in,
 * everything, but only what is on screen.
 */
import type { DesignerNode, NamespaceOverview } from './flowTypes'

/** Designs with more nodes than this get the overview and draw only what is on screen. */
export const OVERVIEW_MIN_NODES = 150
/** Below this zoom a big design is drawn as namespace boxes with counts. */
export const OVERVIEW_ZOOM = 0.45

/** The namespace boxes with what they hold, plus the nodes outside any box (the mesh, cluster-scoped objects). */
export function overviewNodes(nodes: readonly DesignerNode[]): DesignerNode[] {
  const counts = new Map<string, NamespaceOverview>()
  for (const node of nodes) {
    if (!node.parentId) continue
    const c = counts.get(node.parentId) ?? { apps: 0, policies: 0, rules: 0, other: 0 }
    if (node.type === 'app') c.apps++
    else if (node.type === 'policy') c.policies++
    else if (node.type === 'rule') c.rules++
    else c.other++
    counts.set(node.parentId, c)
  }
  const out: DesignerNode[] = []
  for (const node of nodes) {
    if (node.parentId) continue
    if (node.type !== 'namespace') {
      out.push(node)
      continue
    }
    out.push({ ...node, data: { ...node.data, overview: counts.get(node.id) ?? { apps: 0, policies: 0, rules: 0, other: 0 } } })
  }
  return out
}
