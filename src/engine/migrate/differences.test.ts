/** M41: which cells count as different, and the reason each pattern of codes gets. */
import { describe, expect, it } from 'vitest'
import type { Verdict } from '../types'
import { formatDifference, gridDifferences } from './differences'
import type { LabelledGrid } from './probeGrid'

const v = (code: Verdict['code'], exit = 0, rule = 'R12'): Verdict => ({ code, exit, rule }) as Verdict

function grid(rows: string[], columns: string[], cells: (Verdict | undefined)[]): LabelledGrid {
  return { rows, columns, cells, diagnostics: [] }
}

const ROWS = ['sleep.foo', 'sleep.legacy']
const COLS = ['httpbin.foo:8000']
const ctx = (tokenSent: boolean) => ({ tokenSent, plainClients: new Set(['sleep.legacy']) })

describe('gridDifferences', () => {
  it('equal printed results are no difference, even when another rule decided them', () => {
    const before = grid(ROWS, COLS, [v('200', 0, 'R14'), v('000', 56, 'R12')])
    const after = grid(ROWS, COLS, [v('200', 0, 'M22' as never), v('000', 56, 'M12' as never)])
    expect(gridDifferences(before, after, ctx(false))).toEqual([])
  })

  it.each([
    ['401 without token -> 403', v('401', 0, 'R16'), v('403'), false, 'sleep.foo', 1],
    ['401 with token -> 403 (token not found)', v('401', 0, 'R16'), v('403'), true, 'sleep.foo', 10],
    ['seed R11 401 -> 000/56', v('401', 0, 'R11'), v('000', 56), true, 'sleep.legacy', 4],
    ['expired token 401 -> 200 (skew)', v('401', 0, 'R16'), v('200'), true, 'sleep.foo', 9],
    ['USE_ORIGIN 401 -> 200', v('401', 0, 'R16'), v('200'), false, 'sleep.foo', 7],
    ['optional origin 200 -> 401', v('200'), v('401'), true, 'sleep.foo', 2],
    ['sidecar 503 -> 200 (auto mTLS)', v('503'), v('200'), false, 'sleep.foo', 3],
    ['plaintext 503 -> 200 (DR without TLS)', v('503'), v('200'), false, 'sleep.legacy', 11],
    ['TCP 200 -> 000/52', v('200'), v('000', 52), false, 'sleep.foo', 13],
    ['200 -> 403 (selector reaches more)', v('200'), v('403'), false, 'sleep.foo', 5],
  ])('%s is M41 #%s', (_name, before, after, tokenSent, row, m41) => {
    const cells = (x: Verdict) => (row === 'sleep.foo' ? [x, v('200')] : [v('200'), x])
    const diffs = gridDifferences(grid(ROWS, COLS, cells(before)), grid(ROWS, COLS, cells(after)), ctx(tokenSent))
    expect(diffs).toHaveLength(1)
    expect(diffs[0]).toMatchObject({ row, column: 'httpbin.foo:8000', before, after, m41 })
  })

  it('a pattern M41 does not list is still reported, with both rules', () => {
    const [d] = gridDifferences(grid(['a'], COLS, [v('404', 0, 'R20')]), grid(['a'], COLS, [v('503', 0, 'M34' as never)]), ctx(false))
    expect(d?.m41).toBeUndefined()
    expect(d?.reason).toContain('M34 instead of R20')
  })

  it('cells that exist on one side only are listed', () => {
    const diffs = gridDifferences(grid(['a'], COLS, [v('200')]), grid(['a', 'b'], COLS, [v('200'), v('200')]), ctx(false))
    expect(diffs.map((d) => [d.row, d.before, d.reason])).toEqual([['b', undefined, 'this cell exists only after the migration']])
  })

  it('formats one line per cell with both codes', () => {
    const [d] = gridDifferences(grid(ROWS, COLS, [v('401', 0, 'R16'), v('401', 0, 'R11')]), grid(ROWS, COLS, [v('403'), v('000', 56)]), ctx(false))
    expect(d && formatDifference(d)).toBe(
      'sleep.foo to httpbin.foo:8000: 401 -> 403 (M41 #1: a missing token passes RequestAuthentication; the converted DENY rule (notRequestPrincipals: ["*"]) refuses the request with 403, not 401 (M22, M27))',
    )
  })
})
