/** Namespaces: creation, the injection label, rename (moves everything in it) and delete. */
import type { KubeObject } from '../../engine'
import { renameNamespaceHost } from './hosts'
import { asArray, asRecord, clone, keyFor, keyOf, nsOf, withMeta } from './objects'
import { setMapEntry } from './podTemplate'
import { fail, type EditResult } from './result'
import { isClusterScoped } from '../../engine/admission'

const INJECTION_LABEL = 'istio-injection'

function namespaceObject(resources: readonly KubeObject[], name: string): KubeObject | undefined {
  return resources.find((o) => o.kind === 'Namespace' && o.metadata.name === name)
}

/** A Namespace; `injection` labels it istio-injection=enabled (automatic sidecars). */
export function addNamespace(resources: readonly KubeObject[], name: string, options: { injection: boolean }): EditResult {
  if (namespaceObject(resources, name)) return fail(`Namespace ${name} already exists.`)
  const metadata = options.injection ? { name, labels: { [INJECTION_LABEL]: 'enabled' } } : { name }
  return [...resources, { apiVersion: 'v1', kind: 'Namespace', metadata }]
}

/** Sets or removes the injection label (creating the Namespace object if only implied). */
export function setNamespaceInjection(resources: readonly KubeObject[], name: string, on: boolean): KubeObject[] {
  const existing = namespaceObject(resources, name)
  if (!existing) return [...resources, { apiVersion: 'v1', kind: 'Namespace', metadata: on ? { name, labels: { [INJECTION_LABEL]: 'enabled' } } : { name } }]
  const next = clone(existing)
  setMapEntry(next.metadata, 'labels', INJECTION_LABEL, on ? 'enabled' : undefined)
  return resources.map((o) => (o === existing ? next : o))
}

/** True when the namespace's label turns on automatic injection. */
export function namespaceInjection(resources: readonly KubeObject[], name: string): boolean {
  return asRecord(namespaceObject(resources, name)?.metadata.labels)[INJECTION_LABEL] === 'enabled'
}

function rewriteHosts(object: KubeObject, from: string, to: string): KubeObject {
  if (object.kind !== 'DestinationRule' && object.kind !== 'VirtualService') return object
  const copy = clone(object)
  const spec = asRecord(copy.spec)
  if (typeof spec.host === 'string') spec.host = renameNamespaceHost(spec.host, from, to)
  for (const route of asArray(spec.http).map(asRecord)) {
    for (const weighted of asArray(route.route).map(asRecord)) {
      const destination = asRecord(weighted.destination)
      if (typeof destination.host === 'string') destination.host = renameNamespaceHost(destination.host, from, to)
    }
  }
  if (Array.isArray(spec.gateways)) spec.gateways = spec.gateways.map((g) => (typeof g === 'string' && g.startsWith(`${from}/`) ? `${to}/${g.slice(from.length + 1)}` : g))
  return copy
}

/** Renames a namespace: the Namespace object, everything in it, and hosts that name it. */
export function renameNamespace(resources: readonly KubeObject[], from: string, to: string): EditResult {
  if (from === to) return [...resources]
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(to)) return fail(`"${to}" is not a valid namespace name (lower-case letters, digits and "-").`)
  if (namespaceObject(resources, to) || resources.some((o) => !isClusterScoped(o.kind) && nsOf(o) === to)) return fail(`Namespace ${to} already exists.`)
  return resources.map((o) => {
    const moved = o.kind === 'Namespace' && o.metadata.name === from ? withMeta(o, { name: to }) : !isClusterScoped(o.kind) && nsOf(o) === from ? withMeta(o, { namespace: to }) : o
    return rewriteHosts(moved, from, to)
  })
}

/** Like `kubectl delete namespace`: the Namespace and every object in it. */
export function deleteNamespace(resources: readonly KubeObject[], name: string): KubeObject[] {
  const key = keyFor('Namespace', '', name)
  return resources.filter((o) => keyOf(o) !== key && (isClusterScoped(o.kind) || nsOf(o) !== name))
}
