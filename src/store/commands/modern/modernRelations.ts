/** What a modern policy acts on, as canvas edges (M1, M4, M15, M21); selectors are matched against pod labels. */
import type { KubeObject } from '../../../engine'
import type { AttachTarget } from '../hosts'
import { asRecord, nsOf, specOf } from '../objects'
import { servicePortsFor } from './ports'
import { ROOT_NAMESPACE, selectedServices, selectorOf } from './scope'

export function modernTargets(resources: readonly KubeObject[], object: KubeObject): AttachTarget[] {
  const ns = nsOf(object)
  const selector = selectorOf(object)
  if (!selector) return [ns === ROOT_NAMESPACE ? { kind: 'mesh' } : { kind: 'namespace', ns }]
  // A PeerAuthentication with a selector in the root namespace is ignored (M1): it acts on nothing.
  if (object.kind === 'PeerAuthentication' && ns === ROOT_NAMESPACE) return []
  const services = selectedServices(resources, selector, ns === ROOT_NAMESPACE ? undefined : ns)
  const levels = object.kind === 'PeerAuthentication' ? Object.keys(asRecord(specOf(object).portLevelMtls)).map(Number) : []
  return services.flatMap((service): AttachTarget[] => {
    const at = { ns: nsOf(service), service: service.metadata.name }
    const ports = levels.flatMap((p) => servicePortsFor(service, p))
    const hasMode = asRecord(specOf(object).mtls).mode !== undefined
    const out: AttachTarget[] = ports.map((port) => ({ kind: 'port', ...at, port }))
    if (ports.length === 0 || hasMode) out.push({ kind: 'service', ...at })
    return out
  })
}

