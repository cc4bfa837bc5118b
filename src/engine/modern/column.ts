/**
 * Steps 1-2 of the modern pipeline for one column (service port), plus everything about the server
 * that does not depend on the client: workload port T, server mode (M1-M6, M39 in 1.5), auto mTLS's
 * per-destination answer (M10), the JWT verdict (M15-M20) and the compiled AuthorizationPolicies
 * (M21-M32). Clients then only add their transport and identity (cell.ts).
 */
import { compileAuthz, type ColumnAuthz } from '../authz/decide'
import type { RequestAttrs } from '../authz/match'
import { decideAutoMtls, type AutoMtls } from '../automtls/clientTls'
import type { Service, ServicePort, Workload } from '../mesh/model'
import { namespacePeerMode, peerModeFor, type EffectiveMode, type PeerModeDecision } from '../peerauthn/peerMode'
import { atLeast, honoursV1alpha1 } from '../profile'
import type { JwtVerdict } from '../requestauthn/validateToken'
import { selectPolicy, type PolicyChoice } from '../server/selectPolicy'
import { isPortServed } from '../server/serverMode'
import { requestMethod, type ServerMode } from '../types'
import type { EvaluationContext } from '../evaluate/context'
import type { ModernEvaluation } from './context'

export interface ModernColumnFacts {
  workload: Workload | undefined
  /** The workload port T (M4, M29). */
  targetPort: number
  mode: ServerMode
  sidecar: boolean
  listening: boolean
  peer: PeerModeDecision | undefined
  /** 1.5 (M39): the v1alpha1 policy decided the mTLS mode (no PeerAuthentication applies). */
  alphaMtls: PolicyChoice | undefined
  /** 1.5 (M39): no RequestAuthentication applies and the v1alpha1 origins decide (401 when they fail). */
  alphaOrigin: { pass: boolean; reason: string; policy: string } | undefined
  modeReason: string
  auto: AutoMtls
  jwt: JwtVerdict
  authz: ColumnAuthz
  /** Transport outcome by slot (sidecar * 4 + transport): a verdict id, -2 HTTP phase without peer, -3 with peer; -1 = not yet. */
  memo: number[]
  /** HTTP-phase verdict [without peer, with peer] when no rule reads the client's identity; -1 = not yet. */
  phaseMemo: number[]
  /** One-entry cache of the sidecar transport for a DestinationRule (most clients share the fallback rule). */
  transportCache: { rule: unknown; transport: number }
}

/** M4: a numeric targetPort, or the container port a named one resolves to, or the Service port. */
export function workloadPort(port: ServicePort, workload: Workload | undefined): number {
  if (typeof port.targetPort === 'number') return port.targetPort
  const named = workload?.containerPorts.find((c) => c.name === port.targetPort)
  return named ? named.number : port.number
}

export function lowerHeaders(headers: Readonly<Record<string, string>>): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(headers)) if (!out.has(k.toLowerCase())) out.set(k.toLowerCase(), v)
  return out
}

/** `httpbin.foo:8000`: the :authority curl sends for `http://httpbin.foo:8000` (port dropped for 80). */
export function authorityFor(service: Service, port: ServicePort, headers: ReadonlyMap<string, string>): string {
  return headers.get('host') ?? `${service.name}.${service.namespace}${port.number === 80 ? '' : `:${port.number}`}`
}

function v1alpha1Mode(choice: PolicyChoice): EffectiveMode {
  const mtls = choice.policy?.peers.find((p) => p.kind === 'mtls')
  if (!choice.policy) return 'PERMISSIVE'
  if (!mtls) return 'DISABLE'
  return mtls.mode === 'PERMISSIVE' ? 'PERMISSIVE' : 'STRICT'
}

const MODE_OF: Record<EffectiveMode, ServerMode> = { DISABLE: 'NONE', PERMISSIVE: 'PERMISSIVE', STRICT: 'STRICT' }

export function requestAttrsFor(ctx: EvaluationContext, service: Service, port: ServicePort, targetPort: number, jwt: JwtVerdict): RequestAttrs {
  // Lower-cased once per evaluation (prepareModern), not per column.
  const headers = ctx.modern?.headers ?? lowerHeaders(ctx.request.headers)
  const profile = ctx.options.profile
  const q = ctx.request.path.indexOf('?')
  return {
    method: requestMethod(ctx.request),
    path: q >= 0 ? ctx.request.path.slice(0, q) : ctx.request.path,
    host: authorityFor(service, port, headers),
    headers,
    port: targetPort,
    jwt: jwt.kind === 'valid' ? jwt.jwt : undefined,
    splitRequestPrincipal: atLeast(profile, '1.21'),
    pathTemplates: atLeast(profile, '1.22'),
    policyNamespace: service.namespace,
    spaceDelimited: SPACE_DELIMITED,
    sni: `outbound_.${port.number}_._.${service.fqdn}`,
  }
}

const SPACE_DELIMITED: ReadonlySet<string> = new Set(['scope', 'permission'])

const NO_JWT: JwtVerdict = { kind: 'none', text: 'no RequestAuthentication applies (M15)' }

export function modernColumnFacts(ctx: EvaluationContext, modern: ModernEvaluation, service: Service, port: ServicePort, jwtOverride?: JwtVerdict): ModernColumnFacts {
  const profile = ctx.options.profile
  const workload = service.workloads[0]
  const targetPort = workloadPort(port, workload)
  const listening = isPortServed(service, port)
  const sidecar = service.workloads.length > 0 && service.workloads.every((w) => w.sidecar)
  const jwt = jwtOverride ?? (workload ? modern.jwtByWorkload.get(workload.key) : undefined) ?? NO_JWT
  const nsMode = namespacePeerMode(modern.peerIndex, service.namespace)
  let namespaceMode = nsMode.mode
  let namespaceModeSource = nsMode.namespace.chosen
    ? `PeerAuthentication ${nsMode.namespace.chosen.namespace}/${nsMode.namespace.chosen.name}`
    : nsMode.mesh.chosen
      ? `PeerAuthentication ${nsMode.mesh.chosen.namespace}/${nsMode.mesh.chosen.name}`
      : 'no namespace or mesh PeerAuthentication: PERMISSIVE'
  const alpha = honoursV1alpha1(profile) ? selectPolicy(ctx.mesh, service, port) : undefined
  if (alpha && !nsMode.namespace.chosen && !nsMode.mesh.chosen) {
    // M10 step 2 / M39.3 (1.5): without namespace or mesh PeerAuthentication the v1alpha1 policy decides.
    namespaceMode = v1alpha1Mode(alpha)
    namespaceModeSource = alpha.policy ? `v1alpha1 ${alpha.policy.kind} ${alpha.policy.namespace || ''}${alpha.policy.namespace ? '/' : ''}${alpha.policy.name} (M39)` : 'no PeerAuthentication and no v1alpha1 policy: PERMISSIVE (M39)'
  }
  let mode: ServerMode
  let peer: PeerModeDecision | undefined
  let alphaMtls: PolicyChoice | undefined
  let modeReason: string
  if (service.externalTls) {
    mode = 'EXTTLS'
    modeReason = `${service.name}.${service.namespace} is a TLS server outside the mesh`
  } else if (!sidecar || !workload) {
    mode = 'NOSC'
    modeReason = `the pods behind ${service.name}.${service.namespace} have no sidecar: no PeerAuthentication, RequestAuthentication or AuthorizationPolicy is enforced there (M6)`
  } else {
    peer = peerModeFor(modern.peerIndex, workload, targetPort, workload.namespace === service.namespace ? nsMode : undefined)
    if (alpha && !peer.anyApplies) {
      alphaMtls = alpha
      mode = MODE_OF[v1alpha1Mode(alpha)]
      modeReason = `Istio 1.5: no PeerAuthentication applies to ${workload.name}.${workload.namespace}, so the v1alpha1 policy decides the mTLS mode (M39): ${alpha.reason}`
    } else {
      mode = MODE_OF[peer.mode]
      modeReason = `server mode ${peer.mode} on workload port ${targetPort}${alpha ? ' (Istio 1.5: a PeerAuthentication applies, so v1alpha1 peers are ignored, M39)' : ''}`
    }
  }
  const endpointMode = modern.settings.autoMtlsCheckPolicies && peer ? peer.mode : undefined
  const auto = decideAutoMtls({ enabled: modern.settings.enableAutoMtls, namespaceMode, namespaceModeSource, endpoint: workload, endpointMode })
  const policies = workload && sidecar ? (modern.authzByWorkload.get(workload.key) ?? []) : []
  const request = requestAttrsFor(ctx, service, port, targetPort, jwt)
  const authz = compileAuthz(policies, request, port.protocol, profile)
  let alphaOrigin: ModernColumnFacts['alphaOrigin']
  const ras = workload ? (modern.requestAuthnsByWorkload.get(workload.key) ?? []) : []
  if (alpha?.policy && alpha.policy.origins.length > 0 && ras.length === 0 && sidecar && port.protocol === 'HTTP') {
    const token = ctx.tokens.get(alpha.policy.key)
    if (token) alphaOrigin = { pass: token.originPass, reason: token.originReason, policy: `${alpha.policy.kind} ${alpha.policy.namespace}/${alpha.policy.name}` }
  }
  return {
    workload, targetPort, mode, sidecar, listening, peer, alphaMtls, alphaOrigin, modeReason, auto, jwt, authz,
    // Plain arrays: a typed array costs an ArrayBuffer besides, per column and grid.
    memo: [-1, -1, -1, -1, -1, -1, -1, -1],
    phaseMemo: [-1, -1],
    transportCache: { rule: null, transport: -1 },
  }
}
