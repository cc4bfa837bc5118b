/**
 * What the Kubernetes API server checks in every object's metadata, limited to what the simulator
 * reads: the name, the namespace, labels and annotations.
 */
import type { KubeObject, ObjectPath } from '../../types'
import { isDns1035Label, isDns1123Label, isDns1123Subdomain } from '../names'
import type { Report } from '../walk'

/** Kubernetes label/annotation key: optional `prefix/` (a DNS subdomain) and a name of at most 63. */
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/

export function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/')
  const prefix = slash === -1 ? undefined : key.slice(0, slash)
  const name = slash === -1 ? key : key.slice(slash + 1)
  if (prefix !== undefined && !isDns1123Subdomain(prefix)) return `key prefix "${prefix}" is not a DNS subdomain`
  if (name.length > 63 || !QUALIFIED_NAME.test(name)) return `key "${key}" is not a valid name`
  return undefined
}

/** kubectl's YAML 1.1 reader turns unquoted yes/no/on/off/y/n into booleans, a classic surprise in labels. */
const BOOLEAN_NOTE: Record<string, string> = { boolean: ' (unquoted true/false, yes/no, on/off, y/n are booleans in YAML 1.1, which kubectl uses)' }

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value
}

/**
 * A map of string keys to string values, as labels, annotations and selectors are. With
 * `labelValues`, values must also be valid label values (63 characters, alphanumeric ends).
 */
export function checkStringMap(value: unknown, path: ObjectPath, labelValues: boolean, report: Report): void {
  if (value === undefined || value === null) return
  if (typeof value !== 'object' || Array.isArray(value)) {
    return report('K8S104', path, `${path.join('.')} must be a mapping, not ${typeName(value)}`)
  }
  for (const [k, v] of Object.entries(value)) {
    const problem = keyProblem(k)
    if (problem) report('K8S104', [...path, k], problem)
    if (typeof v !== 'string') {
      report('K8S104', [...path, k], `the value of "${k}" must be a string, not ${typeName(v)}; quote it${BOOLEAN_NOTE[typeName(v)] ?? ''}`)
    } else if (labelValues && (v.length > 63 || !LABEL_VALUE.test(v))) {
      report('K8S104', [...path, k], `label value "${v}" is not valid (at most 63 letters, digits, "-", "_", ".", alphanumeric at both ends)`)
    }
  }
}

/** Which name rule the API server applies to this kind. */
function nameProblem(kind: string, name: string): string | undefined {
  if (kind === 'Namespace') return isDns1123Label(name) ? undefined : 'a Namespace name must be a DNS-1123 label'
  if (kind === 'Service') return isDns1035Label(name) ? undefined : 'a Service name must be a DNS-1035 label (start with a letter)'
  return isDns1123Subdomain(name) ? undefined : 'a name must be a DNS-1123 subdomain (lower case, digits, "-" and ".")'
}

/** ObjectMeta's fields (Kubernetes API); anything else in `metadata` is refused, as kubectl's strict validation does. */
const OBJECT_META_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp',
  'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields', 'clusterName',
])
/** Top-level fields that end up in metadata when typed at the indentation of `name:`. */
export const TOP_LEVEL_FIELDS: ReadonlySet<string> = new Set(['spec', 'data', 'stringData', 'kind', 'apiVersion', 'status', 'type'])

export function checkMetadata(object: KubeObject, clusterScoped: boolean, report: Report): void {
  const meta = object.metadata
  if (meta && typeof meta === 'object') {
    for (const key of Object.keys(meta)) {
      if (OBJECT_META_FIELDS.has(key)) continue
      const hint = TOP_LEVEL_FIELDS.has(key)
        ? `; \`${key}:\` belongs at the top level of the object: move the block out one level (unindent it to the column of \`metadata:\`)`
        : ''
      report('K8S107', ['metadata', key], `unknown field "metadata.${key}"${hint}`)
    }
  }
  const problem = nameProblem(object.kind, meta.name)
  if (problem) report('K8S101', ['metadata', 'name'], `"${meta.name}": ${problem}`)
  // An empty or null namespace means "the default one", as for kubectl.
  if (meta.namespace !== undefined && meta.namespace !== null && meta.namespace !== '') {
    if (clusterScoped) {
      report('K8S103', ['metadata', 'namespace'], `${object.kind} is cluster-scoped; metadata.namespace is ignored`)
    } else if (typeof meta.namespace !== 'string' || !isDns1123Label(meta.namespace)) {
      report('K8S102', ['metadata', 'namespace'], `namespace "${String(meta.namespace)}" is not a DNS-1123 label`)
    }
  }
  checkStringMap(meta.labels, ['metadata', 'labels'], true, report)
  checkStringMap(meta.annotations, ['metadata', 'annotations'], false, report)
}
