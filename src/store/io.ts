/**
 * Files in and out. Import reads any multi-document stream (or a `kind: List`, as `kubectl get -o
 * yaml` prints it), drops what the cluster populated (yaml/clusterImport), folds the ReplicaSets and
 * Pods a workload made into it, never keeps a Secret, and keeps other kinds we do not model. Export
 * writes what a user applies: the Istio tab, everything, or a shell block, each kind at one
 * apiVersion.
 */
import type { EngineOptions, KubeObject } from '../engine'
import { importSummaryLine, parseManifests, prepareImported, stringifyManifests } from '../yaml'
import { objectsOfTab } from './tabs'
import type { DesignerState } from './types'

/** A finding about an imported file (it is not one of the editor tabs yet). */
export interface ImportProblem {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: 'error' | 'warning' | 'info'
  code: string
  message: string
}

export interface ImportedText {
  objects: KubeObject[]
  problems: ImportProblem[]
  /** One line: server-populated fields dropped, copies folded, kinds ignored; absent when nothing was. */
  summary?: string
}

/**
 * @example importYamlText(await file.text(), file.name) // { objects: [...], problems: [] }
 */
export function importYamlText(text: string, fileName: string): ImportedText {
  const parsed = parseManifests(text, fileName)
  const problems = parsed.diagnostics.map((d) => ({
    file: fileName,
    line: d.range.line,
    column: d.range.column,
    endLine: d.range.endLine,
    endColumn: d.range.endColumn,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }))
  const prepared = prepareImported(parsed.objects)
  const summary = importSummaryLine(prepared.summary)
  return { objects: prepared.objects, problems, ...(summary ? { summary } : {}) }
}

type Exported = Pick<DesignerState, 'resources'> & { options?: EngineOptions }

/**
 * The one apiVersion per Kubernetes kind that export writes: the current one the profile's
 * Kubernetes accepts (Istio 1.0/1.1 ran on Kubernetes 1.9-1.14: CronJob was batch/v1beta1 there).
 * Istio kinds and kinds we do not model keep their own.
 */
export function exportApiVersion(kind: string, profile: string): string | undefined {
  switch (kind) {
    case 'Namespace':
    case 'Service':
    case 'ServiceAccount':
    case 'Pod':
      return 'v1'
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
      return 'apps/v1'
    case 'Job':
      return 'batch/v1'
    case 'CronJob':
      return profile === '1.0' || profile === '1.1' ? 'batch/v1beta1' : 'batch/v1'
    default:
      return undefined
  }
}

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** apiVersion first, as kubectl prints it; apps/v1 needs a selector, taken from the pod labels. */
function forExport(object: KubeObject, profile: string): KubeObject {
  const apiVersion = exportApiVersion(object.kind, profile)
  if (!apiVersion || object.apiVersion === apiVersion) return object
  const { apiVersion: _old, ...rest } = object
  const out = { apiVersion, ...rest } as KubeObject
  if (apiVersion === 'apps/v1' && isRecord(out.spec) && !isRecord(out.spec.selector)) {
    const template = isRecord(out.spec.template) ? out.spec.template : {}
    const labels = isRecord(template.metadata) && isRecord(template.metadata.labels) ? template.metadata.labels : undefined
    if (labels) out.spec = { ...out.spec, selector: { matchLabels: { ...labels } } }
  }
  return out
}

/** Never exported: what the cluster populates (typed into an editor tab, say), and Secrets. */
function exported(state: Exported, objects: readonly KubeObject[]): KubeObject[] {
  const profile = state.options?.profile ?? '1.0'
  return prepareImported(objects).objects.map((o) => forExport(o, profile))
}

/** Workloads first: kubectl needs a Namespace before the objects in it. */
function applyOrder(state: Exported): KubeObject[] {
  return exported(state, [...objectsOfTab(state.resources, 'workloads'), ...objectsOfTab(state.resources, 'istio')])
}

export function exportIstioYaml(state: Exported): string {
  return stringifyManifests(exported(state, objectsOfTab(state.resources, 'istio')))
}

export function exportAllYaml(state: Exported): string {
  return stringifyManifests(applyOrder(state))
}

/**
 * One block for the design: `cat <<'EOF' | kubectl apply -f -` ... `EOF`. The delimiter is always
 * quoted, so the shell leaves `$`, backquotes and backslashes in the YAML alone.
 */
export function exportKubectlApply(state: Exported): string {
  const objects = applyOrder(state)
  // Every document is a mapping, so no line of the body can be a bare `EOF` that ends it early.
  return objects.length === 0 ? '' : `cat <<'EOF' | kubectl apply -f -\n${stringifyManifests(objects)}EOF\n`
}
