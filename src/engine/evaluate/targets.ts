/**
 * Who appears in a grid: the rows (client workloads) and the columns (service ports).
 */
import type { Mesh, Service, ServicePort, Workload } from '../mesh/model'
import { isPortDeclared } from '../server/serverMode'

export interface Target {
  service: Service
  port: ServicePort
}

/** `httpbin.foo:8000`: how column headers and the CLI name a service port. */
export function targetLabel(t: Target): string {
  return `${t.service.name}.${t.service.namespace}:${t.port.number}`
}

/** `sleep.foo`: how row headers and the CLI name a client workload. */
export function clientLabel(w: Workload): string {
  return `${w.name}.${w.namespace}`
}

export interface TargetListOptions {
  /** Also list kubernetes.default and the ingress gateway (hidden by default, like system pods). */
  includeSystem?: boolean
  /**
   * Every Service port (rule 25), not only the ports some pod declares (the task's view). Rule 24
   * decides what a port nobody declares answers.
   */
  includeUnserved?: boolean
}

export function listTargets(mesh: Mesh, options: TargetListOptions = {}): Target[] {
  const out: Target[] = []
  for (const service of mesh.services) {
    if (service.builtin && !options.includeSystem) continue
    if (!options.includeSystem && (service.externalTls || service.workloads.some((w) => w.isIngressGateway))) continue
    for (const port of service.ports) {
      if (options.includeUnserved || isPortDeclared(service, port)) out.push({ service, port })
    }
  }
  const rank = namespaceRank(mesh)
  // Stable sort: namespaces in declaration order, services in input order within a namespace.
  return out.sort((a, b) => (rank.get(a.service.namespace) ?? 0) - (rank.get(b.service.namespace) ?? 0))
}

/**
 * The task's view: workloads that declare no Service's target port are the clients (the sleep pods).
 * Rule 25: every workload can be a client (`allWorkloads`); which rows show is a view's choice.
 */
export function listClients(mesh: Mesh, options: { allWorkloads?: boolean } = {}): Workload[] {
  const serving = new Set<Workload>()
  if (!options.allWorkloads) {
    for (const service of mesh.services) {
      for (const port of service.ports) {
        for (const w of service.workloads) {
          if (w.containerPorts.some((c) => (typeof port.targetPort === 'number' ? c.number === port.targetPort : c.name === port.targetPort))) serving.add(w)
        }
      }
    }
  }
  const rank = namespaceRank(mesh)
  return mesh.workloads
    .filter((w) => !w.isIngressGateway && !w.builtin && !serving.has(w))
    .sort((a, b) => (rank.get(a.namespace) ?? 0) - (rank.get(b.namespace) ?? 0))
}

function namespaceRank(mesh: Mesh): Map<string, number> {
  return new Map([...mesh.namespaces.keys()].map((name, i) => [name, i]))
}
