/**
 * Rule 3: how a curl URL host names a service, seen from the client's namespace: `name` is in the
 * client's namespace, `name.ns` and `name.ns.svc.cluster.local` name it fully. No port: the
 * service's first port.
 */
import { CLUSTER_DOMAIN, type Mesh } from '../mesh/model'
import type { Target } from './targets'

export type ResolvedTarget = { ok: true; target: Target } | { ok: false; message: string }

export function resolveTarget(mesh: Mesh, spec: string, clientNamespace: string): ResolvedTarget {
  const [hostPart = '', portPart] = spec.split(':')
  const labels = hostPart.split('.')
  const fqdn =
    labels.length === 1
      ? `${hostPart}.${clientNamespace}.${CLUSTER_DOMAIN}`
      : labels.length === 2
        ? `${hostPart}.${CLUSTER_DOMAIN}`
        : hostPart
  const service = mesh.serviceByFqdn.get(fqdn)
  if (!service) return { ok: false, message: `no service ${fqdn} (from "${spec}")` }
  if (portPart === undefined) {
    const port = service.ports[0]
    return port ? { ok: true, target: { service, port } } : { ok: false, message: `service ${fqdn} has no ports` }
  }
  const port = service.ports.find((p) => String(p.number) === portPart || p.name === portPart)
  return port ? { ok: true, target: { service, port } } : { ok: false, message: `service ${fqdn} has no port ${portPart}` }
}
