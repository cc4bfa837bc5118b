/** Deleting what the user pointed at, and only what they would expect to go with it. */
import type { KubeObject, ResourceKey } from '../../engine'
import { appMembers, isWorkload } from './apps'
import { deleteNamespace } from './namespaces'
import { findByKey, keyOf } from './objects'

/**
 * A Namespace takes its contents (kubectl does the same); a Service or workload takes its whole
 * app; anything else goes alone. Policies naming a deleted service stay (and the engine warns).
 */
export function deleteCascade(resources: readonly KubeObject[], key: ResourceKey): KubeObject[] {
  const object = findByKey(resources, key)
  if (!object) return [...resources]
  if (object.kind === 'Namespace') return deleteNamespace(resources, object.metadata.name)
  if (object.kind === 'Service' || isWorkload(object)) {
    const members = new Set(appMembers(resources, key))
    return resources.filter((o) => !members.has(o))
  }
  return resources.filter((o) => keyOf(o) !== key)
}
