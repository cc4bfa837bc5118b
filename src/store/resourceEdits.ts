/**
 * Pure edits of the resource list (inspector and canvas intents). Each returns a new list, or the
 * same list when nothing changes, so the store can skip recording a no-op in the history.
 */
import type { KubeObject, ResourceKey } from '../engine'
import { keyOf } from './keys'

/** Replaces the object with `previousKey` (a rename) or its own key, in place; appends a new one. */
export function upsertObject(resources: readonly KubeObject[], object: KubeObject, previousKey?: ResourceKey): KubeObject[] {
  const key = previousKey ?? keyOf(object)
  const at = resources.findIndex((o) => keyOf(o) === key)
  if (at < 0) return [...resources, object]
  if (resources[at] === object) return resources as KubeObject[]
  const out = [...resources]
  out[at] = object
  return out
}

export function deleteObject(resources: readonly KubeObject[], key: ResourceKey): KubeObject[] {
  const out = resources.filter((o) => keyOf(o) !== key)
  return out.length === resources.length ? (resources as KubeObject[]) : out
}
