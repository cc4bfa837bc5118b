/**
 * Reads the parts of a workload object (Deployment, Pod, StatefulSet, ...) that the engine needs.
 * Admission has checked the shapes we rely on; everything here still tolerates missing fields.
 */
import type { KubeObject } from '../types'
import type { ContainerPort } from './model'

export { WORKLOAD_KINDS } from './owners'

export interface PodTemplate {
  labels: Record<string, string>
  annotations: Record<string, string>
  serviceAccount: string
  containerNames: string[]
  containerPorts: ContainerPort[]
  hostNetwork: boolean
}

type Json = Record<string, unknown>

function asRecord(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {}
}

function asStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(asRecord(value))) out[k] = String(v)
  return out
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function readPodTemplate(object: KubeObject): PodTemplate {
  const isPod = object.kind === 'Pod'
  // A CronJob's pods come from spec.jobTemplate.spec.template.
  const spec = object.kind === 'CronJob' ? asRecord(asRecord(asRecord(object.spec).jobTemplate).spec) : asRecord(object.spec)
  const template = isPod ? (object as Json) : asRecord(spec.template)
  const meta = asRecord(template.metadata)
  const podSpec = asRecord(template.spec)
  const containers = asArray(podSpec.containers).map(asRecord)
  const containerPorts: ContainerPort[] = []
  for (const container of containers) {
    for (const port of asArray(container.ports).map(asRecord)) {
      const number = Number(port.containerPort)
      if (Number.isInteger(number)) {
        containerPorts.push(typeof port.name === 'string' ? { number, name: port.name } : { number })
      }
    }
  }
  const serviceAccount = podSpec.serviceAccountName ?? podSpec.serviceAccount
  return {
    labels: asStringMap(meta.labels),
    annotations: asStringMap(meta.annotations),
    serviceAccount: typeof serviceAccount === 'string' && serviceAccount !== '' ? serviceAccount : 'default',
    containerNames: containers.map((c) => String(c.name ?? '')),
    containerPorts,
    hostNetwork: podSpec.hostNetwork === true,
  }
}

export function readServiceSpec(object: KubeObject): { selector: Record<string, string>; ports: Json[] } {
  const spec = asRecord(object.spec)
  return { selector: asStringMap(spec.selector), ports: asArray(spec.ports).map(asRecord) }
}

export function readLabels(object: KubeObject): Record<string, string> {
  return asStringMap(object.metadata.labels)
}
