/**
 * M15 and M21: which RequestAuthentications and AuthorizationPolicies a sidecar workload uses: those of
 * its own namespace and of the root namespace whose selector is absent or a subset of its labels.
 * Policies with `targetRef(s)` are for gateways API / waypoints and ignored by sidecars (1.20+). Unlike
 * PeerAuthentication (M1), a selector in the root namespace applies in every namespace.
 */
import type { Workload } from '../mesh/model'
import { selectorMatches } from '../peerauthn/peerMode'
import type { AuthorizationPolicy, JwtRule, RequestAuthentication } from '../security'

type Selectable = { namespace: string; selector: Record<string, string> | undefined; targetRefs: readonly unknown[] }

function applies(p: Selectable, w: Workload, root: string): boolean {
  if (p.targetRefs.length > 0) return false
  if (p.namespace !== w.namespace && p.namespace !== root) return false
  return p.selector === undefined || selectorMatches(p.selector, w.labels)
}

export function requestAuthenticationsFor(list: readonly RequestAuthentication[], w: Workload, root: string): RequestAuthentication[] {
  if (!w.sidecar) return []
  return list.filter((p) => applies(p, w, root))
}

/** M15: all rules of all applicable RequestAuthentications, sorted by issuer, duplicates kept. */
export function unionJwtRules(list: readonly RequestAuthentication[]): JwtRule[] {
  return list.flatMap((p) => p.jwtRules).sort((a, b) => ((a.issuer ?? '') < (b.issuer ?? '') ? -1 : (a.issuer ?? '') > (b.issuer ?? '') ? 1 : 0))
}

export function authorizationPoliciesFor(list: readonly AuthorizationPolicy[], w: Workload, root: string): AuthorizationPolicy[] {
  if (!w.sidecar) return []
  return list.filter((p) => applies(p, w, root))
}
