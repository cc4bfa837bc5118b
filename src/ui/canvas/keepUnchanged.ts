/**
 * When the store's flow is derived again, nodes and edges that did not change keep their previous
 * objects: React Flow then re-renders only the changed ones and keeps their `measured` sizes (a new
 * node object without `measured` is hidden and measured again, for every node on every edit).
 */
import type { DesignerEdge, DesignerNode } from './flowTypes'

/** Deep equality of plain data (what toFlow puts in nodes and edges: objects, arrays, primitives). */
export function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!samePlain(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) if (!samePlain((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  return true
}

/** Fields React Flow adds to our nodes by itself; not part of what toFlow derives. */
const RUNTIME_FIELDS = new Set(['measured', 'dragging', 'resizing', 'internals'])

function sameDerivedNode(next: DesignerNode, old: DesignerNode): boolean {
  for (const k of Object.keys(next)) {
    if (!samePlain((next as Record<string, unknown>)[k], (old as Record<string, unknown>)[k])) return false
  }
  for (const k of Object.keys(old)) if (!(k in next) && !RUNTIME_FIELDS.has(k) && (old as Record<string, unknown>)[k] !== undefined) return false
  return true
}

/**
 * `next` with every node equal to the one of the same id in `current` replaced by that object, and
 * changed nodes given the old `measured` size until React Flow measures them again.
 * Returns `current` itself when nothing changed at all.
 */
export function keepUnchangedNodes(next: readonly DesignerNode[], current: readonly DesignerNode[]): DesignerNode[] {
  const byId = new Map(current.map((n) => [n.id, n]))
  let same = next.length === current.length
  const out = next.map((node, i) => {
    const old = byId.get(node.id)
    if (!old) {
      same = false
      return node
    }
    if (sameDerivedNode(node, old)) {
      if (current[i] !== old) same = false
      return old
    }
    same = false
    return old.measured ? ({ ...node, measured: old.measured } as DesignerNode) : node
  })
  return same ? (current as DesignerNode[]) : out
}

/** The same for edges; an edge React Flow marked selected stays selected. */
export function keepUnchangedEdges(next: readonly DesignerEdge[], current: readonly DesignerEdge[]): DesignerEdge[] {
  const byId = new Map(current.map((e) => [e.id, e]))
  let same = next.length === current.length
  const out = next.map((edge, i) => {
    const old = byId.get(edge.id)
    const wanted = old?.selected ? { ...edge, selected: true } : edge
    if (old && samePlain(wanted, old)) {
      if (current[i] !== old) same = false
      return old
    }
    same = false
    return wanted
  })
  return same ? (current as DesignerEdge[]) : out
}
