/**
 * M40.1: a v1alpha1 target names Service ports; the modern APIs name workload (target) ports.
 */
import type { PortSelector } from '../istio'
import type { Service } from '../mesh/model'

/**
 * The workload port for one port of a v1alpha1 target: the Service port's numeric `targetPort`, else
 * (a named or absent `targetPort`) the Service port number itself, as the conversion tool guesses it.
 * @returns the port, or an error message when the Service has no such port.
 * @example workloadPortFor(httpbinWith8000to8080, { number: 8000 }) // { port: 8080 }
 */
export function workloadPortFor(service: Service, selector: PortSelector): { port: number } | { error: string } {
  const port = service.ports.find((p) => (selector.number !== undefined ? p.number === selector.number : p.name === selector.name))
  const wanted = selector.number !== undefined ? String(selector.number) : (selector.name ?? '')
  if (!port) return { error: `could not find port ${wanted} in service ${service.namespace}.${service.name}` }
  // Admission keeps a targetPort the way it was written: an IntOrString. Only a number names a workload port.
  if (typeof port.targetPort === 'number') return { port: port.targetPort }
  return { port: port.number }
}
