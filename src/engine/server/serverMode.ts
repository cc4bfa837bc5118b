/**
 * Rules 6 and 7: the server's inbound listener (transport mode) and whether the istio_authn HTTP
 * filter runs, from the chosen policy and the server's sidecar.
 */
import type { AuthnPolicy } from '../istio'
import type { Service, ServicePort } from '../mesh/model'
import type { IstioProfile, ServerMode } from '../types'

export interface ServerSide {
  mode: ServerMode
  allowTls: boolean
  /** The istio_authn filter runs on this port (rule 7). */
  authnFilter: boolean
  sidecar: boolean
  /** Some workload behind the service listens on the target port (rule 24). */
  listening: boolean
  /** Why nothing listens, when `listening` is false (rule 24). */
  refusal?: string
  reason: string
}

export function serverHasSidecar(service: Service): boolean {
  return service.workloads.length > 0 && service.workloads.every((w) => w.sidecar)
}

/**
 * Rule 24: Kubernetes routes to targetPort whatever the pods declare. A pod that declares no
 * ports listens on every numeric targetPort; one that declares ports listens on those only; a
 * named targetPort needs a container port of that name.
 */
export function isPortServed(service: Service, port: ServicePort): boolean {
  if (service.externalTls) return true
  return service.workloads.some((w) =>
    typeof port.targetPort === 'number'
      ? w.containerPorts.length === 0 || w.containerPorts.some((c) => c.number === port.targetPort)
      : w.containerPorts.some((c) => c.name === port.targetPort),
  )
}

/**
 * Some pod behind the service *declares* the target port. Not a rule (rule 24 decides who listens):
 * the default view of the grid shows these ports, as the task's tables do (httpbin, not sleep).
 */
export function isPortDeclared(service: Service, port: ServicePort): boolean {
  if (service.externalTls) return true
  return service.workloads.some((w) =>
    w.containerPorts.some((c) => (typeof port.targetPort === 'number' ? c.number === port.targetPort : c.name === port.targetPort)),
  )
}

function selectorText(service: Service): string {
  return Object.entries(service.selector).map(([k, v]) => `${k}=${v}`).join(',')
}

/** Rule 24's finding, in words: why nothing listens on this Service port. */
export function refusalReason(service: Service, port: ServicePort): string {
  if (service.workloads.length === 0) return `Service ${service.name}.${service.namespace} selects no pod`
  const target = typeof port.targetPort === 'number' ? `targetPort ${port.targetPort}` : `targetPort "${port.targetPort}"`
  return `${target} matches no container port of the pods ${selectorText(service)}`
}

export function describeServerSide(service: Service, port: ServicePort, policy: AuthnPolicy | undefined, profile: IstioProfile): ServerSide {
  const listening = isPortServed(service, port)
  const refused = listening ? {} : { refusal: refusalReason(service, port) }
  if (service.externalTls) {
    return { mode: 'EXTTLS', allowTls: false, authnFilter: false, sidecar: false, listening, reason: `${service.name}.${service.namespace} is a TLS server outside the mesh` }
  }
  const sidecar = serverHasSidecar(service)
  if (!sidecar) {
    return { mode: 'NOSC', allowTls: false, authnFilter: false, sidecar, listening, ...refused, reason: `the pods behind ${service.name}.${service.namespace} have no sidecar, so no policy is enforced` }
  }
  const mtls = policy?.peers.find((p) => p.kind === 'mtls')
  const mode: ServerMode = !mtls ? 'NONE' : mtls.mode === 'PERMISSIVE' ? 'PERMISSIVE' : 'STRICT'
  // allowTls exists in 1.0 only; 1.1 ignores it.
  const allowTls = mtls !== undefined && mtls.allowTls && profile === '1.0'
  const authnFilter = policy !== undefined && port.protocol === 'HTTP' && (policy.peers.length > 0 || policy.origins.length > 0)
  const reason =
    mode === 'NONE'
      ? policy
        ? `the chosen policy has no mtls peer: the sidecar accepts plaintext only`
        : `no policy: the sidecar accepts plaintext only`
      : mode === 'STRICT'
        ? `mtls STRICT: the sidecar accepts only TLS with a client certificate${allowTls ? ' (allowTls: certificate optional)' : ''}`
        : `mtls PERMISSIVE: the sidecar accepts both plaintext and mutual TLS`
  return { mode, allowTls, authnFilter, sidecar, listening, ...refused, reason }
}
