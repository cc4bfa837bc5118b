import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { splitDocuments } from './chunks'
import { parseManifests } from './parse'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

describe('parseManifests: documents', () => {
  it('reads several documents, comments and quoted scalars', () => {
    const text = '# policy\napiVersion: "authentication.istio.io/v1alpha1"\nkind: "MeshPolicy"\nmetadata:\n  name: "default"\n---\n# rule\nkind: Namespace\nmetadata: {name: foo}\n'
    const r = parseManifests(text, 'seed.yaml')
    expect(r.diagnostics).toEqual([])
    expect(r.objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(['MeshPolicy/default', 'Namespace/foo'])
    expect(r.sources.map((s) => [s.file, s.docIndex, s.line])).toEqual([['seed.yaml', 0, 2], ['seed.yaml', 1, 8]])
  })

  it('skips empty and null documents', () => {
    const r = parseManifests('---\n---\n# only a comment\n---\nnull\n---\nkind: Namespace\nmetadata: {name: foo}\n')
    expect(r.diagnostics).toEqual([])
    expect(r.objects).toHaveLength(1)
    expect(r.sources[0]?.docIndex).toBe(3)
  })

  it('flattens a List document into its items', () => {
    const r = parseManifests('apiVersion: v1\nkind: List\nitems:\n- kind: Namespace\n  metadata: {name: foo}\n- kind: Namespace\n  metadata: {name: bar}\n')
    expect(r.objects.map((o) => o.metadata.name)).toEqual(['foo', 'bar'])
    expect(r.sources.map((s) => [s.docIndex, s.itemIndex, s.line])).toEqual([[0, 0, 4], [0, 1, 6]])
  })

  it('expands anchors and aliases', () => {
    const r = parseManifests('kind: Service\nmetadata:\n  name: httpbin\n  labels: &l {app: httpbin}\nspec:\n  selector: *l\n')
    expect(r.objects[0]?.spec).toEqual({ selector: { app: 'httpbin' } })
  })

  it('reads scalars as kubectl (YAML 1.1) does, but keeps dates and 1:20 as strings', () => {
    const r = parseManifests('kind: X\nmetadata: {name: x}\na: yes\nb: "yes"\nc: 2018-08-27\nd: 1:20\ne: 0755\n')
    expect(r.objects[0]).toMatchObject({ a: true, b: 'yes', c: '2018-08-27', d: '1:20', e: 493 })
  })

  it.each(['httpbin-1.0.0.yaml', 'httpbin-1.1.0.yaml', 'sleep-1.0.0.yaml', 'sleep-1.1.0.yaml'])('parses the Istio sample %s', (name) => {
    const r = parseManifests(fixture(name), name)
    expect(r.diagnostics).toEqual([])
    expect(r.objects.map((o) => o.kind)).toEqual(name === 'sleep-1.1.0.yaml' ? ['ServiceAccount', 'Service', 'Deployment'] : ['Service', 'Deployment'])
  })
})

describe('parseManifests: broken input', () => {
  it('reports a syntax error and keeps the documents around it', () => {
    const r = parseManifests('kind: Namespace\nmetadata: {name: a}\n---\nkind: "Namespace\n---\nkind: Namespace\nmetadata: {name: c}\n')
    expect(r.objects.map((o) => o.metadata.name)).toEqual(['a', 'c'])
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML001', severity: 'error', docIndex: 1, range: expect.objectContaining({ line: 4 }) })])
  })

  it('reports an unclosed flow collection without losing the next document', () => {
    const r = parseManifests('kind: Namespace\nmetadata: {name: a\n---\nkind: Namespace\nmetadata: {name: b}\n')
    expect(r.objects.map((o) => o.metadata.name)).toEqual(['b'])
    expect(r.diagnostics[0]?.code).toBe('YAML001')
  })

  it('rejects duplicate keys with their line', () => {
    const r = parseManifests('kind: Namespace\nmetadata:\n  name: a\n  name: b\n')
    expect(r.objects).toEqual([])
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'YAML002', range: expect.objectContaining({ line: 4, column: 3 }) })])
  })

  it.each([
    ['a document that is a list', '- a\n- b\n', 'K8S001', 1],
    ['a document that is a scalar', 'hello\n', 'K8S001', 1],
    ['an object without kind', 'metadata: {name: a}\n', 'K8S002', 1],
    ['an object without metadata.name', 'kind: Namespace\nmetadata:\n  labels: {}\n', 'K8S003', 2],
    ['a List whose items is not a list', 'kind: List\nitems: {}\n', 'K8S004', 2],
  ])('reports %s', (_what, text, code, line) => {
    const r = parseManifests(text)
    expect(r.objects).toEqual([])
    expect(r.diagnostics).toEqual([expect.objectContaining({ code, severity: 'error', range: expect.objectContaining({ line }) })])
  })
})

describe('splitDocuments', () => {
  it('keeps a leading directive and comment with the first document', () => {
    const chunks = splitDocuments('%YAML 1.1\n# c\n---\na: 1\n---\nb: 2\n')
    expect(chunks.map((c) => [c.offset, c.text])).toEqual([[0, '%YAML 1.1\n# c\n---\na: 1\n'], [23, '---\nb: 2\n']])
  })

  it('does not split at `---` inside a line or at `----`', () => {
    expect(splitDocuments('a: "x --- y"\n----\n')).toHaveLength(1)
  })
})

describe('JSON types (issue 8: keys are strings, nothing changes type)', () => {
  it('keeps keys as written: managedFields `.: {}` is ".", not NaN; `1.0` and `yes` stay text', () => {
    const r = parseManifests('kind: X\nmetadata:\n  name: a\n  managedFields:\n  - fieldsV1:\n      f:metadata:\n        .: {}\n        1.0: {}\n        yes: {}\n        0x10: {}\n')
    const fields = (r.objects[0]?.metadata.managedFields as { fieldsV1: Record<string, Record<string, unknown>> }[])[0]?.fieldsV1['f:metadata']
    expect(Object.keys(fields ?? {})).toEqual(['.', '1.0', 'yes', '0x10'])
    expect(r.diagnostics).toEqual([])
  })

  it('keeps .inf and .nan as the text they were written as, with a warning at the value', () => {
    const r = parseManifests('kind: X\nmetadata: {name: a}\nspec:\n  a: .inf\n  b: -.Inf\n  c: .nan\n  d: 1.5\n')
    expect(r.objects[0]?.spec).toEqual({ a: '.inf', b: '-.Inf', c: '.nan', d: 1.5 })
    expect(r.diagnostics.map((d) => [d.code, d.range.line])).toEqual([['YAML006', 4], ['YAML006', 5], ['YAML006', 6]])
  })

  it('still reads YAML 1.1 scalars as kubectl does: on is true, 0755 is 493', () => {
    expect(parseManifests('kind: X\nmetadata: {name: a}\nspec: {a: on, b: 0755}\n').objects[0]?.spec).toEqual({ a: true, b: 493 })
  })
})
