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
  if (only) return indexColumnsFor(columns, only)
  const byFqdn = new Map<string, number[]>()
  const bySuffix = new Map<string, number[]>()
  const suffixes = suffixesOf(columns)
  columns.forEach((c, j) => {
    addTo(byFqdn, c.service.fqdn, j)
    for (const suffix of suffixes[j] as string[]) addTo(bySuffix, suffix, j)
  })
  return { byFqdn, bySuffix }
}

/**
 * The same index restricted to the rules' hosts and wildcard suffixes. A suffix is cut from a name
 * only at a length some wanted suffix has and where the name has a dot (every suffix starts with
 * one), so a name is not sliced at every dot.
 */
function indexColumnsFor(columns: readonly ColumnFacts[], rules: readonly RuleIndex[]): ColumnIndex {
  const byFqdn = new Map<string, number[]>()
  const bySuffix = new Map<string, number[]>()
  const hosts = new Set<string>()
  const wildcards = new Set<string>()
  for (const r of rules) {
    for (const host of r.exact.keys()) hosts.add(host)
    for (const suffix of r.wildcard.keys()) wildcards.add(suffix)
  }
  const lengths = [...new Set([...wildcards].map((w) => w.length))]
  columns.forEach((c, j) => {
    const fqdn = c.service.fqdn
    if (hosts.has(fqdn)) addTo(byFqdn, fqdn, j)
    for (const length of lengths) {
      const at = fqdn.length - length
      if (at < 0 || fqdn.charCodeAt(at) !== 46) continue
      const suffix = fqdn.slice(at)
      if (wildcards.has(suffix)) addTo(bySuffix, suffix, j)
    }
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

function suffixesOf(columns: readonly ColumnFacts[]): string[][] {
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
