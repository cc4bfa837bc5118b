/** Creating, editing and deleting apps (Service + Deployment pairs, or lone client Deployments). */
import type { KubeObject, ResourceKey } from '../../engine'
import { appMembers, appServices, appWorkloads, type AppPort } from './apps'
import { asArray, asRecord, clone, keyFor, keyOf, type Json } from './objects'
import { editPodTemplate } from './podTemplate'
import { fail, isEditError, type EditResult } from './result'
import { setSidecar } from './sidecar'

export interface ServiceAppSpec {
  name: string
  ports: AppPort[]
  /** Omitted: whatever the namespace gives (the injection label). */
  sidecar?: boolean
  image?: string
}

function nameTaken(resources: readonly KubeObject[], namespace: string, name: string): boolean {
  const keys = new Set(resources.map(keyOf))
  return ['Service', 'Deployment'].some((kind) => keys.has(keyFor(kind, namespace, name)))
}

function deployment(namespace: string, name: string, container: Json): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [container] } },
    },
  }
}

function servicePorts(ports: readonly AppPort[]): Json[] {
  // Kubernetes requires names only when there are several ports; Istio reads the protocol from them.
  return ports.map((p) => (p.name ? { name: p.name, port: p.port } : { port: p.port }))
}

function withSidecarChoice(resources: KubeObject[], key: ResourceKey, sidecar: boolean | undefined): EditResult {
  return sidecar === undefined ? resources : setSidecar(resources, key, sidecar)
}

/** A Service and the Deployment it selects (label app=<name>); the container serves every port. */
export function addServiceApp(resources: readonly KubeObject[], namespace: string, app: ServiceAppSpec): EditResult {
  if (nameTaken(resources, namespace, app.name)) return fail(`Namespace ${namespace} already has an app named ${app.name}.`)
  if (app.ports.length === 0) return fail('A Service needs at least one port.')
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app.name, namespace, labels: { app: app.name } },
    spec: { ports: servicePorts(app.ports), selector: { app: app.name } },
  }
  const container = {
    name: app.name,
    image: app.image ?? 'docker.io/citizenstig/httpbin',
    imagePullPolicy: 'IfNotPresent',
    ports: app.ports.map((p) => ({ containerPort: p.port })),
  }
  const workload = deployment(namespace, app.name, container)
  return withSidecarChoice([...resources, service, workload], keyOf(workload), app.sidecar)
}

/** A curl client like the seed's sleep: no Service, no ports. */
export function addClientApp(resources: readonly KubeObject[], namespace: string, name: string, sidecar?: boolean): EditResult {
  if (nameTaken(resources, namespace, name)) return fail(`Namespace ${namespace} already has an app named ${name}.`)
  const container = { name: 'sleep', image: 'tutum/curl', command: ['/bin/sleep', 'infinity'], imagePullPolicy: 'IfNotPresent' }
  const workload = deployment(namespace, name, container)
  return withSidecarChoice([...resources, workload], keyOf(workload), sidecar)
}

/** Replaces the app's service ports; its workloads' containers declare the same numbers. */
export function setAppPorts(resources: readonly KubeObject[], appKey: ResourceKey, ports: readonly AppPort[]): EditResult {
  const services = new Set(appServices(resources, appKey))
  const workloads = new Set(appWorkloads(resources, appKey))
  if (services.size === 0) return fail('This app has no Service; add ports to a Service app.')
  return resources.map((o) => {
    if (services.has(o)) return { ...clone(o), spec: { ...asRecord(clone(o.spec)), ports: servicePorts(ports) } }
    if (!workloads.has(o)) return o
    return editPodTemplate(o, ({ spec }) => {
      const containers = asArray(spec.containers).map(asRecord)
      const app = containers.find((c) => c.name !== 'istio-proxy')
      if (app) app.ports = ports.map((p) => ({ containerPort: p.port }))
      spec.containers = containers
    })
  })
}

/** Deleting an app deletes its Service(s) and workload(s), nothing else (policies stay, and warn). */
export function deleteApp(resources: readonly KubeObject[], appKey: ResourceKey): KubeObject[] {
  const members = new Set(appMembers(resources, appKey))
  return resources.filter((o) => !members.has(o))
}

/** Sets the sidecar of every workload of the app. */
export function setAppSidecar(resources: readonly KubeObject[], appKey: ResourceKey, on: boolean): EditResult {
  let next: EditResult = [...resources]
  for (const workload of appWorkloads(resources, appKey)) {
    if (isEditError(next)) return next
    next = setSidecar(next, keyOf(workload), on)
  }
  return next
}

