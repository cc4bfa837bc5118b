/**
 * Service ports vs workload ports (M4, M29): curl and the canvas name Service ports; PeerAuthentication
 * `portLevelMtls` and AuthorizationPolicy `ports` name the pod's (target) port.
 */
import type { KubeObject } from '../../../engine'
import { asArray, asRecord, specOf } from '../objects'

interface PortEntry {
  port: number
  targetPort: number | string | undefined
}

function portsOf(service: KubeObject): PortEntry[] {
  return asArray(specOf(service).ports).map((p) => {
    const r = asRecord(p)
    const t = r.targetPort
    return { port: Number(r.port), targetPort: typeof t === 'number' || typeof t === 'string' ? t : undefined }
  })
}

/**
 * The workload port behind Service port `port`: a numeric targetPort, else the port itself (a named
 * targetPort is resolved by the engine; the designer writes the number the container declares when
 * it can, else the Service port).
 */
export function workloadPortOf(service: KubeObject, port: number, containerPorts: readonly { name?: string; number: number }[] = []): number {
  const entry = portsOf(service).find((p) => p.port === port)
  if (!entry || entry.targetPort === undefined) return port
  if (typeof entry.targetPort === 'number') return entry.targetPort
  const numeric = Number(entry.targetPort)
  if (Number.isInteger(numeric) && numeric > 0) return numeric
  return containerPorts.find((c) => c.name === entry.targetPort)?.number ?? port
}

/** The Service ports whose workload port is `workloadPort` (for drawing a port-level policy on a chip). */
export function servicePortsFor(service: KubeObject, workloadPort: number): number[] {
  return portsOf(service)
    .filter((p) => workloadPortOf(service, p.port) === workloadPort)
    .map((p) => p.port)
}
