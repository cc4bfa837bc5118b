/**
 * Which grid columns a namespace's own DestinationRules can reach, so a row shared between clients
 * is patched only there (Istio 1.1 and the modern profiles).
 */
import type { RuleIndex } from '../client/ruleIndex'
import type { ColumnFacts } from './columns'

/** Columns by service FQDN and by every `.suffix` of it: which columns a rule's host can touch. */
export interface ColumnIndex {
  byFqdn: Map<string, number[]>
  bySuffix: Map<string, number[]>
}

function addTo(map: Map<string, number[]>, key: string, j: number): void {
  const list = map.get(key)
  if (list) list.push(j)
  else map.set(key, [j])
}

/** `only`: index just the hosts and suffixes these rule indexes hold (the others are never looked up). */
export function indexColumns(columns: readonly ColumnFacts[], only?: readonly RuleIndex[]): ColumnIndex {
  const byFqdn = new Map<string, number[]>()
  const bySuffix = new Map<string, number[]>()
  const hosts = only && new Set(only.flatMap((r) => [...r.exact.keys()]))
  const wildcards = only && new Set(only.flatMap((r) => [...r.wildcard.keys()]))
  const suffixes = !wildcards || wildcards.size > 0 ? suffixesOf(columns) : undefined
  columns.forEach((c, j) => {
    if (!hosts || hosts.has(c.service.fqdn)) addTo(byFqdn, c.service.fqdn, j)
    if (suffixes) for (const suffix of suffixes[j] as string[]) if (!wildcards || wildcards.has(suffix)) addTo(bySuffix, suffix, j)
  })
  return { byFqdn, bySuffix }
}

/** Appends to `out` every column a rule of `own` can match (a column may be listed more than once). */
export function columnsReachedBy(own: RuleIndex, index: ColumnIndex, width: number, out: number[]): void {
  if (own.star) {
    for (let j = 0; j < width; j++) out.push(j)
    return
  }
  for (const host of own.exact.keys()) for (const j of index.byFqdn.get(host) ?? []) out.push(j)
  for (const suffix of own.wildcard.keys()) for (const j of index.bySuffix.get(suffix) ?? []) out.push(j)
}

/** `*.suffix` keys of every column's host, longest first, so own-namespace lookups allocate nothing. */
const suffixCache = new WeakMap<readonly ColumnFacts[], string[][]>()

export function suffixesOf(columns: readonly ColumnFacts[]): string[][] {
  let list = suffixCache.get(columns)
  if (!list) {
    list = columns.map((c) => {
      const out: string[] = []
      const fqdn = c.service.fqdn
      for (let dot = fqdn.indexOf('.'); dot >= 0; dot = fqdn.indexOf('.', dot + 1)) out.push(fqdn.slice(dot))
      return out
    })
    suffixCache.set(columns, list)
  }
  return list
}
