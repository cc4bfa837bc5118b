/**
 * M40: one v1alpha1 Policy or MeshPolicy -> PeerAuthentication, RequestAuthentication and
 * AuthorizationPolicy objects, group by group, the way istio-ecosystem/security-policy-migrate
 * converts them (behaviour described in the spec; no code taken from the tool).
 */
import type { AuthnPolicy, JwtSpec } from '../istio'
import type { Service } from '../mesh/model'
import type { KubeObject } from '../types'
import { pathValue } from './triggerPaths'
import { CONVERTED_ANNOTATION, SECURITY_API_VERSION } from './types'
import { workloadPortFor } from './workloadPort'

/** One output group: where the objects go and which workloads/ports they select (M40.1). */
interface Group {
  name: string
  namespace: string
  selector?: Record<string, string>
  /** Workload ports; empty = every port. */
  ports: number[]
  comment: string
}

class ConversionFailure extends Error {}

function fail(message: string): never {
  throw new ConversionFailure(message)
}

function groupsOf(policy: AuthnPolicy, services: readonly Service[], rootNamespace: string): Group[] {
  if (policy.kind === 'MeshPolicy') return [{ name: policy.name, namespace: rootNamespace, ports: [], comment: 'mesh level policy' }]
  if (policy.targets.length === 0) return [{ name: policy.name, namespace: policy.namespace, ports: [], comment: 'namespace level policy' }]
  const seen = new Set<string>()
  return policy.targets.map((target) => {
    if (seen.has(target.name)) fail(`found duplicate target ${target.name}`)
    seen.add(target.name)
    const service = services.find((s) => s.namespace === policy.namespace && s.name === target.name)
    if (!service) fail(`failed to convert target (${target.name}) to workload selector: could not find service ${policy.namespace}.${target.name}`)
    const ports = target.ports.map((selector) => {
      const found = workloadPortFor(service, selector)
      if ('error' in found) fail(`failed to convert target (${target.name}) to workload port: ${found.error}`)
      return found.port
    })
    return { name: `${policy.name}-${target.name}`, namespace: policy.namespace, selector: { ...service.selector }, ports, comment: `service ${target.name}` }
  })
}

/** M40.2: only the first peer counts; no peer is PERMISSIVE (never DISABLE). */
function peerMode(policy: AuthnPolicy): 'STRICT' | 'PERMISSIVE' {
  const first = policy.peers[0]
  if (!first) return 'PERMISSIVE'
  if (first.kind === 'jwt') fail('JWT is never supported in peer method')
  return first.mode
}

function metadataFor(group: Group, policy: AuthnPolicy): KubeObject['metadata'] {
  const source = policy.namespace === '' ? policy.name : `${policy.namespace}/${policy.name}`
  return {
    name: group.name,
    namespace: group.namespace,
    annotations: { [CONVERTED_ANNOTATION]: `converted from alpha authentication policy ${source}, ${group.comment}` },
  }
}

function withSelector(group: Group, spec: Record<string, unknown>): Record<string, unknown> {
  return group.selector ? { selector: { matchLabels: group.selector }, ...spec } : spec
}

function peerAuthentication(group: Group, policy: AuthnPolicy, mode: string): KubeObject {
  const mtls = group.ports.length === 0 ? { mtls: { mode } } : { portLevelMtls: Object.fromEntries(group.ports.map((p) => [String(p), { mode }])) }
  return { apiVersion: SECURITY_API_VERSION, kind: 'PeerAuthentication', metadata: metadataFor(group, policy), spec: withSelector(group, mtls) }
}

/** M40.3: one jwtRule per origin; headers without a prefix (v1alpha1 read the raw value). */
function jwtRule(origin: JwtSpec): Record<string, unknown> {
  const rule: Record<string, unknown> = { issuer: origin.issuer }
  if (origin.audiences.length > 0) rule.audiences = [...origin.audiences]
  if (origin.jwksUri !== undefined) rule.jwksUri = origin.jwksUri
  if (origin.jwks !== undefined) rule.jwks = origin.jwks
  if (origin.jwtHeaders.length > 0) rule.fromHeaders = origin.jwtHeaders.map((name) => ({ name }))
  if (origin.jwtParams.length > 0) rule.fromParams = [...origin.jwtParams]
  rule.forwardOriginalToken = true
  return rule
}

function requestAuthentication(group: Group, policy: AuthnPolicy): KubeObject {
  return { apiVersion: SECURITY_API_VERSION, kind: 'RequestAuthentication', metadata: metadataFor(group, policy), spec: withSelector(group, { jwtRules: policy.origins.map(jwtRule) }) }
}

const REQUIRE_PRINCIPAL = [{ source: { notRequestPrincipals: ['*'] } }]

function denyRule(operation: Record<string, unknown>): Record<string, unknown> {
  return Object.keys(operation).length === 0 ? { from: REQUIRE_PRINCIPAL } : { from: REQUIRE_PRINCIPAL, to: [{ operation }] }
}

function pathValues(matches: JwtSpec['triggerRules'][number]['includedPaths']): string[] {
  return matches.map((m) => {
    const v = pathValue(m)
    if ('error' in v) fail(v.error)
    return v.value
  })
}

/** M40.4: "token required" becomes a DENY for requests without a request principal. */
function denyRules(group: Group, policy: AuthnPolicy): Record<string, unknown>[] {
  const ports = group.ports.length > 0 ? { ports: group.ports.map(String) } : {}
  const withTriggers = policy.origins.filter((o) => o.triggerRules.length > 0)
  if (withTriggers.length > 0 && policy.origins.length > 1) fail('triggerRule is not supported with multiple JWT issuer by the tool, please convert manually')
  const only = policy.origins[0]
  if (!only || only.triggerRules.length === 0) return [denyRule(ports)]
  return only.triggerRules.map((rule) => {
    const operation: Record<string, unknown> = {}
    const paths = pathValues(rule.includedPaths)
    const notPaths = pathValues(rule.excludedPaths)
    if (paths.length > 0) operation.paths = paths
    if (notPaths.length > 0) operation.notPaths = notPaths
    return denyRule({ ...operation, ...ports })
  })
}

function authorizationPolicy(group: Group, policy: AuthnPolicy): KubeObject {
  return { apiVersion: SECURITY_API_VERSION, kind: 'AuthorizationPolicy', metadata: metadataFor(group, policy), spec: withSelector(group, { action: 'DENY', rules: denyRules(group, policy) }) }
}

/**
 * Converts one admitted v1alpha1 policy. `principalBinding`, `peerIsOptional`, `allowTls` and peers
 * after the first are dropped, as the tool drops them (M40.5).
 * @returns the modern objects, or the tool's error message (the whole object is then not converted).
 */
export function convertPolicy(policy: AuthnPolicy, services: readonly Service[], rootNamespace: string): { objects: KubeObject[] } | { error: string } {
  try {
    const mode = peerMode(policy)
    const objects: KubeObject[] = []
    for (const group of groupsOf(policy, services, rootNamespace)) {
      objects.push(peerAuthentication(group, policy, mode))
      if (policy.origins.length === 0) continue
      objects.push(requestAuthentication(group, policy))
      if (!policy.originIsOptional) objects.push(authorizationPolicy(group, policy))
    }
    return { objects }
  } catch (error) {
    if (error instanceof ConversionFailure) return { error: error.message }
    throw error
  }
}
