/**
 * Small pure helpers to write Kubernetes/Istio objects for candidate edits: deep copies, keyed
 * replacement, pod template annotations. Every function returns new objects; inputs are never mutated.
 */
import { resourceKeyOf } from '../../admission/resourceKey'
import type { KubeObject, ResourceKey } from '../../types'

type Json = Record<string, unknown>

export function record(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {}
}

export function clone<T>(value: T): T {
  return structuredClone(value)
}

export const keyOf = (o: KubeObject): ResourceKey => resourceKeyOf(o)

export function findKey(objects: readonly KubeObject[], key: ResourceKey): KubeObject | undefined {
  return objects.find((o) => keyOf(o) === key)
}

/** Replaces the object with the same key in place, or appends it. */
export function put(objects: readonly KubeObject[], object: KubeObject): KubeObject[] {
  const key = keyOf(object)
  const at = objects.findIndex((o) => keyOf(o) === key)
  if (at < 0) return [...objects, object]
  const out = [...objects]
  out[at] = object
  return out
}

/** The metadata that carries a workload's pod annotations: the Pod's own, or its template's. */
export function podMeta(object: KubeObject): Json {
  if (object.kind === 'Pod') return object.metadata as Json
  const spec = record(object.spec)
  if (!spec.template || typeof spec.template !== 'object') spec.template = {}
  const template = record(spec.template)
  if (!template.metadata || typeof template.metadata !== 'object') template.metadata = {}
  return record(template.metadata)
}

export function setAnnotation(meta: Json, name: string, value: string | undefined): void {
  const annotations = { ...record(meta.annotations) } as Record<string, unknown>
  if (value === undefined) delete annotations[name]
  else annotations[name] = value
  if (Object.keys(annotations).length === 0) delete meta.annotations
  else meta.annotations = annotations
}
