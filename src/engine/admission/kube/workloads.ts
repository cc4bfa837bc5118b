/**
 * Service and workload checks, limited to the fields the simulator reads: Service ports and selector,
 * pod template labels, annotations, containers and their ports. Other fields are allowed as they are.
 */
import type { KubeObject, ObjectPath } from '../../types'
import { isDns1123Label, isIanaServiceName, isPortNumber } from '../names'
import type { Report } from '../walk'
import { checkStringMap } from './metadata'

type Json = Record<string, unknown>

function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined
}

function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined
}

function checkServicePort(port: Json, path: ObjectPath, several: boolean, report: Report): string | undefined {
  if (!isPortNumber(port.port)) report('K8S110', [...path, 'port'], `port ${JSON.stringify(port.port ?? null)} is not a number in 1-65535`)
  const name = port.name
  if (name === undefined || name === '') {
    if (several) report('K8S111', [...path, 'name'], 'a Service with several ports must name each of them')
  } else if (typeof name !== 'string' || !isDns1123Label(name)) {
    report('K8S111', [...path, 'name'], `port name ${JSON.stringify(name)} is not a DNS-1123 label`)
  }
  const target = port.targetPort
  const targetOk = target === undefined || isPortNumber(target) || (typeof target === 'string' && isIanaServiceName(target))
  if (!targetOk) report('K8S112', [...path, 'targetPort'], `targetPort ${JSON.stringify(target)} is neither a port number nor a port name`)
  return typeof name === 'string' ? name : undefined
}

export function checkService(object: KubeObject, report: Report): void {
  const spec = asObject(object.spec) ?? {}
  checkStringMap(spec.selector, ['spec', 'selector'], true, report)
  if (spec.type === 'ExternalName') return
  const ports = asList(spec.ports)
  if (!ports || ports.length === 0) return report('K8S110', ['spec', 'ports'], 'a Service needs a list of `ports`')
  const seen = new Set<string>()
  ports.forEach((p, i) => {
    const port = asObject(p)
    if (!port) return report('K8S110', ['spec', 'ports', i], 'a Service port must be a mapping with `port`')
    const name = checkServicePort(port, ['spec', 'ports', i], ports.length > 1, report)
    if (name && seen.has(name)) report('K8S111', ['spec', 'ports', i, 'name'], `port name "${name}" is used twice`)
    if (name) seen.add(name)
  })
}

function checkContainers(podSpec: Json, path: ObjectPath, report: Report): void {
  const containers = asList(podSpec.containers)
  if (!containers || containers.length === 0) return report('K8S120', [...path, 'containers'], 'the pod needs a list of `containers`')
  containers.forEach((c, i) => {
    const container = asObject(c)
    const at = [...path, 'containers', i]
    if (!container || typeof container.name !== 'string' || container.name === '') return report('K8S120', at, 'each container needs a `name`')
    asList(container.ports)?.forEach((p, j) => {
      const port = asObject(p) ?? {}
      if (!isPortNumber(port.containerPort)) report('K8S121', [...at, 'ports', j, 'containerPort'], 'containerPort must be a number in 1-65535')
      const name = port.name
      if (name !== undefined && (typeof name !== 'string' || !isIanaServiceName(name))) {
        report('K8S121', [...at, 'ports', j, 'name'], `container port name ${JSON.stringify(name)} is not valid (at most 15 characters, a letter, no "--")`)
      }
    })
  })
}

/** apps/v1 requires a selector; every version requires it to select the template's own labels. */
function checkSelector(object: KubeObject, spec: Json, labels: unknown, report: Report): void {
  const selector = asObject(spec.selector)
  const matchLabels = asObject(selector?.matchLabels)
  if (!selector) {
    if (object.apiVersion === 'apps/v1') report('K8S122', ['spec', 'selector'], 'apps/v1 workloads need `spec.selector.matchLabels`')
    return
  }
  if (!matchLabels) return
  checkStringMap(matchLabels, ['spec', 'selector', 'matchLabels'], true, report)
  const template = asObject(labels) ?? {}
  const missing = Object.entries(matchLabels).filter(([k, v]) => template[k] !== v)
  if (missing.length > 0) {
    report('K8S122', ['spec', 'selector', 'matchLabels'], `the selector does not match the pod template labels (${missing.map(([k]) => k).join(', ')})`)
  }
}

/** Deployment, StatefulSet, DaemonSet, ReplicaSet, Job: a pod template under spec.template. */
export function checkWorkload(object: KubeObject, report: Report): void {
  // A CronJob holds a Job spec under spec.jobTemplate.spec.
  const cron = object.kind === 'CronJob'
  const base: (string | number)[] = cron ? ['spec', 'jobTemplate', 'spec'] : ['spec']
  const spec = cron ? (asObject(asObject(asObject(object.spec)?.jobTemplate)?.spec) ?? {}) : (asObject(object.spec) ?? {})
  const template = asObject(spec.template)
  if (!template) return report('K8S120', [...base, 'template'], `a ${object.kind} needs a pod \`template\``)
  const meta = asObject(template.metadata) ?? {}
  checkStringMap(meta.labels, [...base, 'template', 'metadata', 'labels'], true, report)
  checkStringMap(meta.annotations, [...base, 'template', 'metadata', 'annotations'], false, report)
  if (object.kind !== 'Job' && !cron) checkSelector(object, spec, meta.labels, report)
  checkContainers(asObject(template.spec) ?? {}, [...base, 'template', 'spec'], report)
}

export function checkPod(object: KubeObject, report: Report): void {
  checkContainers(asObject(object.spec) ?? {}, ['spec'], report)
}
