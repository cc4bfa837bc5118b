/**
 * A tab's text parsed again: its objects replace the tab's part of the resources. Objects keep their
 * place in the overall list (so the other tab, the canvas and admission order do not move); objects
 * new to the text are appended; objects of the tab no longer in the text are removed.
 */
import type { KubeObject } from '../engine'
import { keyOf } from './keys'
import { sameObjects, tabOf } from './tabs'
import type { YamlTab } from './types'

/**
 * Matching is by key, so an object typed in the "wrong" tab (a Namespace in the Istio tab) replaces
 * its namesake wherever it lives instead of being appended again on every keystroke.
 */
export function replaceTabResources(resources: readonly KubeObject[], tab: YamlTab, parsed: readonly KubeObject[]): KubeObject[] {
  const pending = new Map<string, KubeObject[]>()
  for (const object of parsed) {
    const key = keyOf(object)
    const list = pending.get(key) ?? []
    list.push(object)
    pending.set(key, list)
  }
  const out: KubeObject[] = []
  for (const old of resources) {
    const replacement = pending.get(keyOf(old))?.shift()
    if (replacement) out.push(unchangedOr(old, replacement))
    else if (tabOf(old) !== tab) out.push(old)
  }
  for (const object of parsed) {
    const left = pending.get(keyOf(object))
    if (left && left[0] === object) out.push(left.shift() as KubeObject)
  }
  // Same objects in the same order: the edit only touched comments or spacing, nothing to record.
  return sameObjects(out, resources) ? (resources as KubeObject[]) : out
}

/**
 * Keeps the old object when the text says the same thing, so unrelated objects keep their identity
 * (the canvas and the other tab compare by reference).
 */
function unchangedOr(old: KubeObject, replacement: KubeObject): KubeObject {
  return JSON.stringify(old) === JSON.stringify(replacement) ? old : replacement
}
