/**
 * What the canvas gestures mean, in one place: connecting, re-attaching and deleting edges, and
 * creating objects from the palette at a spot (a namespace, an app, a port, the mesh).
 */
import type { IstioProfile, KubeObject, ResourceKey } from '../../engine'
import { addClientApp, addServiceApp } from './appCommands'
import { appPorts } from './apps'
import { addDestinationRule, attachDestinationRule, detachDestinationRule } from './destinationRules'
import type { AttachTarget } from './hosts'
import { addGatewayRoute, attachVirtualServiceGateway, detachVirtualServiceGateway, removeVirtualServiceRoute, routeVirtualService } from './ingress'
import { addNamespace } from './namespaces'
import { findByKey, keyFor, keyOf, numberedName } from './objects'
import { addMeshPolicy, addPolicy, addPolicyTarget, attachPolicy, detachPolicy } from './policies'
import { fail, type EditResult } from './result'
import { addModernPolicy, attachModernPolicy, detachModernPolicy, isModernKind, type ModernKind } from './modern'

/** Where a gesture ends: an attach target, or a Gateway (for VirtualService bindings). */
export type DropTarget = AttachTarget | { kind: 'gateway'; key: ResourceKey }

/** An edge as the canvas knows it. */
export interface EdgeRef {
  relation: 'policy' | 'rule' | 'gateway' | 'route'
  from: ResourceKey
  target?: AttachTarget
  index?: number
  gateway?: ResourceKey
}

function routeTo(resources: readonly KubeObject[], target: AttachTarget) {
  if (target.kind !== 'service' && target.kind !== 'port') return undefined
  const port = target.kind === 'port' ? target.port : appPorts(resources, keyFor('Service', target.ns, target.service))[0]?.port
  return port === undefined ? undefined : { ns: target.ns, service: target.service, port }
}

/** Makes `key` act on `target` (replacing what it acted on). `add`: a policy gains the target instead. */
export function attachTo(resources: readonly KubeObject[], key: ResourceKey, target: DropTarget, profile: IstioProfile, add = false): EditResult {
  const object = findByKey(resources, key)
  if (!object) return fail(`There is no ${key}.`)
  if (object.kind === 'VirtualService') {
    if (target.kind === 'gateway') return attachVirtualServiceGateway(resources, key, target.key)
    const to = routeTo(resources, target)
    return to ? routeVirtualService(resources, key, to) : fail('A VirtualService routes to a service port: connect it to a service or a Gateway.')
  }
  if (target.kind === 'gateway') return fail('Only a VirtualService binds to a Gateway.')
  if (object.kind === 'Policy' || object.kind === 'MeshPolicy') return add ? addPolicyTarget(resources, key, target) : attachPolicy(resources, key, target)
  if (object.kind === 'DestinationRule') return attachDestinationRule(resources, key, target, profile)
  if (isModernKind(object.kind)) return attachModernPolicy(resources, key, target)
  return fail(`A ${object.kind} does not act on other objects.`)
}

/** Moves one edge's end to `target`; the object's other relations stay. */
export function reconnectEdge(resources: readonly KubeObject[], edge: EdgeRef, target: DropTarget, profile: IstioProfile): EditResult {
  if (edge.relation === 'route' && target.kind !== 'gateway') {
    const to = routeTo(resources, target)
    return to ? routeVirtualService(resources, edge.from, to, edge.index ?? 0) : fail('Routes go to a service port.')
  }
  if (edge.relation === 'policy' && isModernKind(findByKey(resources, edge.from)?.kind ?? '')) return attachTo(resources, edge.from, target, profile)
  if (edge.relation === 'policy' && edge.target && target.kind !== 'gateway' && target.kind !== 'mesh' && target.kind !== 'namespace') {
    // Keep the policy's other targets: drop this edge's target, then add the new one.
    const without = detachPolicy(resources, edge.from, edge.target)
    if (Array.isArray(without)) return addPolicyTarget(without, edge.from, target)
  }
  return attachTo(resources, edge.from, target, profile)
}

export function detachEdge(resources: readonly KubeObject[], edge: EdgeRef): EditResult {
  switch (edge.relation) {
    case 'policy':
      if (isModernKind(findByKey(resources, edge.from)?.kind ?? '')) return detachModernPolicy(resources, edge.from, edge.target)
      return detachPolicy(resources, edge.from, edge.target)
    case 'rule':
      return detachDestinationRule(resources, edge.from, edge.target)
    case 'route':
      return removeVirtualServiceRoute(resources, edge.from, edge.index ?? 0)
    case 'gateway':
      return edge.gateway ? detachVirtualServiceGateway(resources, edge.from, edge.gateway) : fail('There is no such binding.')
  }
}

export type PaletteKind = 'namespace' | 'service' | 'client' | 'meshpolicy' | 'policy' | 'destinationrule' | 'ingress' | 'peerauthentication' | 'requestauthentication' | 'authorizationpolicy'

const MODERN_PALETTE: Partial<Record<PaletteKind, ModernKind>> = {
  peerauthentication: 'PeerAuthentication',
  requestauthentication: 'RequestAuthentication',
  authorizationpolicy: 'AuthorizationPolicy',
}

export interface PaletteSpot {
  /** The namespace under the pointer, or the nearest one. */
  namespace: string
  /** The node under the pointer, if any. */
  target?: AttachTarget
}

function appName(resources: readonly KubeObject[], ns: string, prefix: string): string {
  const taken = (name: string) => ['Service', 'Deployment'].some((kind) => findByKey(resources, keyFor(kind, ns, name)))
  for (let i = 1; ; i++) if (!taken(`${prefix}-${i}`)) return `${prefix}-${i}`
}

/** Creates what a palette item stands for at `spot`, auto-named (`service-1`, `namespace-1`, ...). */
export function createFromPalette(resources: readonly KubeObject[], kind: PaletteKind, spot: PaletteSpot, profile: IstioProfile): EditResult {
  const { namespace: ns, target } = spot
  const modern = MODERN_PALETTE[kind]
  if (modern) return addModernPolicy(resources, modern, target ?? { kind: 'namespace', ns }, profile)
  switch (kind) {
    case 'namespace':
      return addNamespace(resources, numberedName(resources, 'Namespace', '', 'namespace'), { injection: true })
    case 'service':
      return addServiceApp(resources, ns, { name: appName(resources, ns, 'service'), ports: [{ name: 'http', port: 8000 }] })
    case 'client':
      return addClientApp(resources, ns, appName(resources, ns, 'client'))
    case 'meshpolicy':
      return addMeshPolicy(resources)
    case 'policy':
      return target?.kind === 'mesh' ? addMeshPolicy(resources) : addPolicy(resources, ns, target)
    case 'destinationrule':
      return addDestinationRule(resources, target ?? { kind: 'namespace', ns }, profile)
    case 'ingress':
      return addGatewayRoute(resources, ns, target ? routeTo(resources, target) : undefined)
    default:
      return fail(`Nothing to create for ${kind}.`)
  }
}

/** Keys the edit added, in order (to select and place what the palette created). */
export function addedKeys(before: readonly KubeObject[], after: readonly KubeObject[]): ResourceKey[] {
  const old = new Set(before.map(keyOf))
  return after.map(keyOf).filter((k) => !old.has(k))
}
