/**
 * Rule 2: does a workload's pod run an Envoy sidecar? Section 9.2 of istio-semantics.md.
 */

const TRUTHY_INJECT = new Set(['y', 'yes', 'true', 'on'])
const NEVER_INJECTED_NAMESPACES = new Set(['kube-system', 'kube-public'])

export interface PodTemplateFacts {
  namespace: string
  namespaceLabels: Record<string, string>
  annotations: Record<string, string>
  containerNames: string[]
  hostNetwork: boolean
  /** Pod labels; read by the modern webhook (M6: `sidecar.istio.io/inject` label, `istio.io/rev`). */
  labels?: Record<string, string>
  /** Modern (1.5+) injection selectors (M6). */
  modern?: boolean
}

export interface SidecarDecision {
  sidecar: boolean
  reason: string
}

/** Decides sidecar presence the way `istioctl kube-inject` output and the 1.0 injection webhook do. */
export function decideSidecar(pod: PodTemplateFacts): SidecarDecision {
  if (pod.hostNetwork) return { sidecar: false, reason: 'hostNetwork pods are never injected' }
  if (pod.containerNames.includes('istio-proxy')) {
    return { sidecar: true, reason: 'the pod template already has an istio-proxy container (manual injection)' }
  }
  if ('sidecar.istio.io/status' in pod.annotations) {
    return { sidecar: true, reason: 'the pod template carries sidecar.istio.io/status (injected by istioctl kube-inject)' }
  }
  if (NEVER_INJECTED_NAMESPACES.has(pod.namespace)) {
    return { sidecar: false, reason: `pods in ${pod.namespace} are never injected` }
  }
  if (pod.modern) {
    const modernDecision = decideModernInjection(pod)
    if (modernDecision) return modernDecision
  }
  const labelled = pod.namespaceLabels['istio-injection'] === 'enabled'
  const annotation = pod.annotations['sidecar.istio.io/inject']
  if (!labelled) {
    // The webhook is only called for labelled namespaces, so an inject annotation alone does nothing.
    return {
      sidecar: false,
      reason:
        annotation !== undefined
          ? `namespace ${pod.namespace} is not labelled istio-injection=enabled, so the inject annotation has no effect`
          : `namespace ${pod.namespace} is not labelled istio-injection=enabled`,
    }
  }
  if (annotation === undefined || annotation === '') {
    return { sidecar: true, reason: `namespace ${pod.namespace} is labelled istio-injection=enabled` }
  }
  if (TRUTHY_INJECT.has(annotation.toLowerCase())) {
    return { sidecar: true, reason: `sidecar.istio.io/inject: "${annotation}" in a labelled namespace` }
  }
  return { sidecar: false, reason: `sidecar.istio.io/inject: "${annotation}" opts the pod out of injection` }
}

/**
 * M6 (1.5+ webhook selectors): the pod label `sidecar.istio.io/inject` decides before the namespace;
 * `istio.io/rev` on the namespace injects like `istio-injection=enabled`; `sidecar.istio.io/inject=true`
 * as a pod label injects even in an unlabelled namespace (inferred from the 1.30 selectors). Returns
 * undefined when the 1.x annotation rules decide.
 */
function decideModernInjection(pod: PodTemplateFacts): SidecarDecision | undefined {
  const label = pod.labels?.['sidecar.istio.io/inject']
  const nsLabel = pod.namespaceLabels['istio-injection']
  if (label === 'false') return { sidecar: false, reason: 'the pod label sidecar.istio.io/inject=false opts the pod out of injection (M6)' }
  if (nsLabel === 'disabled') return { sidecar: false, reason: `namespace ${pod.namespace} is labelled istio-injection=disabled (M6)` }
  if (nsLabel !== 'enabled' && pod.namespaceLabels['istio.io/rev'] !== undefined) {
    return { sidecar: true, reason: `namespace ${pod.namespace} is labelled istio.io/rev=${pod.namespaceLabels['istio.io/rev']} (M6)` }
  }
  if (nsLabel !== 'enabled' && label === 'true') {
    return { sidecar: true, reason: 'the pod label sidecar.istio.io/inject=true injects the pod in an unlabelled namespace (M6, inferred from the 1.30 webhook selectors)' }
  }
  return undefined
}
