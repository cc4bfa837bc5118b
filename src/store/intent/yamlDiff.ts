/**
 * The YAML diff of an edit: for each object it writes, the lines before and after, aligned by a
 * longest-common-subsequence line diff (objects are small: tens of lines).
 */
import type { KubeObject } from '../../engine'
import { stringifyManifests } from '../../yaml'
import { keyOf } from '../keys'

export interface DiffLine {
  op: ' ' | '+' | '-'
  text: string
}

export interface ObjectYamlDiff {
  key: string
  /** `new` when the edit creates the object. */
  change: 'new' | 'changed'
  lines: DiffLine[]
}

export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length
  const m = after.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) (lcs[i] as number[])[j] = before[i] === after[j] ? ((lcs[i + 1] as number[])[j + 1] as number) + 1 : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number)
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ op: ' ', text: before[i++] as string })
      j++
    } else if (((lcs[i + 1] as number[])[j] as number) >= ((lcs[i] as number[])[j + 1] as number)) out.push({ op: '-', text: before[i++] as string })
    else out.push({ op: '+', text: after[j++] as string })
  }
  while (i < n) out.push({ op: '-', text: before[i++] as string })
  while (j < m) out.push({ op: '+', text: after[j++] as string })
  return out
}

const linesOf = (o: KubeObject | undefined) => (o ? stringifyManifests([o]).replace(/\n$/, '').split('\n') : [])

/** Diffs of the objects `touched` (keys) between two resource lists. */
export function yamlDiffOf(before: readonly KubeObject[], after: readonly KubeObject[], touched: readonly string[]): ObjectYamlDiff[] {
  return touched.map((key) => {
    const was = before.find((o) => keyOf(o) === key)
    const now = after.find((o) => keyOf(o) === key)
    return { key, change: was ? 'changed' : 'new', lines: diffLines(linesOf(was), linesOf(now)) }
  })
}
