/**
 * Findings -> editor problems. Model diagnostics name an object by its index in the resource list;
 * the editor needs a tab and a line. In a tab whose text the store generated, the object's document
 * is known (same order as the resources) and only that document is parsed. In a tab the user typed,
 * the object is found in the parsed text by key (the n-th object with a key among the resources is
 * the n-th with that key in the text), which holds whatever order the user wrote things in.
 */
import type { Diagnostic, KubeObject, ObjectPath } from '../engine'
import { locate, type ObjectSource, type ParsedManifests, type SourceRange } from '../yaml'
import { documentLines, locateInDocument } from './generatedText'
import { quickFixFor } from './quickFixes'
import { keyOf } from './keys'
import { tabOf, YAML_TABS } from './tabs'
import type { Problem, YamlTab } from './types'

export interface TabText {
  text: string
  /** The text is exactly what the store generates from the tab's objects. */
  generated: boolean
}

type Located = { tab: YamlTab; range: SourceRange }

function lazy<T>(make: () => T): () => T {
  let value: T | undefined
  return () => (value ??= make())
}

function keyIndex(parsed: ParsedManifests): Map<string, ObjectSource[]> {
  const index = new Map<string, ObjectSource[]>()
  parsed.objects.forEach((object, i) => {
    const source = parsed.sources[i]
    if (!source) return
    const list = index.get(keyOf(object)) ?? []
    list.push(source)
    index.set(keyOf(object), list)
  })
  return index
}

/** Where resource `i` (and `path` in it) is written: its own tab first, then the other one. */
function createLocator(resources: readonly KubeObject[], texts: Record<YamlTab, TabText>, parsedOf: (tab: YamlTab) => ParsedManifests) {
  const tabs = resources.map(tabOf)
  const positionInTab = lazy(() => {
    const seen = { istio: 0, workloads: 0 }
    return tabs.map((tab) => seen[tab]++)
  })
  const keys = lazy(() => {
    const seen = new Map<string, number>()
    return resources.map((o) => {
      const key = keyOf(o)
      seen.set(key, (seen.get(key) ?? 0) + 1)
      return { key, ordinal: (seen.get(key) as number) - 1 }
    })
  })
  const firstLines = { istio: lazy(() => documentLines(resources.filter((_, i) => tabs[i] === 'istio'))), workloads: lazy(() => documentLines(resources.filter((_, i) => tabs[i] === 'workloads'))) }
  const typedIndex = { istio: lazy(() => keyIndex(parsedOf('istio'))), workloads: lazy(() => keyIndex(parsedOf('workloads'))) }

  return (i: number, path: ObjectPath): Located | undefined => {
    const own = tabs[i] as YamlTab
    for (const tab of own === 'istio' ? YAML_TABS : [...YAML_TABS].reverse()) {
      if (texts[tab].generated) {
        // A generated tab holds exactly the objects of its kinds, in resource order.
        if (tab !== own) continue
        const range = locateInDocument(resources[i] as KubeObject, path)
        const offset = (firstLines[tab]()[positionInTab()[i] as number] ?? 1) - 1
        if (range) return { tab, range: { ...range, line: range.line + offset, endLine: range.endLine + offset } }
        continue
      }
      const id = keys()[i] as { key: string; ordinal: number }
      const source = typedIndex[tab]().get(id.key)?.[id.ordinal]
      if (source) {
        const { exact: _exact, ...range } = locate(source, path, 'key')
        return { tab, range }
      }
    }
    return undefined
  }
}

function resourceIndexOf(d: Diagnostic, resources: readonly KubeObject[]): number | undefined {
  if (d.index !== undefined && d.index >= 0 && d.index < resources.length) return d.index
  if (d.resource === undefined) return undefined
  const at = resources.findIndex((o) => keyOf(o) === d.resource)
  return at >= 0 ? at : undefined
}

const TOP: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 }

/** Model diagnostics placed on the line of the object (and path) they are about. */
export function modelProblems(diagnostics: readonly Diagnostic[], resources: readonly KubeObject[], texts: Record<YamlTab, TabText>, parsedOf: (tab: YamlTab) => ParsedManifests): Problem[] {
  const where = createLocator(resources, texts, parsedOf)
  return diagnostics.map((d) => {
    const at = resourceIndexOf(d, resources)
    const object = at === undefined ? undefined : resources[at]
    // Findings about the whole input (no object) go to the top of the Istio tab, where policies live.
    const found = at === undefined ? undefined : where(at, d.path ?? [])
    const tab = found?.tab ?? (object ? tabOf(object) : 'istio')
    const range = found?.range ?? TOP
    const problem: Problem = { tab, ...range, severity: d.severity, code: d.code, message: d.message }
    const resource = d.resource ?? (object ? keyOf(object) : undefined)
    if (resource !== undefined) problem.resource = resource
    const fix = quickFixFor(d, texts[tab].text, problem.line)
    if (fix) problem.fix = fix
    return problem
  })
}

/** Syntax and shape findings of one tab's text, where the parser saw them. */
export function parseProblems(tab: YamlTab, parsed: ParsedManifests): Problem[] {
  return parsed.diagnostics.map((d) => ({ tab, ...d.range, severity: d.severity, code: d.code, message: d.message }))
}

/** A text "is broken" when a document could not be read as an object: applying it would lose objects. */
export function isBroken(parsed: ParsedManifests): boolean {
  return parsed.diagnostics.some((d) => d.severity === 'error')
}
