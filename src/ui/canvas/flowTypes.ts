/**
 * The data each canvas node and edge carries: already-summarised facts, so node components only
 * draw. Everything here comes out of toFlow().
 */
import type { Edge, Node } from '@xyflow/react'
import type { ResourceKey } from '../../engine'
import type { AppPort, AttachTarget, MtlsChoice, TlsChoice } from '../../store/commands'

/** Worst finding about a node's resources, for the corner badge. */
export interface NodeProblems {
  severity: 'error' | 'warning'
  messages: string[]
}

interface Common extends Record<string, unknown> {
  problems?: NodeProblems
}

/** What a namespace box holds, shown instead of its nodes when a big design is zoomed out (overview.ts). */
export interface NamespaceOverview {
  apps: number
  policies: number
  rules: number
  other: number
}

export interface NamespaceData extends Common {
  name: string
  injection: boolean
  /** False when only implied by the objects in it (no Namespace object). */
  declared: boolean
  /** Set only in the zoomed-out overview of a big design. */
  overview?: NamespaceOverview
}

export interface AppData extends Common {
  /** The app's node id: its first workload's key, else its Service's. */
  key: ResourceKey
  name: string
  namespace: string
  /** Server when a workload serves one of its Service ports (a grid column); else a client (a row). */
  role: 'server' | 'client'
  /** Has a Service, so policies and rules can act on it. */
  hasService: boolean
  /** served: some pod declares the target port; listening: something answers on it (rule 24). */
  ports: (AppPort & { served: boolean; listening: boolean })[]
  /** Undefined when the app has no workload the engine admitted (nothing to toggle). */
  sidecar: boolean | undefined
  sidecarReason: string
}

export interface PolicyData extends Common {
  key: ResourceKey
  kind: 'Policy' | 'MeshPolicy'
  name: string
  mtls: MtlsChoice
  origins: number
}

export interface RuleData extends Common {
  key: ResourceKey
  name: string
  host: string
  tls: TlsChoice
  portLevel: number
}

/** Gateways, VirtualServices and any other object: kind, name and a one-line summary. */
export interface ResourceData extends Common {
  key: ResourceKey
  kind: string
  name: string
  /** Gateway: `HTTP :80 · *`; VirtualService: `/ → httpbin.foo:8000`. */
  summary: string
}

export type MeshData = Common

export type NamespaceNode = Node<NamespaceData, 'namespace'>
export type AppNode = Node<AppData, 'app'>
export type PolicyNode = Node<PolicyData, 'policy'>
export type RuleNode = Node<RuleData, 'rule'>
export type ResourceNode = Node<ResourceData, 'resource'>
export type MeshNode = Node<MeshData, 'mesh'>
export type DesignerNode = NamespaceNode | AppNode | PolicyNode | RuleNode | ResourceNode | MeshNode

/** What an edge stands for, so reconnect/delete can call the right command. */
export interface RelationData extends Record<string, unknown> {
  relation: 'policy' | 'rule' | 'gateway' | 'route'
  /** The Policy/DestinationRule/VirtualService the edge starts from. */
  from: ResourceKey
  target?: AttachTarget
  /** Route index (VirtualService → service edges). */
  index?: number
  gateway?: ResourceKey
  label?: string
}

export type DesignerEdge = Edge<RelationData, 'relation'>

export const MESH_NODE_ID = 'mesh'
/** Handle ids: one per service port on app nodes, one generic target handle, one source handle. */
export const portHandleId = (port: number) => `port:${port}`
export const TARGET_HANDLE = 'in'
export const SOURCE_HANDLE = 'out'
/** Second handles on the right side: toEdges picks the side facing the other end, so edges do not cross their own nodes. */
export const TARGET_HANDLE_RIGHT = 'in-r'
export const SOURCE_HANDLE_RIGHT = 'out-r'
