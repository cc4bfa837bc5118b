/** Test helpers: the seed's workloads, and what the engine makes of a resource list. */
import { buildModel, DEFAULT_OPTIONS, type KubeObject } from '../../engine'
import { parseManifests } from '../../yaml'
import seedYaml from '../../scenarios/seed/workloads.yaml?raw'
import { isEditError, type EditResult } from './result'

export function seed(): KubeObject[] {
  return parseManifests(seedYaml).objects
}

/** Unwraps a successful edit; a test fails loudly on an EditError. */
export function ok(result: EditResult): KubeObject[] {
  if (isEditError(result)) throw new Error(`unexpected edit error: ${result.message}`)
  return result
}

export function errorsOf(resources: readonly KubeObject[], profile: '1.0' | '1.1' = '1.0'): string[] {
  return buildModel(resources, { ...DEFAULT_OPTIONS, profile }).diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.resource}: ${d.message}`)
}

export function sidecarOf(resources: readonly KubeObject[], key: string): boolean | undefined {
  return buildModel(resources, DEFAULT_OPTIONS).mesh.workloads.find((w) => w.key === key)?.sidecar
}

export function find(resources: readonly KubeObject[], kind: string, ns: string, name: string): KubeObject | undefined {
  return resources.find((o) => o.kind === kind && o.metadata.name === name && (o.metadata.namespace ?? '') === ns)
}
