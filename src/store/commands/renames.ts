/** Renaming apps and single objects, keeping the references to them working. */
import type { KubeObject, ResourceKey } from '../../engine'
import { appMembers, isWorkload } from './apps'
import { renameServiceHost } from './hosts'
import { asArray, asRecord, clone, findByKey, keyFor, keyOf, nsOf, replaceByKey, withMeta, type Json } from './objects'
import { editPodTemplate } from './podTemplate'
import { fail, type EditResult } from './result'

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

/** Replaces `app: <from>` label values (selector, pod labels) by `to`; other labels stay. */
function relabel(map: unknown, from: string, to: string): Json | undefined {
  if (map === undefined) return undefined
  const copy = { ...asRecord(map) }
  for (const [k, v] of Object.entries(copy)) if (v === from) copy[k] = to
  return copy
}

function renameMember(object: KubeObject, from: string, to: string): KubeObject {
  const renamed = withMeta(object, { name: object.metadata.name === from ? to : object.metadata.name })
  if (renamed.metadata.labels) renamed.metadata.labels = relabel(renamed.metadata.labels, from, to) as Record<string, string>
  const spec = asRecord(renamed.spec)
  if (object.kind === 'Service') return { ...renamed, spec: { ...spec, selector: relabel(spec.selector, from, to) } }
  if (!isWorkload(object)) return renamed
  const selector = asRecord(spec.selector)
  const withSelector = spec.selector ? { ...renamed, spec: { ...spec, selector: { ...selector, matchLabels: relabel(selector.matchLabels, from, to) } } } : renamed
  return editPodTemplate(withSelector, ({ meta }) => {
    if (meta.labels) meta.labels = relabel(meta.labels, from, to)
  })
}

/** Policies targeting the service, DR hosts and VS destinations naming it follow the rename. */
function renameReferences(object: KubeObject, ns: string, from: string, to: string): KubeObject {
  const here = nsOf(object)
  const copy = clone(object)
  const spec = asRecord(copy.spec)
  if (object.kind === 'Policy' && here === ns) {
    for (const target of asArray(spec.targets).map(asRecord)) if (target.name === from) target.name = to
  } else if (object.kind === 'DestinationRule' && typeof spec.host === 'string') {
    spec.host = renameServiceHost(spec.host, here, ns, from, to)
  } else if (object.kind === 'VirtualService') {
    for (const route of asArray(spec.http).map(asRecord)) {
      for (const weighted of asArray(route.route).map(asRecord)) {
        const destination = asRecord(weighted.destination)
        if (typeof destination.host === 'string') destination.host = renameServiceHost(destination.host, here, ns, from, to)
      }
    }
  } else return object
  return copy
}

/** Renames an app: its Service and workloads, the app label, and everything that names the service. */
export function renameApp(resources: readonly KubeObject[], appKey: ResourceKey, to: string): EditResult {
  const members = new Set(appMembers(resources, appKey))
  const lead = [...members].find((o) => o.kind === 'Service') ?? [...members][0]
  if (!lead) return fail(`There is no app ${appKey}.`)
  const from = lead.metadata.name
  const ns = nsOf(lead)
  if (from === to) return [...resources]
  if (!NAME.test(to)) return fail(`"${to}" is not a valid name (lower-case letters, digits and "-").`)
  const keys = new Set(resources.filter((o) => !members.has(o)).map(keyOf))
  if ([...members].some((m) => keys.has(keyFor(m.kind, ns, to)))) return fail(`Namespace ${ns} already has something named ${to}.`)
  return resources.map((o) => (members.has(o) ? renameMember(o, from, to) : renameReferences(o, ns, from, to)))
}

/** Renames one Istio object; a Gateway's VirtualServices follow. */
export function renameResource(resources: readonly KubeObject[], key: ResourceKey, to: string): EditResult {
  const object = findByKey(resources, key)
  if (!object) return fail(`There is no ${key}.`)
  if (!NAME.test(to)) return fail(`"${to}" is not a valid name (lower-case letters, digits and "-").`)
  const ns = nsOf(object)
  if (keyFor(object.kind, ns, to) !== key && findByKey(resources, keyFor(object.kind, ns, to))) return fail(`There already is a ${object.kind} named ${to}.`)
  const from = object.metadata.name
  const renamed = replaceByKey(resources, key, withMeta(object, { name: to }))
  if (object.kind !== 'Gateway') return renamed
  return renamed.map((o) => {
    if (o.kind !== 'VirtualService') return o
    const spec = asRecord(o.spec)
    const refs = asArray(spec.gateways)
    const rewrite = (g: unknown) => (g === `${ns}/${from}` ? `${ns}/${to}` : g === from && nsOf(o) === ns ? to : g)
    return refs.some((g) => rewrite(g) !== g) ? { ...clone(o), spec: { ...spec, gateways: refs.map(rewrite) } } : o
  })
}
