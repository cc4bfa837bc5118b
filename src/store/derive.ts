/**
 * Everything that follows from the resources, computed synchronously inside the action that changed
 * them (never in a selector): the model, each tab's text, the problems, and whether a tab is broken.
 */
import { buildModel, type EngineOptions, type KubeObject, type Model } from '../engine'
import type { JwksJson } from '../engine/jwt'
import type { ParsedManifests } from '../yaml'
import { generatedText } from './generatedText'
import { parseTab } from './parseCache'
import { isBroken, modelProblems, parseProblems, type TabText } from './problems'
import { objectsOfTab, sameObjects, YAML_TABS } from './tabs'
import { withKeySetFindings } from './tokens/keySetFindings'
import type { Problem, YamlTab } from './types'

export interface DerivedDocuments {
  model: Model
  yaml: Record<YamlTab, string>
  problems: Problem[]
  yamlBroken: Record<YamlTab, boolean>
}

export interface DeriveInput {
  resources: readonly KubeObject[]
  options: EngineOptions
  /** The state before the change; absent when the store starts. */
  previous?: { resources: readonly KubeObject[]; options: EngineOptions; model: Model; yaml: Record<YamlTab, string>; yamlBroken: Record<YamlTab, boolean> }
  /** The tab the user typed in: its text is kept exactly as typed (no echo into the editor). */
  typed?: { tab: YamlTab; text: string }
  /** The user's key sets: a policy whose jwksUri has none gets MESH007 (store/tokens/keySetFindings). */
  keySets?: Readonly<Record<string, JwksJson>>
}

interface TabState extends TabText {
  broken: boolean
}

/**
 * A tab keeps its current text when the change came from it, or when its own objects did not change
 * (so editing one tab, or the canvas acting on the other tab, does not reformat or discard what the
 * user wrote here, broken or not). Otherwise its text is generated from its objects.
 */
function textFor(tab: YamlTab, input: DeriveInput): TabState {
  const { typed, previous } = input
  const objects = objectsOfTab(input.resources, tab)
  const generated = generatedText(objects)
  const kept = (text: string, broken: boolean): TabState => ({ text, broken, generated: text === generated })
  if (typed?.tab === tab) return kept(typed.text, isBroken(parseTab(tab, typed.text)))
  if (previous && sameObjects(objectsOfTab(previous.resources, tab), objects)) return kept(previous.yaml[tab], previous.yamlBroken[tab])
  return { text: generated, broken: false, generated: true }
}

export function deriveDocuments(input: DeriveInput): DerivedDocuments {
  const { resources, options, previous } = input
  const model = withKeySetFindings(
    previous && previous.resources === resources && previous.options === options ? previous.model : buildModel(resources, options),
    input.keySets,
  )
  const texts = { istio: textFor('istio', input), workloads: textFor('workloads', input) }
  const parsedOf = (tab: YamlTab): ParsedManifests => parseTab(tab, texts[tab].text)
  // Text we generated has no syntax findings, so only typed text is parsed as a whole.
  const syntax = YAML_TABS.flatMap((tab) => (texts[tab].generated ? [] : parseProblems(tab, parsedOf(tab))))
  const problems = [...syntax, ...modelProblems(model.diagnostics, resources, texts, parsedOf)]
  return {
    model,
    yaml: { istio: texts.istio.text, workloads: texts.workloads.text },
    problems,
    yamlBroken: { istio: texts.istio.broken, workloads: texts.workloads.broken },
  }
}
