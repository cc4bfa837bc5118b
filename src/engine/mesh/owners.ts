/**
 * What `kubectl get all -o yaml` prints besides the workloads users write: the ReplicaSets a
 * Deployment made, the Pods of those, the Jobs of a CronJob. An object whose ownerReferences lead
 * (through any chain) to a workload in the same input *is* that workload, not a second one (issue 8,
 * "workloads as a cluster prints them"). Pods and ReplicaSets whose owner is not in the input stay
 * workloads of their own, but the replicas of one missing owner fold into the first of them.
 */
import type { KubeObject } from '../types'

type Json = Record<string, unknown>

export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'])

interface OwnerRef {
  kind: string
  name: string
}

function ownerRefs(object: KubeObject): OwnerRef[] {
  const refs = (object.metadata as Json).ownerReferences
  if (!Array.isArray(refs)) return []
  const out: OwnerRef[] = []
  for (const ref of refs) {
    if (ref === null || typeof ref !== 'object') continue
    const { kind, name, controller } = ref as Json
    if (typeof kind !== 'string' || typeof name !== 'string') continue
    // The controlling owner first: it is the one that made the object.
    if (controller === true) out.unshift({ kind, name })
    else out.push({ kind, name })
  }
  return out
}

function idOf(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`
}

/**
 * Indices of `objects` that are copies of another workload of the input (folded into it), with the
 * index each folds into.
 * @example foldedWorkloads([deployment, replicaSet, pod]) // Map { 1 => 0, 2 => 0 }
 */
export function foldedWorkloads(objects: readonly KubeObject[], namespaceOf: (o: KubeObject) => string = (o) => o.metadata.namespace ?? 'default'): Map<number, number> {
  const byId = new Map<string, number>()
  objects.forEach((o, i) => {
    if (WORKLOAD_KINDS.has(o.kind)) byId.set(idOf(o.kind, namespaceOf(o), o.metadata.name), i)
  })
  const memo = new Map<number, number | undefined>()
  /** The top workload of the input that `i` belongs to (itself when it has no owner in the input). */
  const root = (i: number, depth: number): number => {
    if (memo.has(i)) return memo.get(i) ?? i
    const object = objects[i] as KubeObject
    let found = i
    if (depth < 8) {
      for (const ref of ownerRefs(object)) {
        const owner = byId.get(idOf(ref.kind, namespaceOf(object), ref.name))
        if (owner !== undefined && owner !== i) {
          found = root(owner, depth + 1)
          break
        }
      }
    }
    memo.set(i, found)
    return found
  }
  const folded = new Map<number, number>()
  const firstOfMissingOwner = new Map<string, number>()
  objects.forEach((o, i) => {
    if (!WORKLOAD_KINDS.has(o.kind)) return
    const top = root(i, 0)
    if (top !== i) {
      folded.set(i, top)
      return
    }
    // Owner not in the input: replicas of the same owner are one workload.
    const ref = ownerRefs(o)[0]
    if (!ref) return
    const key = `${idOf(ref.kind, namespaceOf(o), ref.name)}|${o.kind}`
    const first = firstOfMissingOwner.get(key)
    if (first === undefined) firstOfMissingOwner.set(key, i)
    else folded.set(i, first)
  })
  return folded
}
