/**
 * Which editor tab an object belongs to. The split follows what a user applies with which tool:
 * Istio config (istioctl / kubectl on *.istio.io CRDs) versus the workloads it protects.
 */
import type { KubeObject } from '../engine'
import type { YamlTab } from './types'

export const YAML_TABS: readonly YamlTab[] = ['istio', 'workloads']

const ISTIO_KINDS: ReadonlySet<string> = new Set(['MeshPolicy', 'Policy', 'DestinationRule', 'Gateway', 'VirtualService'])

/** Any `*.istio.io/...` apiVersion counts as Istio too (ServiceRole, RbacConfig, ...), known kind or not. */
export function tabOf(object: Pick<KubeObject, 'kind' | 'apiVersion'>): YamlTab {
  if (ISTIO_KINDS.has(object.kind)) return 'istio'
  const group = typeof object.apiVersion === 'string' ? (object.apiVersion.split('/')[0] ?? '') : ''
  return group.endsWith('.istio.io') || group === 'istio.io' ? 'istio' : 'workloads'
}

export function objectsOfTab(resources: readonly KubeObject[], tab: YamlTab): KubeObject[] {
  return resources.filter((o) => tabOf(o) === tab)
}

/** File names the parser stamps on diagnostics, and the editor's model URIs end with. */
export const TAB_FILES: Readonly<Record<YamlTab, string>> = { istio: 'istio.yaml', workloads: 'workloads.yaml' }

/** True when both lists hold the very same objects in the same order (no deep compare needed: edits replace objects). */
export function sameObjects(a: readonly KubeObject[], b: readonly KubeObject[]): boolean {
  return a.length === b.length && a.every((o, i) => o === b[i])
}
