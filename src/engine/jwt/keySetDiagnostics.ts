/**
 * MESH007: a JWT origin whose jwksUri has no key set. Istio would inline an empty key set and reject
 * every token with 401; the designer flags the policy so the user adds the keys (or fixes the URI).
 */
import { meshDiagnostic } from '../diagnostics'
import type { Mesh } from '../mesh/model'
import type { Diagnostic } from '../types'
import { resolveKeySet, type KeySets } from './keySets'

export function keySetDiagnostics(mesh: Mesh, keySets: KeySets): Diagnostic[] {
  const policies = [...mesh.policiesByNamespace.values()].flat()
  if (mesh.meshPolicy) policies.push(mesh.meshPolicy)
  const out: Diagnostic[] = []
  for (const policy of policies) {
    policy.origins.forEach((origin, i) => {
      if (!origin.jwksUri || resolveKeySet(origin.jwksUri, keySets)) return
      out.push(
        meshDiagnostic('MESH007', 'warning', `No key set for jwksUri ${origin.jwksUri}: every token for issuer ${origin.issuer} fails (401). Add the key set, or use Istio's sample URI.`, {
          resource: policy.key,
          index: policy.order,
          path: ['spec', 'origins', i, 'jwt', 'jwksUri'],
        }),
      )
    })
  }
  return out
}
