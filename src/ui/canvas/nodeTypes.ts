/** Module-scope type maps: React Flow re-mounts every node if these objects change identity. */
import type { EdgeTypes, NodeTypes } from '@xyflow/react'
import { RelationEdge } from './edges/RelationEdge'
import { AppNode } from './nodes/AppNode'
import { MeshNode } from './nodes/MeshNode'
import { NamespaceNode } from './nodes/NamespaceNode'
import { PolicyNode } from './nodes/PolicyNode'
import { ResourceNode } from './nodes/ResourceNode'
import { RuleNode } from './nodes/RuleNode'

export const nodeTypes: NodeTypes = {
  namespace: NamespaceNode,
  app: AppNode,
  policy: PolicyNode,
  rule: RuleNode,
  resource: ResourceNode,
  mesh: MeshNode,
} as NodeTypes

export const edgeTypes: EdgeTypes = { relation: RelationEdge } as EdgeTypes
