/**
 * What `kubectl get -o yaml` prints, reduced to what a user applies (issue 8, section 2): fields the
 * API server populates are dropped (never kept, never exported), copies a controller made (a
 * Deployment's ReplicaSets and Pods) fold into their workload, injected Istio containers become the
 * sidecar switch, and a Secret is not kept at all (its data must never reach the store, autosave
 * or a share link). Kinds the engine does not use are counted so the caller can list them once.
 */
import { foldedWorkloads } from '../engine/mesh/owners'
import type { KubeObject } from '../engine/types'

type Json = Record<string, unknown>

/** Kinds the engine reads (workloads, Services, Istio's); other kinds are reported as ignored. */
const USED_KINDS: ReadonlySet<string> = new Set([
  'Namespace', 'Service', 'ServiceAccount', 'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob',
  'MeshPolicy', 'Policy', 'DestinationRule', 'Gateway', 'VirtualService',
  // The modern Istio kinds the engine's later profiles read.
  'PeerAuthentication', 'RequestAuthentication', 'AuthorizationPolicy', 'Sidecar', 'ServiceEntry',
])

/** Kinds whose creationTimestamp orders them (rule 5: the oldest of equal policies; rule 9: of equal hosts). */
const ORDERED_BY_AGE: ReadonlySet<string> = new Set(['Policy', 'MeshPolicy', 'DestinationRule', 'PeerAuthentication', 'RequestAuthentication', 'AuthorizationPolicy'])

const SERVER_METADATA = ['uid', 'resourceVersion', 'generation', 'managedFields', 'selfLink'] as const
const SERVER_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision'] as const
const INJECTED_CONTAINERS = new Set(['istio-proxy'])
const INJECTED_INIT_CONTAINERS = new Set(['istio-init', 'istio-validation'])
/** What istioctl kube-inject writes; the engine only checks that it exists (rule 2). */
const STATUS_ANNOTATION = 'sidecar.istio.io/status'
const STATUS_VALUE = '{"version":"imported","initContainers":["istio-init"],"containers":["istio-proxy"]}'

export interface ImportSummary {
  /** Field -> how many objects it was dropped from (`status`, `metadata.uid`, `spec.clusterIP`, ...). */
  dropped: Map<string, number>
  /** Kind -> how many objects were folded into the workload that owns them. */
  folded: Map<string, number>
  /** Kind -> how many objects of a kind the engine does not use (kept, except Secrets). */
  ignored: Map<string, number>
  /** Secrets left out entirely. */
  secrets: number
}

export interface PreparedImport {
  objects: KubeObject[]
  /** For each kept object, its index in the input (to map sources and diagnostics back). */
  origin: number[]
  summary: ImportSummary
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

function dropKey(holder: Json, key: string, label: string, summary: ImportSummary): void {
  if (key in holder) {
    delete holder[key]
    count(summary.dropped, label)
  }
}

/** The pod template of a workload (or the Pod itself), with the path used in the summary. */
function podParts(object: Json): { meta: Json | undefined; spec: Json | undefined; prefix: string } {
  const spec = isRecord(object.spec) ? object.spec : undefined
  if (object.kind === 'Pod') return { meta: isRecord(object.metadata) ? object.metadata : undefined, spec, prefix: '' }
  const holder = object.kind === 'CronJob' ? (isRecord(spec?.jobTemplate) && isRecord(spec.jobTemplate.spec) ? spec.jobTemplate.spec : undefined) : spec
  const template = isRecord(holder?.template) ? holder.template : undefined
  return {
    meta: isRecord(template?.metadata) ? template.metadata : undefined,
    spec: isRecord(template?.spec) ? template.spec : undefined,
    prefix: object.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.' : 'spec.template.',
  }
}

/** Injected Envoy containers become the sidecar switch: the status annotation rule 2 reads. */
function foldInjectedSidecar(object: Json, summary: ImportSummary): void {
  const { meta, spec, prefix } = podParts(object)
  if (!spec) return
  let injected = false
  for (const [field, names] of [['containers', INJECTED_CONTAINERS], ['initContainers', INJECTED_INIT_CONTAINERS]] as const) {
    const list = spec[field]
    if (!Array.isArray(list)) continue
    const kept = list.filter((c) => !(isRecord(c) && typeof c.name === 'string' && names.has(c.name)))
    if (kept.length === list.length) continue
    injected = true
    count(summary.dropped, `${prefix}spec.${field}[istio]`)
    if (kept.length === 0 && field === 'initContainers') delete spec[field]
    else spec[field] = kept
  }
  if (!injected) return
  if (!meta) return
  const annotations = isRecord(meta.annotations) ? meta.annotations : {}
  if (!(STATUS_ANNOTATION in annotations)) annotations[STATUS_ANNOTATION] = STATUS_VALUE
  meta.annotations = annotations
}

function stripMetadata(meta: Json, kind: string, label: string, summary: ImportSummary): void {
  for (const key of SERVER_METADATA) dropKey(meta, key, `${label}${key}`, summary)
  if (!ORDERED_BY_AGE.has(kind) || meta.creationTimestamp === null) dropKey(meta, 'creationTimestamp', `${label}creationTimestamp`, summary)
  if (isRecord(meta.annotations)) {
    const before = Object.keys(meta.annotations).length
    for (const key of SERVER_ANNOTATIONS) dropKey(meta.annotations, key, `annotation ${key}`, summary)
    // Only the server's annotations were there: no empty map left behind.
    if (before > 0 && Object.keys(meta.annotations).length === 0) delete meta.annotations
  }
}

/** Drops what the API server wrote into one object (a copy; the input is not changed). */
function stripServerFields(input: KubeObject, summary: ImportSummary): KubeObject {
  const object = structuredClone(input) as Json & KubeObject
  dropKey(object, 'status', 'status', summary)
  if (isRecord(object.metadata)) stripMetadata(object.metadata, object.kind, 'metadata.', summary)
  const { meta, spec, prefix } = podParts(object)
  if (object.kind !== 'Pod' && meta) stripMetadata(meta, object.kind, `${prefix}metadata.`, summary)
  if (object.kind === 'Pod' && spec) dropKey(spec, 'nodeName', 'spec.nodeName', summary)
  // The token controller lists the token Secrets of a ServiceAccount.
  if (object.kind === 'ServiceAccount') dropKey(object, 'secrets', 'ServiceAccount secrets', summary)
  if (object.kind === 'Service' && isRecord(object.spec)) {
    dropKey(object.spec, 'clusterIP', 'spec.clusterIP', summary)
    dropKey(object.spec, 'clusterIPs', 'spec.clusterIPs', summary)
  }
  foldInjectedSidecar(object, summary)
  return object
}

/**
 * @example
 * const { objects, summary } = prepareImported(parseManifests(kubectlGetOutput).objects)
 * importSummaryLine(summary) // 'dropped server fields: status (9), metadata.uid (12), ...'
 */
export function prepareImported(input: readonly KubeObject[]): PreparedImport {
  const summary: ImportSummary = { dropped: new Map(), folded: new Map(), ignored: new Map(), secrets: 0 }
  const folded = foldedWorkloads(input)
  const objects: KubeObject[] = []
  const origin: number[] = []
  input.forEach((object, i) => {
    if (folded.has(i)) return void count(summary.folded, object.kind)
    if (object.kind === 'Secret') {
      summary.secrets++
      return
    }
    if (!USED_KINDS.has(object.kind)) count(summary.ignored, object.kind)
    objects.push(stripServerFields(object, summary))
    origin.push(i)
  })
  inCreationOrder(objects, origin)
  return { objects, origin, summary }
}

function creationTime(object: KubeObject): number {
  const t = typeof object.metadata.creationTimestamp === 'string' ? Date.parse(object.metadata.creationTimestamp) : Number.NaN
  return Number.isFinite(t) ? t : Number.POSITIVE_INFINITY
}

/**
 * `kubectl get` lists objects by name, but rules 5 and 9 break ties by age: the policies and rules
 * that carry a creationTimestamp are put back in creation order, in the slots they occupied.
 */
function inCreationOrder(objects: KubeObject[], origin: number[]): void {
  const slots = objects.flatMap((o, i) => (ORDERED_BY_AGE.has(o.kind) && typeof o.metadata.creationTimestamp === 'string' ? [i] : []))
  if (slots.length < 2) return
  const entries = slots.map((slot) => ({ object: objects[slot] as KubeObject, origin: origin[slot] as number }))
  // Array.prototype.sort is stable: equal times keep the listed order.
  entries.sort((a, b) => creationTime(a.object) - creationTime(b.object))
  slots.forEach((slot, k) => {
    objects[slot] = (entries[k] as (typeof entries)[number]).object
    origin[slot] = (entries[k] as (typeof entries)[number]).origin
  })
}

function listed(map: ReadonlyMap<string, number>): string {
  return [...map].map(([k, n]) => `${k} (${n})`).join(', ')
}

/** One line saying what the import left out, or undefined when it left out nothing. */
export function importSummaryLine(summary: ImportSummary): string | undefined {
  const parts: string[] = []
  if (summary.dropped.size > 0) parts.push(`dropped server-populated fields: ${listed(summary.dropped)}`)
  if (summary.folded.size > 0) parts.push(`folded into their workloads: ${listed(summary.folded)}`)
  const ignored = listed(summary.ignored)
  const secrets = summary.secrets > 0 ? `Secret (${summary.secrets}, data not kept)` : ''
  if (ignored || secrets) parts.push(`ignored kinds: ${[ignored, secrets].filter(Boolean).join(', ')}`)
  return parts.length > 0 ? parts.join('; ') : undefined
}

/**
 * A Secret's `data` and `stringData` never enter the designer's state (nor autosave, nor a share
 * link, which are written from it). Returns `objects` itself when no Secret carries any.
 */
export function withoutSecretData<T extends KubeObject>(objects: readonly T[]): readonly T[] {
  const holds = (o: KubeObject) => o.kind === 'Secret' && ('data' in o || 'stringData' in o)
  if (!objects.some(holds)) return objects
  return objects.map((o) => {
    if (!holds(o)) return o
    const { data: _data, stringData: _stringData, ...rest } = o as T & { data?: unknown; stringData?: unknown }
    return rest as T
  })
}
