/**
 * The candidate space of the smallest-fix search: one-object edits a platform engineer would make.
 *
 *   peer authentication mode (STRICT, PERMISSIVE, off) of the mesh (MeshPolicy default), of a
 *     namespace (Policy default) or of one service (a Policy targeting it)
 *   DestinationRule TLS mode (ISTIO_MUTUAL, DISABLE) for one service host, a namespace
 *     (`*.NS.svc.cluster.local`) or the mesh (`*.local`)
 *   sidecar injection on for a namespace (label istio-injection=enabled) or one workload
 *
 * An existing object with that role is changed in place (keeping the rest of it); otherwise a new
 * object is written. Profiles add their own kinds through `profileCandidates` (modern.ts).
 */
import { ROOT_NAMESPACE, type Mesh } from '../../mesh/model'
import type { EngineOptions, KubeObject, ResourceKey } from '../../types'
import { clone, findKey, keyOf, podMeta, put, record, setAnnotation } from './objects'
import { honoursV1alpha1, isModernProfile, meshSettings } from '../../profile'
import type { CellCheck } from '../check'
import type { Expectation } from '../types'
import { modernCandidates } from './modern'

export type Scope = 'workload' | 'namespace' | 'mesh'

export interface CandidateEdit {
  /** Stable and unique: `authn/namespace/foo/STRICT`. */
  id: string
  /** What it does, in words: `Policy default in foo: mutual TLS STRICT`. */
  summary: string
  scope: Scope
  /** Lowers protection (PERMISSIVE, off, DISABLE): ranked after an equal edit that does not. */
  weakens: boolean
  /** The one object it writes (existing or new). */
  touches: ResourceKey
  /** Applies the edit; returns the input unchanged when there is nothing to do. */
  apply(objects: readonly KubeObject[]): KubeObject[]
}

const AUTHN_API = 'authentication.istio.io/v1alpha1'
const NETWORKING_API = 'networking.istio.io/v1alpha3'
const SYSTEM_NAMESPACES = new Set([ROOT_NAMESPACE, 'kube-system', 'kube-public'])

type PeerMode = 'STRICT' | 'PERMISSIVE' | 'OFF'
const PEER_MODES: readonly PeerMode[] = ['STRICT', 'PERMISSIVE', 'OFF']

function peersFor(mode: PeerMode): unknown[] | undefined {
  if (mode === 'OFF') return undefined
  return [{ mtls: mode === 'STRICT' ? {} : { mode: 'PERMISSIVE' } }]
}

/** A copy of `base` (or a new object) with its peers set to `mode`, other fields kept. */
function withPeers(base: KubeObject | undefined, fresh: () => KubeObject, mode: PeerMode): KubeObject {
  const object = base ? clone(base) : fresh()
  const spec = { ...record(object.spec) }
  const peers = peersFor(mode)
  if (peers) spec.peers = peers
  else delete spec.peers
  delete spec.peerIsOptional
  object.spec = spec
  return object
}

export function userNamespaces(mesh: Mesh): string[] {
  return [...mesh.namespaces.keys()].filter((n) => !SYSTEM_NAMESPACES.has(n))
}

function userServices(mesh: Mesh) {
  return mesh.services.filter((s) => !s.builtin && !s.externalTls && !s.workloads.some((w) => w.isIngressGateway))
}

function authnCandidates(objects: readonly KubeObject[], mesh: Mesh): CandidateEdit[] {
  const out: CandidateEdit[] = []
  const meshKey = mesh.meshPolicy?.key ?? 'MeshPolicy//default'
  const existingMesh = findKey(objects, meshKey)
  for (const mode of PEER_MODES) {
    if (!existingMesh && mode === 'OFF') continue
    out.push({
      id: `authn/mesh/${mode}`,
      summary: `MeshPolicy ${existingMesh?.metadata.name ?? 'default'}: ${mode === 'OFF' ? 'no mutual TLS' : `mutual TLS ${mode}`}`,
      scope: 'mesh',
      weakens: mode !== 'STRICT',
      touches: meshKey,
      apply: (list) => put(list, withPeers(findKey(list, meshKey), () => ({ apiVersion: AUTHN_API, kind: 'MeshPolicy', metadata: { name: 'default' }, spec: {} }), mode)),
    })
  }
  for (const ns of userNamespaces(mesh)) {
    const key = `Policy/${ns}/default`
    for (const mode of PEER_MODES) {
      if (!findKey(objects, key) && mode === 'OFF' && !mesh.meshPolicy) continue
      out.push({
        id: `authn/namespace/${ns}/${mode}`,
        summary: `Policy default in ${ns}: ${mode === 'OFF' ? 'no mutual TLS' : `mutual TLS ${mode}`}`,
        scope: 'namespace',
        weakens: mode !== 'STRICT',
        touches: key,
        apply: (list) => put(list, withPeers(findKey(list, key), () => ({ apiVersion: AUTHN_API, kind: 'Policy', metadata: { name: 'default', namespace: ns }, spec: {} }), mode)),
      })
    }
  }
  for (const service of userServices(mesh)) {
    // A policy that targets exactly this service (all its ports) is edited; otherwise a new one.
    const own = (mesh.policiesByNamespace.get(service.namespace) ?? []).find((p) => p.targets.length === 1 && p.targets[0]?.name === service.name && p.targets[0].ports.length === 0)
    const taken = objects.some((o) => o.kind === 'Policy' && (o.metadata.namespace ?? 'default') === service.namespace && o.metadata.name === service.name)
    const name = own?.name ?? (taken ? `${service.name}-mtls` : service.name)
    const key = `Policy/${service.namespace}/${name}`
    for (const mode of PEER_MODES) {
      if (!own && mode === 'OFF' && !mesh.meshPolicy && !(mesh.policiesByNamespace.get(service.namespace) ?? []).length) continue
      out.push({
        id: `authn/service/${service.namespace}/${service.name}/${mode}`,
        summary: `Policy ${name} in ${service.namespace} for ${service.name}: ${mode === 'OFF' ? 'no mutual TLS' : `mutual TLS ${mode}`}`,
        scope: 'workload',
        weakens: mode !== 'STRICT',
        touches: key,
        apply: (list) =>
          put(list, withPeers(findKey(list, key), () => ({ apiVersion: AUTHN_API, kind: 'Policy', metadata: { name, namespace: service.namespace }, spec: { targets: [{ name: service.name }] } }), mode)),
      })
    }
  }
  return out
}

type TlsMode = 'ISTIO_MUTUAL' | 'DISABLE'

function withTls(base: KubeObject | undefined, fresh: () => KubeObject, mode: TlsMode): KubeObject {
  const object = base ? clone(base) : fresh()
  const spec = { ...record(object.spec) }
  const traffic = { ...record(spec.trafficPolicy) }
  traffic.tls = { mode }
  // Port-level settings do not inherit the top level: give every one of them the same mode.
  if (Array.isArray(traffic.portLevelSettings)) traffic.portLevelSettings = traffic.portLevelSettings.map((p) => ({ ...record(p), tls: { mode } }))
  spec.trafficPolicy = traffic
  object.spec = spec
  return object
}

function ruleCandidates(objects: readonly KubeObject[], mesh: Mesh, options: EngineOptions): CandidateEdit[] {
  const out: CandidateEdit[] = []
  const targets: { scope: Scope; host: string; namespace: string; name: string; label: string }[] = []
  // Istio 1.0 reads every rule mesh-wide; later profiles put mesh-wide defaults in the root namespace.
  const meshNamespace = options.profile === '1.0' ? 'default' : isModernProfile(options.profile) ? meshSettings(options).rootNamespace : ROOT_NAMESPACE
  targets.push({ scope: 'mesh', host: '*.local', namespace: meshNamespace, name: 'default', label: 'every service (*.local)' })
  for (const ns of userNamespaces(mesh)) targets.push({ scope: 'namespace', host: `*.${ns}.svc.cluster.local`, namespace: ns, name: 'default', label: `services in ${ns}` })
  for (const s of userServices(mesh)) targets.push({ scope: 'workload', host: s.fqdn, namespace: s.namespace, name: s.name, label: `${s.name}.${s.namespace}` })
  for (const t of targets) {
    // A rule already written for this host (in its namespace) is changed; a clash of names gets a suffix.
    const existing = mesh.destinationRules.find((r) => r.host === t.host && r.rule.namespace === t.namespace)
    const clash = !existing && objects.some((o) => o.kind === 'DestinationRule' && (o.metadata.namespace ?? 'default') === t.namespace && o.metadata.name === t.name)
    const name = existing?.rule.name ?? (clash ? `${t.name}-tls` : t.name)
    const key = `DestinationRule/${t.namespace}/${name}`
    for (const mode of ['ISTIO_MUTUAL', 'DISABLE'] as const) {
      if (!existing && mode === 'DISABLE' && mesh.destinationRules.length === 0) continue
      out.push({
        id: `rule/${t.scope}/${t.host}/${mode}`,
        summary: `DestinationRule ${name} in ${t.namespace} for ${t.label}: TLS ${mode}`,
        scope: t.scope,
        weakens: mode === 'DISABLE',
        touches: key,
        apply: (list) =>
          put(list, withTls(findKey(list, key), () => ({ apiVersion: NETWORKING_API, kind: 'DestinationRule', metadata: { name, namespace: t.namespace }, spec: { host: t.host } }), mode)),
      })
    }
  }
  return out
}

const STATUS_ANNOTATION = 'sidecar.istio.io/status'
const INJECT_ANNOTATION = 'sidecar.istio.io/inject'
const KUBE_INJECT_STATUS = '{"version":"kube-inject","initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-certs"],"imagePullSecrets":null}'

function injectionCandidates(objects: readonly KubeObject[], mesh: Mesh): CandidateEdit[] {
  const out: CandidateEdit[] = []
  for (const ns of userNamespaces(mesh)) {
    const info = mesh.namespaces.get(ns)
    if (info?.labels['istio-injection'] === 'enabled') continue
    if (!mesh.workloads.some((w) => w.namespace === ns && !w.sidecar && !w.builtin)) continue
    const key = `Namespace//${ns}`
    out.push({
      id: `inject/namespace/${ns}`,
      summary: `Namespace ${ns}: label istio-injection=enabled`,
      scope: 'namespace',
      weakens: false,
      touches: key,
      apply(list) {
        const current = findKey(list, key)
        const object = current ? clone(current) : { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }
        object.metadata = { ...object.metadata, labels: { ...record(object.metadata.labels), 'istio-injection': 'enabled' } as Record<string, string> }
        return put(list, object)
      },
    })
  }
  for (const w of mesh.workloads) {
    if (w.sidecar || w.builtin || w.isIngressGateway) continue
    const labelled = mesh.namespaces.get(w.namespace)?.labels['istio-injection'] === 'enabled'
    out.push({
      id: `inject/workload/${w.namespace}/${w.name}`,
      summary: `${w.kind} ${w.name} in ${w.namespace}: sidecar on`,
      scope: 'workload',
      weakens: false,
      touches: w.key,
      apply(list) {
        const current = findKey(list, w.key)
        if (!current) return [...list]
        const object = clone(current)
        const meta = podMeta(object)
        // In a labelled namespace the opt-out goes; elsewhere the pod is injected by hand (kube-inject).
        setAnnotation(meta, INJECT_ANNOTATION, undefined)
        if (!labelled) setAnnotation(meta, STATUS_ANNOTATION, KUBE_INJECT_STATUS)
        return put(list, object)
      },
    })
  }
  return out
}

export type ProfileCandidates = (objects: readonly KubeObject[], mesh: Mesh, options: EngineOptions) => CandidateEdit[]

/** What the modern candidates are derived from: the violated cells and their expectations. */
export interface CandidateContext {
  violated: readonly CellCheck[]
  expectations: readonly Expectation[]
}

/** Every candidate edit of the design, in a stable order. */
export function candidateEdits(objects: readonly KubeObject[], mesh: Mesh, options: EngineOptions, extra: readonly ProfileCandidates[] = [], context: CandidateContext = { violated: [], expectations: [] }): CandidateEdit[] {
  const modern = modernCandidates(objects, mesh, options, context.violated, context.expectations, userNamespaces(mesh), userServices(mesh))
  const all = [
    // v1alpha1 Policy/MeshPolicy only where the profile honours them (1.0, 1.1, 1.5).
    ...(honoursV1alpha1(options.profile) ? authnCandidates(objects, mesh) : []),
    ...modern.filter((c) => c.id.startsWith('peerauthn/')),
    ...ruleCandidates(objects, mesh, options),
    ...injectionCandidates(objects, mesh),
    ...modern.filter((c) => c.id.startsWith('authz/')),
    ...extra.flatMap((f) => f(objects, mesh, options)),
  ]
  const seen = new Set<string>()
  return all.filter((c) => {
    if (seen.has(c.id)) return false
    seen.add(c.id)
    // An edit that writes what is already there (STRICT where it is STRICT) is no candidate.
    const before = findKey(objects, c.touches)
    const after = findKey(c.apply(objects), c.touches)
    return JSON.stringify(before) !== JSON.stringify(after)
  })
}

export { keyOf }
