/** Object identity as kubectl sees it. */
import type { KubeObject, ResourceKey } from '../types'
import { isClusterScoped } from './kinds'

/** The namespace an object lands in: its own, else the caller's default; '' when cluster-scoped. */
export function namespaceOf(object: KubeObject, defaultNamespace = 'default'): string {
  if (isClusterScoped(object.kind)) return ''
  const ns = object.metadata.namespace
  return typeof ns === 'string' && ns !== '' ? ns : defaultNamespace
}

/**
 * `Kind/namespace/name`, with an empty namespace for cluster-scoped kinds.
 * @example resourceKeyOf({ kind: 'Policy', metadata: { name: 'httpbin' } }, 'bar') // 'Policy/bar/httpbin'
 * @example resourceKeyOf({ kind: 'MeshPolicy', metadata: { name: 'default' } }, 'bar') // 'MeshPolicy//default'
 */
export function resourceKeyOf(object: KubeObject, defaultNamespace = 'default'): ResourceKey {
  return `${object.kind}/${namespaceOf(object, defaultNamespace)}/${object.metadata.name}`
}
