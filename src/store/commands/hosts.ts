/**
 * Host names in DestinationRules and VirtualServices (istio-semantics.md 3.1): a host without a dot
 * is short for `<host>.<object namespace>.svc.cluster.local`; anything with a dot is literal.
 */
import { serviceFqdn } from './objects'

const SUFFIX = '.svc.cluster.local'

/** What a host (or a drop) points at on the canvas. */
export type AttachTarget =
  | { kind: 'mesh' }
  | { kind: 'namespace'; ns: string }
  | { kind: 'service'; ns: string; service: string }
  | { kind: 'port'; ns: string; service: string; port: number }

export function resolveHost(host: string, objectNamespace: string): string {
  return host.includes('.') || host === '*' ? host : serviceFqdn(objectNamespace, host)
}

/** Hosts that match every in-cluster service: the mesh-wide rule. */
const MESH_HOSTS = new Set(['*', '*.local', '*.cluster.local', '*.svc.cluster.local'])

/**
 * What a host selects, as the canvas draws it. `undefined` for hosts outside the cluster or that
 * name nothing the designer knows (the engine's diagnostics say why).
 * @example hostTarget('*.foo.svc.cluster.local', 'foo') // { kind: 'namespace', ns: 'foo' }
 */
export function hostTarget(host: string, objectNamespace: string): AttachTarget | undefined {
  const fqdn = resolveHost(host, objectNamespace)
  if (MESH_HOSTS.has(fqdn)) return { kind: 'mesh' }
  if (!fqdn.endsWith(SUFFIX)) return undefined
  const parts = fqdn.slice(0, -SUFFIX.length).split('.')
  if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined
  const [name, ns] = parts as [string, string]
  if (name === '*') return { kind: 'namespace', ns }
  return name.includes('*') ? undefined : { kind: 'service', ns, service: name }
}

/** The host a DestinationRule needs to select `target` (mesh: the seed's `*.local`). */
export function hostFor(target: AttachTarget): string {
  switch (target.kind) {
    case 'mesh':
      return '*.local'
    case 'namespace':
      return `*.${target.ns}${SUFFIX}`
    default:
      return serviceFqdn(target.ns, target.service)
  }
}

/** Rewrites a host that names service `from` in `ns` so it names `to`; other hosts unchanged. */
export function renameServiceHost(host: string, objectNamespace: string, ns: string, from: string, to: string): string {
  if (resolveHost(host, objectNamespace) !== serviceFqdn(ns, from)) return host
  return host.includes('.') ? serviceFqdn(ns, to) : to
}

/** Rewrites hosts under namespace `from` (`x.from.svc.cluster.local`, `*.from.svc...`) to `to`. */
export function renameNamespaceHost(host: string, from: string, to: string): string {
  const old = `.${from}${SUFFIX}`
  return host.endsWith(old) ? `${host.slice(0, -old.length)}.${to}${SUFFIX}` : host
}
