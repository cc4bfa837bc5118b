/**
 * Host names as Pilot 1.0/1.1 treat them in DestinationRules and VirtualServices (section 3.1).
 */
import { CLUSTER_DOMAIN } from '../mesh/model'

/** A host without a dot is short for a service in the rule's own namespace; anything else is literal. */
export function resolveHost(host: string, namespace: string): string {
  if (host === '*' || host.includes('.')) return host
  return `${host}.${namespace}.${CLUSTER_DOMAIN}`
}

export function isWildcardHost(host: string): boolean {
  return host.startsWith('*')
}

/** `*` matches everything; `*.suffix` matches names ending in `.suffix` (not `suffix` itself). */
export function hostMatches(pattern: string, fqdn: string): boolean {
  if (pattern === '*') return true
  if (pattern.startsWith('*.')) return fqdn.endsWith(pattern.slice(1))
  return pattern === fqdn
}

/**
 * Most specific first: exact names before wildcards, then longer before shorter, then alphabetical.
 * Negative when `a` is more specific than `b`.
 */
export function compareHostSpecificity(a: string, b: string): number {
  const wa = isWildcardHost(a)
  const wb = isWildcardHost(b)
  if (wa !== wb) return wa ? 1 : -1
  if (a.length !== b.length) return b.length - a.length
  return a < b ? -1 : a > b ? 1 : 0
}
