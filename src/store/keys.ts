/**
 * Resource keys as the engine computes them (`Kind/namespace/name`). One import point, so that the
 * store follows the engine if it ever moves the function to its top-level index.
 */
import { namespaceOf, resourceKeyOf } from '../engine/admission'
import type { KubeObject, ResourceKey } from '../engine'

export { namespaceOf }

/** The namespace objects without one land in, as buildModel assumes by default. */
export const DEFAULT_NAMESPACE = 'default'

export function keyOf(object: KubeObject): ResourceKey {
  return resourceKeyOf(object, DEFAULT_NAMESPACE)
}

/** Splits `Kind/namespace/name`; the name may itself not contain '/', kinds and namespaces never do. */
export function splitKey(key: ResourceKey): { kind: string; namespace: string; name: string } {
  const [kind = '', namespace = '', ...rest] = key.split('/')
  return { kind, namespace, name: rest.join('/') }
}
