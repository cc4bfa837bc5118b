/** Where an object is written in the editor tabs, to reveal it from the canvas or the grid. */
import type { ResourceKey } from '../engine'
import { keyOf, splitKey } from './keys'
import { parseTab } from './parseCache'
import { tabOf, YAML_TABS } from './tabs'
import type { YamlTab } from './types'

export function lineOfResource(yaml: Record<YamlTab, string>, key: ResourceKey): { tab: YamlTab; line: number } | undefined {
  const own = tabOf({ kind: splitKey(key).kind })
  for (const tab of [own, ...YAML_TABS.filter((t) => t !== own)]) {
    const parsed = parseTab(tab, yaml[tab])
    const at = parsed.objects.findIndex((o) => keyOf(o) === key)
    const source = parsed.sources[at]
    if (at >= 0 && source) return { tab, line: source.line }
  }
  return undefined
}
