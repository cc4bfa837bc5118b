import { describe, expect, it } from 'vitest'
import { parseIntent } from '../intent/parseIntent'
import { splitIntentDocuments } from '../intent/splitIntent'
import { joinIntentTexts } from '../intent/joinIntent'
import { parseSources } from './importSources'
import { keyOf } from './keys'
import { testStore } from './testing'

const INTENT = `apiVersion: mesh-auth-designer/v1
kind: Intent
expectations:
- from: with-sidecar
  to: ["*.foo", "*.bar"]
  expect: allow
- from: sleep.legacy
  to: httpbin.foo
  expect: deny
`

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: extra
`

describe('Import of intent files', () => {
  it('an intent file loads expectations, not objects', () => {
    const result = parseSources([{ name: 'intent.yaml', text: INTENT }])
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.objects).toEqual([])
    expect(result.intent?.text).toBe(INTENT)
    expect(result.intent?.expectations).toBe(3)
    expect(result.intent?.problems).toEqual([])
    expect(result.summary).toBe("Loaded 3 expectations from intent.yaml into the Intent tab. The design's objects are unchanged.")
  })

  it('recognises the format without apiVersion and kind, and leaves other documents with `expectations` alone', () => {
    const bare = 'expectations:\n- {from: external, to: "*", expect: deny}\n'
    expect(splitIntentDocuments(bare)).toEqual({ intent: [{ text: bare, line: 1 }], rest: '' })
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  expectations: none\n'
    expect(splitIntentDocuments(configMap).intent).toEqual([])
    const wrongKind = 'apiVersion: mesh-auth-designer/v1\nkind: Intnet\nexpectations: []\n'
    expect(splitIntentDocuments(wrongKind).intent).toHaveLength(1)
  })

  it('splits a mixed file: objects keep their lines, intent problems are reported at the line and column in the file', () => {
    const file = `${NAMESPACE}---\n# what must happen\nkind: Intent\nexpectations:\n- from: sleep.foo\n  to: "nowhere"\n  expect: allow\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: [broken\n`
    const split = splitIntentDocuments(file)
    expect(split.intent).toHaveLength(1)
    expect(split.intent[0]?.line).toBe(6)
    expect(split.intent[0]?.text.startsWith('# what must happen\nkind: Intent\n')).toBe(true)
    // The rest has the same lines: the broken Namespace is reported on line 16 of the file.
    expect(split.rest.split('\n')).toHaveLength(file.split('\n').length)
    const broken = parseSources([{ name: 'mixed.yaml', text: file }])
    expect(broken).toEqual({ ok: false, message: expect.stringMatching(/^mixed\.yaml, line 16: .*Nothing was imported\.$/) })

    const fixed = file.replace('[broken', 'other')
    const result = parseSources([{ name: 'mixed.yaml', text: fixed }])
    if (!result.ok) throw new Error(result.message)
    expect(result.objects.map(keyOf)).toEqual(['Namespace//extra', 'Namespace//other'])
    // `to: "nowhere"` is line 5 of the piece, which starts on line 6: line 10 of the file, its value at column 7.
    expect(result.intent?.problems).toEqual([expect.stringMatching(/^mixed\.yaml:10:7 INT004 /)])
    expect(result.intent?.errors).toBe(1)
    expect(result.summary).toMatch(/^mixed\.yaml holds objects and expectations: imported 2 objects from mixed\.yaml and loaded 0 expectations from its intent documents into the Intent tab\. 1 problem: mixed\.yaml:10:7 INT004/)
  })

  it('joins several intent documents (and an added file) into one list, comments kept', () => {
    const joined = joinIntentTexts([INTENT, '# second\nkind: Intent\nexpectations:\n- from: external # the gateway\n  to: "*"\n  expect: deny\n'])
    const parsed = parseIntent(joined)
    expect(parsed.problems).toEqual([])
    expect(parsed.expectations.map((e) => e.expect)).toHaveLength(4)
    expect(joined).toContain('# the gateway')
    expect(joinIntentTexts(['', INTENT])).toBe(INTENT)
    // A text that does not parse is kept as written, never dropped.
    expect(joinIntentTexts(['expectations: [', INTENT])).toContain('expectations: [\n')
    const two = parseSources([{ name: 'two.yaml', text: `${INTENT}---\nkind: Intent\nexpectations:\n- {from: external, to: "*", expect: deny}\n` }])
    expect(two.ok && two.intent?.expectations).toBe(4)
    expect(two.ok && parseIntent(two.intent?.text ?? '').expectations).toHaveLength(4)
  })

  it('importYaml: an intent file changes the expectations only; a mixed one replaces objects (one undo step) and expectations', async () => {
    const store = testStore()
    await store.getState().settled()
    const resources = store.getState().resources
    const steps = store.temporal.getState().pastStates.length
    expect(await store.getState().importYaml([{ name: 'intent.yaml', text: INTENT }], 'replace')).toMatchObject({ ok: true, intent: { expectations: 3 } })
    expect(store.getState().intent).toBe(INTENT)
    expect(store.getState().resources).toBe(resources)
    expect(store.temporal.getState().pastStates).toHaveLength(steps)

    const added = 'kind: Intent\nexpectations:\n- {from: external, to: "*", expect: deny}\n'
    await store.getState().importYaml([{ name: 'The pasted YAML', text: added }], 'add')
    expect(parseIntent(store.getState().intent).expectations).toHaveLength(4)

    const mixed = await store.getState().importYaml([{ name: 'mixed.yaml', text: `${NAMESPACE}---\n${INTENT}` }], 'replace')
    expect(mixed).toMatchObject({ ok: true, summary: expect.stringMatching(/^mixed\.yaml holds objects and expectations: imported 1 object/) })
    expect(store.getState().resources.map(keyOf)).toEqual(['Namespace//extra'])
    expect(parseIntent(store.getState().intent).expectations).toHaveLength(3)
    store.getState().undo()
    expect(store.getState().resources.map(keyOf)).toEqual(resources.map(keyOf))
    await store.getState().settled()
  })

  it('files of objects only import as before', () => {
    const result = parseSources([{ name: 'ns.yaml', text: NAMESPACE }])
    expect(result).toEqual({ ok: true, objects: [expect.objectContaining({ kind: 'Namespace' })], summary: 'Imported 1 object from ns.yaml. Undo brings back the previous design.' })
    expect(parseSources([{ name: 'empty.yaml', text: '# nothing\n' }])).toEqual({ ok: false, message: 'No Kubernetes objects found. Nothing was imported.' })
  })
})
