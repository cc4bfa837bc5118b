/** Copy-on-write access to a workload's pod template (a Pod is its own template). */
import type { KubeObject } from '../../engine'
import { asRecord, clone, type Json } from './objects'

export interface PodParts {
  /** The template's metadata (labels, annotations), created when missing. */
  meta: Json
  /** The pod spec (containers, hostNetwork), created when missing. */
  spec: Json
}

/** A copy of `workload` with `edit` applied to its pod template. NOTE `edit` mutates the copy. */
export function editPodTemplate(workload: KubeObject, edit: (pod: PodParts) => void): KubeObject {
  const copy = clone(workload)
  if (copy.kind === 'Pod') {
    const spec = asRecord(copy.spec)
    copy.spec = spec
    edit({ meta: copy.metadata, spec })
    return copy
  }
  const spec = asRecord(copy.spec)
  const template = asRecord(spec.template)
  const meta = asRecord(template.metadata)
  const podSpec = asRecord(template.spec)
  template.metadata = meta
  template.spec = podSpec
  spec.template = template
  copy.spec = spec
  edit({ meta, spec: podSpec })
  return copy
}

export function readPod(workload: KubeObject): PodParts {
  if (workload.kind === 'Pod') return { meta: workload.metadata, spec: asRecord(workload.spec) }
  const template = asRecord(asRecord(workload.spec).template)
  return { meta: asRecord(template.metadata), spec: asRecord(template.spec) }
}

/** Sets or (value undefined) removes one entry of a string map field, dropping the map when empty. */
export function setMapEntry(owner: Json, field: string, key: string, value: string | undefined): void {
  const map = { ...asRecord(owner[field]) }
  if (value === undefined) delete map[key]
  else map[key] = value
  if (Object.keys(map).length === 0) delete owner[field]
  else owner[field] = map
}
