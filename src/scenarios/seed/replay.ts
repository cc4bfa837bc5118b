/**
 * Replays the seed task's states (seed-tables.json: cumulative apply/delete operations) on top of
 * its workloads, the way `kubectl apply` / `kubectl delete` would.
 */
import type { KubeObject } from '../../engine/types'

export type SeedOp =
  | { op: 'apply'; object: KubeObject }
  | { op: 'delete'; kind: string; name: string; namespace?: string }

export interface SeedState {
  id: string
  description?: string
  note?: string
  ops: SeedOp[]
}

export interface SeedRequest {
  from: string
  url: string
  token: 'none' | 'demo' | 'gen-jwt-expire-5' | 'k8s-serviceaccount'
  expect: { http_code: string; exit: number }
  at?: number
  note?: string
}

export interface SeedTable {
  id: string
  state: string
  requests: SeedRequest[]
  implied?: SeedRequest[]
  note?: string
  printed_partial?: boolean
  token?: { 'gen-jwt': { expire: number }; issuedAt: number }
}

export interface SeedTables {
  states: SeedState[]
  tables: SeedTable[]
}

const CLUSTER_SCOPED = new Set(['Namespace', 'MeshPolicy'])

function keyOf(kind: string, name: string, namespace: string | undefined): string {
  return `${kind}/${CLUSTER_SCOPED.has(kind) ? '' : (namespace ?? 'default')}/${name}`
}

/** Applies operations in order: apply replaces an object with the same kind/namespace/name in place. */
export function applyOps(objects: readonly KubeObject[], ops: readonly SeedOp[]): KubeObject[] {
  const out = [...objects]
  for (const op of ops) {
    if (op.op === 'apply') {
      const key = keyOf(op.object.kind, op.object.metadata.name, op.object.metadata.namespace)
      const at = out.findIndex((o) => keyOf(o.kind, o.metadata.name, o.metadata.namespace) === key)
      if (at >= 0) out[at] = op.object
      else out.push(op.object)
    } else {
      const key = keyOf(op.kind, op.name, op.namespace)
      const at = out.findIndex((o) => keyOf(o.kind, o.metadata.name, o.metadata.namespace) === key)
      if (at >= 0) out.splice(at, 1)
    }
  }
  return out
}

/** The objects of state `id`: the workloads plus the operations of every state up to and including it. */
export function objectsAtState(tables: SeedTables, workloads: readonly KubeObject[], id: string): KubeObject[] {
  const end = tables.states.findIndex((s) => s.id === id)
  if (end < 0) throw new Error(`unknown seed state ${id}`)
  return applyOps(workloads, tables.states.slice(0, end + 1).flatMap((s) => s.ops))
}
