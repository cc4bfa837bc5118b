/**
 * Small helpers over raw Kubernetes objects, shared by every command. Objects are plain JSON;
 * commands never mutate their input, they copy what they change (structuredClone).
 */
import type { KubeObject, ResourceKey } from '../../engine'
import { namespaceOf, resourceKeyOf } from '../../engine/admission'

export const AUTHN_API = 'authentication.istio.io/v1alpha1'
export const NETWORKING_API = 'networking.istio.io/v1alpha3'
/** Kubernetes puts objects without a namespace into `default` (kubectl apply without -n). */
export const DEFAULT_NAMESPACE = 'default'

export type Json = Record<string, unknown>

export function keyOf(object: KubeObject): ResourceKey {
  return resourceKeyOf(object, DEFAULT_NAMESPACE)
}

export function nsOf(object: KubeObject): string {
  return namespaceOf(object, DEFAULT_NAMESPACE)
}

export function asRecord(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {}
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
}

export function clone<T>(value: T): T {
  return structuredClone(value)
}

export function findByKey(resources: readonly KubeObject[], key: ResourceKey): KubeObject | undefined {
  return resources.find((o) => keyOf(o) === key)
}

/** Replaces the object with `key` by `next`, keeping its place in the list (see followKey). */
export function replaceByKey(resources: readonly KubeObject[], key: ResourceKey, next: KubeObject): KubeObject[] {
  return resources.map((o) => (keyOf(o) === key ? next : o))
}

/** `Kind/ns/name` as the engine writes it ('' namespace for cluster-scoped kinds). */
export function keyFor(kind: string, namespace: string, name: string): ResourceKey {
  return keyOf({ kind, metadata: { name, namespace } })
}

/**
 * `base` if no object of that kind has the name in the namespace, else `base-2`, `base-3`, ...
 * `ignore` is the key of the object being renamed (it does not collide with itself).
 */
export function uniqueName(resources: readonly KubeObject[], kind: string, namespace: string, base: string, ignore?: ResourceKey): string {
  const taken = new Set(resources.map(keyOf).filter((k) => k !== ignore))
  if (!taken.has(keyFor(kind, namespace, base))) return base
  for (let i = 2; ; i++) {
    const name = `${base}-${i}`
    if (!taken.has(keyFor(kind, namespace, name))) return name
  }
}

/** Auto-names a new object `prefix-1`, `prefix-2`, ... (the first free number). */
export function numberedName(resources: readonly KubeObject[], kind: string, namespace: string, prefix: string): string {
  const taken = new Set(resources.map(keyOf))
  for (let i = 1; ; i++) {
    const name = `${prefix}-${i}`
    if (!taken.has(keyFor(kind, namespace, name))) return name
  }
}

/** A copy of `object` with new metadata fields (name/namespace), other metadata kept. */
export function withMeta(object: KubeObject, meta: { name?: string; namespace?: string | undefined }): KubeObject {
  const metadata = { ...clone(object.metadata), ...meta }
  if (meta.namespace === undefined && 'namespace' in meta) delete metadata.namespace
  return { ...clone(object), metadata }
}

export function specOf(object: KubeObject): Json {
  return asRecord(object.spec)
}

/** Service FQDN as Pilot names it (no custom cluster domains in this designer). */
export function serviceFqdn(namespace: string, service: string): string {
  return `${service}.${namespace}.svc.cluster.local`
}

export function namespaceNames(resources: readonly KubeObject[]): string[] {
  return resources.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)
}
