/**
 * Registry of the engine's cross-object findings (admission has its own, in admission/codes.ts).
 * Codes are stable: tests, docs and the UI refer to them.
 */
import type { Diagnostic, ObjectPath, Severity } from './types'

export const MESH_CODES = {
  MESH001: 'DestinationRule host matches no service',
  MESH002: 'Policy target names a service that does not exist in the policy namespace',
  MESH003: 'More than one service-specific Policy applies to the same service port',
  MESH004: 'Two DestinationRules resolve to the same host',
  MESH005: 'Service selects no workload',
  MESH006: 'Policy has a JWT origin without jwksUri and is dropped by Pilot',
  MESH007: 'Policy JWT origin has no key set for its jwksUri: every token fails',
  MESH008: 'Object lives in a namespace that has no Namespace object',
  MESH009: 'R24: the pods behind the Service declare ports, but not this targetPort: the connection is refused',
  MESH010: 'VirtualService routes to a host that matches no service',
} as const

export type MeshCode = keyof typeof MESH_CODES

export function meshDiagnostic(
  code: MeshCode,
  severity: Severity,
  message: string,
  where: { resource?: string; index?: number; path?: ObjectPath } = {},
): Diagnostic {
  return { code, severity, message, ...where }
}
