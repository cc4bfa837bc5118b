/**
 * Canonical Policy spec -> istio.ts AuthnPolicy, with the API's defaults written out: `mtls: {}` /
 * `null` / no mode = STRICT, allowTls false, principalBinding USE_PEER, empty lists [].
 */
import type { AuthnPolicy, JwtSpec, PeerMethod, PortSelector, StringMatch, TargetSelector } from '../../istio'
import type { ResourceKey } from '../../types'
import type { CJwt, CPeer, CPolicy, CPortSelector, CStringMatch } from '../canonical'

export function normalizePortSelector(p: CPortSelector): PortSelector {
  return p.number !== undefined ? { number: p.number } : p.name !== undefined ? { name: p.name } : {}
}

/** Keeps only the alternatives that are set (exactly one once admitted). */
export function normalizeStringMatch(m: CStringMatch): StringMatch {
  const out: StringMatch = {}
  if (m.exact !== undefined) out.exact = m.exact
  if (m.prefix !== undefined) out.prefix = m.prefix
  if (m.suffix !== undefined) out.suffix = m.suffix
  if (m.regex !== undefined) out.regex = m.regex
  return out
}

export function normalizeJwt(jwt: CJwt): JwtSpec {
  const spec: JwtSpec = {
    issuer: jwt.issuer ?? '',
    audiences: jwt.audiences ?? [],
    jwtHeaders: jwt.jwtHeaders ?? [],
    jwtParams: jwt.jwtParams ?? [],
    triggerRules: (jwt.triggerRules ?? []).map((r) => ({
      excludedPaths: (r.excludedPaths ?? []).map(normalizeStringMatch),
      includedPaths: (r.includedPaths ?? []).map(normalizeStringMatch),
    })),
  }
  if (jwt.jwksUri) spec.jwksUri = jwt.jwksUri
  return spec
}

/** undefined for a method that sets nothing (`{}`, `jwt: null`): Pilot skips it, and so do we. */
function normalizePeer(peer: CPeer): PeerMethod | undefined {
  if (peer.jwt) return { kind: 'jwt', jwt: normalizeJwt(peer.jwt) }
  if (peer.mtls === undefined) return undefined
  const mtls = peer.mtls ?? {}
  return { kind: 'mtls', mode: mtls.mode ?? 'STRICT', allowTls: mtls.allowTls ?? false, wasNull: peer.mtls === null }
}

function normalizeTargets(spec: CPolicy): TargetSelector[] {
  return (spec.targets ?? []).map((t) => ({ name: t.name ?? '', ports: (t.ports ?? []).map(normalizePortSelector) }))
}

export interface Identity {
  key: ResourceKey
  name: string
  namespace: string
  order: number
}

/** @example normalizePolicy('MeshPolicy', { peers: [{ mtls: {} }] }, id).peers // [{ kind: 'mtls', mode: 'STRICT', allowTls: false, wasNull: false }] */
export function normalizePolicy(kind: 'Policy' | 'MeshPolicy', spec: CPolicy, id: Identity): AuthnPolicy {
  return {
    kind,
    key: id.key,
    name: id.name,
    namespace: kind === 'MeshPolicy' ? '' : id.namespace,
    targets: normalizeTargets(spec),
    peers: (spec.peers ?? []).map(normalizePeer).filter((p): p is PeerMethod => p !== undefined),
    peerIsOptional: spec.peerIsOptional ?? false,
    origins: (spec.origins ?? []).flatMap((o) => (o.jwt ? [normalizeJwt(o.jwt)] : [])),
    originIsOptional: spec.originIsOptional ?? false,
    principalBinding: spec.principalBinding ?? 'USE_PEER',
    order: id.order,
  }
}
