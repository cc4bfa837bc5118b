/**
 * Findings -> editor problems. Model diagnostics name an object by its index in the resource list;
 * the editor needs a tab and a line. The bridge is the source map of each tab's current text: an
 * object is found in a text by its key (the n-th object with a key in the resources is the n-th one
 * with that key in the text), which also holds for text the user typed in an unusual order.
 */
import type { Diagnostic, KubeObject } from '../engine'
import { locate, type ObjectSource, type ParsedManifests } from '../yaml'
import { keyOf } from './keys'
import { tabOf, YAML_TABS } from './tabs'
import type { Problem, YamlTab } from './types'

type SourceIndex = Record<YamlTab, Map<string, ObjectSource[]>>

function indexSources(parsed: Record<YamlTab, ParsedManifests>): SourceIndex {
  const index = { istio: new Map(), workloads: new Map() } as SourceIndex
  for (const tab of YAML_TABS) {
    const { objects, sources } = parsed[tab]
    objects.forEach((object, i) => {
      const source = sources[i]
      if (!source) return
      const key = keyOf(object)
      const list = index[tab].get(key) ?? []
      list.push(source)
      index[tab].set(key, list)
    })
  }
  return index
}

/** Where resource `i` is written: its own tab first, then the other one (a kind typed in the "wrong" tab). */
function findSource(index: SourceIndex, resources: readonly KubeObject[], i: number): { tab: YamlTab; source?: ObjectSource } {
  const object = resources[i] as KubeObject
  const key = keyOf(object)
  let ordinal = 0
  for (let j = 0; j < i; j++) if (keyOf(resources[j] as KubeObject) === key) ordinal++
  const own = tabOf(object)
  for (const tab of own === 'istio' ? YAML_TABS : [...YAML_TABS].reverse()) {
    const source = index[tab].get(key)?.[ordinal]
    if (source) return { tab, source }
  }
  return { tab: own }
}

function resourceIndexOf(d: Diagnostic, resources: readonly KubeObject[]): number | undefined {
  if (d.index !== undefined && d.index >= 0 && d.index < resources.length) return d.index
  if (d.resource === undefined) return undefined
  const at = resources.findIndex((o) => keyOf(o) === d.resource)
  return at >= 0 ? at : undefined
}

/** Model diagnostics placed on the line of the object (and path) they are about. */
export function modelProblems(diagnostics: readonly Diagnostic[], resources: readonly KubeObject[], parsed: Record<YamlTab, ParsedManifests>): Problem[] {
  const index = indexSources(parsed)
  return diagnostics.map((d) => {
    const at = resourceIndexOf(d, resources)
    // Findings about the whole input (no object) go to the top of the Istio tab, where policies live.
    const { tab, source } = at === undefined ? { tab: 'istio' as YamlTab } : findSource(index, resources, at)
    const range = source ? locate(source, d.path ?? [], 'key') : { line: 1, column: 1, endLine: 1, endColumn: 1 }
    const problem: Problem = {
      tab,
      line: range.line,
      column: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
      severity: d.severity,
      code: d.code,
      message: d.message,
    }
    const resource = d.resource ?? (at === undefined ? undefined : keyOf(resources[at] as KubeObject))
    if (resource !== undefined) problem.resource = resource
    return problem
  })
}

/** Syntax and shape findings of one tab's text, where the parser saw them. */
export function parseProblems(tab: YamlTab, parsed: ParsedManifests): Problem[] {
  return parsed.diagnostics.map((d) => ({
    tab,
    line: d.range.line,
    column: d.range.column,
    endLine: d.range.endLine,
    endColumn: d.range.endColumn,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }))
}

/** A text "is broken" when a document could not be read as an object: applying it would lose objects. */
export function isBroken(parsed: ParsedManifests): boolean {
  return parsed.diagnostics.some((d) => d.severity === 'error')
}
