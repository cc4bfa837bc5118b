import { describe, expect, it } from 'vitest'
import { parseManifests } from '.'
import { MAX_NESTING } from './structure'

const HEAD = 'kind: ConfigMap\nmetadata: {name: x}\n'

function blockNesting(levels: number, tail = 'x: 1\n'): string {
  let text = `${HEAD}data:\n`
  for (let i = 0; i < levels; i++) text += `${' '.repeat(i + 1)}k${i}:\n`
  return text + tail
}

describe('Big and deep YAML', () => {
  it('reads a 40,000-key map (the package alone compares every key with every other)', () => {
    let text = `${HEAD}data:\n`
    for (let i = 0; i < 40_000; i++) text += `  key${i}: value${i}\n`
    const r = parseManifests(text)
    expect(r.diagnostics).toEqual([])
    expect(Object.keys((r.objects[0] as unknown as { data: object }).data)).toHaveLength(40_000)
  })

  it('finds a duplicate key late in a big map, on its line', () => {
    let text = `${HEAD}data:\n`
    for (let i = 0; i < 5_000; i++) text += `  key${i}: value${i}\n`
    text += '  key17: again\n'
    const r = parseManifests(text)
    expect(r.objects).toEqual([])
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML002', range: expect.objectContaining({ line: 5_004, column: 3 }) })])
  })

  it('lets merge keys repeat, and still finds duplicates inside flow maps', () => {
    const merged = parseManifests(`${HEAD}a: &a {p: 1}\nb: &b {q: 2}\ndata:\n  <<: *a\n  <<: *b\n`)
    expect(merged.diagnostics).toEqual([])
    expect(merged.objects[0]).toMatchObject({ data: { p: 1, q: 2 } })
    expect(parseManifests(`${HEAD}data: {a: 1, a: 2}\n`).diagnostics.map((d) => d.code)).toEqual(['YAML002'])
  })

  it(`accepts ${MAX_NESTING - 1} block levels under data`, () => {
    const r = parseManifests(blockNesting(MAX_NESTING - 2))
    expect(r.diagnostics).toEqual([])
    expect(r.objects).toHaveLength(1)
  })

  it.each([
    ['a 5,000-level flow sequence', `${HEAD}spec: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 3],
    ['a 5,000-level flow map', `${HEAD}spec: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`, 3],
    ['2,000 block levels and a dedent', blockNesting(2000), MAX_NESTING + 3],
    ['100 block levels', blockNesting(100), MAX_NESTING + 3],
    ['3,000 nested "- " markers on one line', `${HEAD}spec:\n${'- '.repeat(3000)}a\n`, 4],
  ])('refuses %s as "nested more than N levels" with its line, not a stack overflow', (_name, text, line) => {
    const r = parseManifests(text)
    expect(r.objects).toEqual([])
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML005', range: expect.objectContaining({ line }) })])
    expect(r.diagnostics[0]?.message).toContain(`nested more than ${MAX_NESTING} levels`)
  })

  it('keeps the documents around a refused one', () => {
    const text = `kind: Namespace\nmetadata: {name: a}\n---\n${blockNesting(2000)}---\nkind: Namespace\nmetadata: {name: b}\n`
    const r = parseManifests(text)
    expect(r.objects.map((o) => o.metadata.name)).toEqual(['a', 'b'])
    expect(r.diagnostics.map((d) => d.code)).toEqual(['YAML005'])
  })
})
