/**
 * The sidecar switch. How a pod gets Envoy (istio-semantics.md 9.2): in a namespace labelled
 * istio-injection=enabled the webhook injects unless the pod opts out with
 * `sidecar.istio.io/inject: "false"`; elsewhere only manual injection (`istioctl kube-inject`, whose
 * output carries `sidecar.istio.io/status`) gives one.
 */
import type { KubeObject, ResourceKey } from '../../engine'
import { isWorkload } from './apps'
import { asArray, asRecord, findByKey, keyOf, nsOf } from './objects'
import { editPodTemplate, readPod, setMapEntry } from './podTemplate'
import { fail, type EditResult } from './result'

export const INJECT_ANNOTATION = 'sidecar.istio.io/inject'
export const STATUS_ANNOTATION = 'sidecar.istio.io/status'
/** What istioctl 1.0 kube-inject writes; the engine only checks that the annotation exists. */
const STATUS_VALUE =
  '{"version":"kube-inject","initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":["istio-envoy","istio-certs"],"imagePullSecrets":null}'
/** The webhook never runs for these namespaces (the engine's rule 2 says the same). */
const NEVER_INJECTED = new Set(['kube-system', 'kube-public'])

/** True when the webhook would be called for pods of `namespace`. */
export function injectionEnabled(resources: readonly KubeObject[], namespace: string): boolean {
  if (NEVER_INJECTED.has(namespace)) return false
  const ns = resources.find((o) => o.kind === 'Namespace' && o.metadata.name === namespace)
  return asRecord(ns?.metadata.labels)['istio-injection'] === 'enabled'
}

/** Turns a workload's sidecar on or off with the least visible change to its YAML. */
export function setSidecar(resources: readonly KubeObject[], workloadKey: ResourceKey, on: boolean): EditResult {
  const workload = findByKey(resources, workloadKey)
  if (!workload || !isWorkload(workload)) return fail(`There is no workload ${workloadKey}.`)
  if (on && readPod(workload).spec.hostNetwork === true) {
    return fail(`${workload.metadata.name} uses hostNetwork; Istio never injects a sidecar into such pods.`)
  }
  const labelled = injectionEnabled(resources, nsOf(workload))
  const next = editPodTemplate(workload, ({ meta, spec }) => {
    if (on) {
      // Opting back in: drop the opt-out; where no webhook runs, mark the pod as kube-injected.
      setMapEntry(meta, 'annotations', INJECT_ANNOTATION, undefined)
      if (!labelled) setMapEntry(meta, 'annotations', STATUS_ANNOTATION, STATUS_VALUE)
      return
    }
    setMapEntry(meta, 'annotations', STATUS_ANNOTATION, undefined)
    if (labelled) setMapEntry(meta, 'annotations', INJECT_ANNOTATION, 'false')
    // Manually injected pods also list the proxy itself; without it they are plain pods again.
    const containers = asArray(spec.containers).filter((c) => asRecord(c).name !== 'istio-proxy')
    if (Array.isArray(spec.containers)) spec.containers = containers
  })
  return resources.map((o) => (keyOf(o) === workloadKey ? next : o))
}
