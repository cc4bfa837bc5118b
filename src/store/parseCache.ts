/**
 * The store parses tab texts to map findings to lines. Parsing is the costliest step of a change
 * (more than building the model), so: the last few parses per tab are kept (texts repeat after an
 * undo, and a typed text is parsed by editYaml and then again for problems). Text the store
 * generates is never parsed whole (see generatedText.ts).
 */
import { parseManifests, type ParsedManifests } from '../yaml'
import { TAB_FILES } from './tabs'
import type { YamlTab } from './types'

const KEEP = 4
const parses: Record<YamlTab, Map<string, ParsedManifests>> = { istio: new Map(), workloads: new Map() }

/** Map as a small LRU: a hit moves to the end, the oldest entry goes when full. */
function remember<V>(entries: Map<string, V>, text: string, value: V): V {
  entries.delete(text)
  entries.set(text, value)
  if (entries.size > KEEP) entries.delete(entries.keys().next().value as string)
  return value
}

/** A parse made elsewhere (the parse worker) for `text`: the next parseTab of that text uses it. */
export function rememberParse(tab: YamlTab, text: string, parsed: ParsedManifests): void {
  remember(parses[tab], text, parsed)
}

/** NOTE the result is shared: callers must not mutate it. */
export function parseTab(tab: YamlTab, text: string): ParsedManifests {
  const hit = parses[tab].get(text)
  return remember(parses[tab], text, hit ?? parseManifests(text, TAB_FILES[tab]))
}
