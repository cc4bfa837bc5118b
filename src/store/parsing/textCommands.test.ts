import { describe, expect, it } from 'vitest'
import { keyOf } from '../keys'
import { codeAt, testStore } from '../testing'
import { parseInThread, type ParseAnswer, type ParserPort, type ParseRequest } from './parserPort'

/** A parser port the test answers by hand, in any order: what a worker does, minus the thread. */
function fakePort() {
  const requests: { request: ParseRequest; answer(): void; drop(): void }[] = []
  const port: ParserPort = {
    parse: (request) =>
      new Promise<ParseAnswer | undefined>((resolve) => {
        requests.push({ request, answer: () => resolve(parseInThread(request)), drop: () => resolve(undefined) })
      }),
  }
  return { port, requests }
}

/** Texts from this many characters go to the port (the real threshold is measured, see parserPort.ts). */
const THRESHOLD = 400

const policy = (namespace: string) => `apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata:
  name: default
  namespace: ${namespace}
spec:
  peers:
  - mtls: {}
`

/** Policies for foo and bar, padded with a comment to pass the threshold. */
const BIG_FOO_BAR = `# ${'x'.repeat(THRESHOLD)}\n${policy('foo')}---\n${policy('bar')}`

async function storeWithPort() {
  const fake = fakePort()
  const store = testStore({ parser: fake.port, parseThreshold: THRESHOLD })
  await store.getState().settled()
  return { store, ...fake }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('Parsing a big text off the main thread', () => {
  it('parses a text under the threshold in the edit itself: no port, no parsing state', async () => {
    const { store, requests } = await storeWithPort()
    store.getState().editYaml('istio', policy('foo'))
    expect(requests).toHaveLength(0)
    expect(store.getState().parsing).toEqual({})
    expect(store.getState().resources.map(keyOf)).toContain('Policy/foo/default')
  })

  it('sends a text at the threshold to the port, says so, and keeps the last good model until the answer', async () => {
    const { store, requests } = await storeWithPort()
    const before = store.getState()
    store.getState().editYaml('istio', BIG_FOO_BAR)
    expect(requests.map((r) => r.request)).toEqual([{ kind: 'tab', text: BIG_FOO_BAR, file: 'istio.yaml' }])
    const waiting = store.getState()
    expect(waiting.parsing).toEqual({ istio: BIG_FOO_BAR.length })
    // Resources, model, grid and the store's text are the last good ones (the editor shows the new text).
    expect(waiting.yaml).toBe(before.yaml)
    expect(waiting.resources).toBe(before.resources)
    expect(waiting.model).toBe(before.model)
    expect(waiting.gridState.grid).toBe(before.gridState.grid)

    requests[0]?.answer()
    await store.getState().settled()
    const after = store.getState()
    expect(after.parsing).toEqual({})
    expect(after.resources.map(keyOf)).toEqual(expect.arrayContaining(['Policy/foo/default', 'Policy/bar/default']))
    expect(codeAt(after.gridState.grid, 'sleep.legacy', 'httpbin.foo:8000')).toBe('000/56')
    // One edit, one undo step.
    store.getState().undo()
    expect(store.getState().resources).toEqual(before.resources)
  })

  it('drops a stale answer: an older text answered first is not applied, the newest text wins', async () => {
    const { store, requests } = await storeWithPort()
    const onlyFoo = `# ${'y'.repeat(THRESHOLD)}\n${policy('foo')}`
    store.getState().editYaml('istio', BIG_FOO_BAR)
    store.getState().editYaml('istio', onlyFoo)
    expect(requests).toHaveLength(2)
    const before = store.getState().resources
    // The older answer first: nothing is applied, the status is the newer text's.
    requests[0]?.answer()
    await flush()
    expect(store.getState().resources).toBe(before)
    expect(store.getState().parsing).toEqual({ istio: onlyFoo.length })
    requests[1]?.answer()
    await store.getState().settled()
    const keys = store.getState().resources.map(keyOf)
    expect(keys).toContain('Policy/foo/default')
    expect(keys).not.toContain('Policy/bar/default')
    expect(store.getState().yaml.istio).toBe(onlyFoo)
    expect(store.getState().parsing).toEqual({})
  })

  it('drops an answer when a small edit came after it, and keeps the status only while the newest parse runs', async () => {
    const { store, requests } = await storeWithPort()
    store.getState().editYaml('istio', BIG_FOO_BAR)
    store.getState().editYaml('istio', policy('bar'))
    expect(store.getState().parsing).toEqual({})
    requests[0]?.answer()
    await store.getState().settled()
    const keys = store.getState().resources.map(keyOf)
    expect(keys).toContain('Policy/bar/default')
    expect(keys).not.toContain('Policy/foo/default')
  })

  it('drops an answer for a text the tab no longer holds (an inspector edit rewrote the tab first)', async () => {
    const { store, requests } = await storeWithPort()
    store.getState().editYaml('istio', BIG_FOO_BAR)
    const baz = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'baz' }, spec: { peers: [{ mtls: {} }] } }
    store.getState().upsertResource(baz, 'inspector')
    const edited = store.getState().resources
    requests[0]?.answer()
    await store.getState().settled()
    expect(store.getState().resources).toBe(edited)
    expect(store.getState().resources.map(keyOf)).not.toContain('Policy/foo/default')
    expect(store.getState().parsing).toEqual({})
  })

  it('maps the errors of a worker-parsed text to their line and column, and keeps the last good resources', async () => {
    const { store, requests } = await storeWithPort()
    const before = store.getState().resources
    // Line 11 (after the padding line, a policy and `---`) starts with `@`, which no YAML key may.
    const broken = `# ${'z'.repeat(THRESHOLD)}\n${policy('foo')}---\n@kind: Policy\n`
    store.getState().editYaml('istio', broken)
    requests[0]?.answer()
    await store.getState().settled()
    const state = store.getState()
    expect(state.resources).toBe(before)
    expect(state.yamlBroken.istio).toBe(true)
    const error = state.problems.find((p) => p.tab === 'istio' && p.severity === 'error')
    expect(error).toMatchObject({ tab: 'istio', line: 11, column: 1 })
    expect(error?.code).toMatch(/^YAML\d{3}$/)
  })

  it('imports a big paste through the port with parsing.import set, as one undo step', async () => {
    const { store, requests } = await storeWithPort()
    const before = store.getState().resources
    const outcome = store.getState().importYaml([{ name: 'The pasted YAML', text: BIG_FOO_BAR }], 'add')
    await flush()
    expect(store.getState().parsing).toEqual({ import: BIG_FOO_BAR.length })
    expect(requests.map((r) => r.request.kind)).toEqual(['import'])
    requests[0]?.answer()
    expect(await outcome).toMatchObject({ ok: true, summary: expect.stringMatching(/^Imported 2 objects from the pasted YAML\./) })
    expect(store.getState().parsing).toEqual({})
    expect(store.getState().resources.map(keyOf)).toEqual([...before.map(keyOf), 'Policy/foo/default', 'Policy/bar/default'])
    store.getState().undo()
    expect(store.getState().resources).toEqual(before)
  })

  it('refuses an import whose text does not parse, with the line, and changes nothing', async () => {
    const { store, requests } = await storeWithPort()
    const before = store.getState().resources
    const outcome = store.getState().importYaml([{ name: 'big.yaml', text: `# ${'z'.repeat(THRESHOLD)}\n@kind: Policy\n` }], 'replace')
    await flush()
    requests[0]?.answer()
    expect(await outcome).toMatchObject({ ok: false, message: expect.stringMatching(/^big\.yaml, line 2: .*Nothing was imported\.$/) })
    expect(store.getState().resources).toBe(before)
  })

  it('imports a small paste without the port', async () => {
    const { store, requests } = await storeWithPort()
    const outcome = await store.getState().importYaml([{ name: 'The pasted YAML', text: policy('foo') }], 'replace')
    expect(outcome.ok).toBe(true)
    expect(requests).toHaveLength(0)
    expect(store.getState().resources.map(keyOf)).toEqual(['Policy/foo/default'])
  })
})

describe('Importing an application whose every workload serves a port', () => {
  const app = (name: string) => `apiVersion: v1
kind: Service
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {app: ${name}}
  ports: [{name: http, port: 9080}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: ${name}, image: x, ports: [{containerPort: 9080}]}]
`

  it('shows all workloads as rows (rule 25) when the task view would show none, and says so', async () => {
    const store = testStore({ parser: null })
    await store.getState().settled()
    const outcome = await store.getState().importYaml([{ name: 'shop.yaml', text: `${app('productpage')}---\n${app('reviews')}` }], 'replace')
    expect(outcome).toMatchObject({ ok: true, summary: expect.stringContaining('the grid shows all workloads as rows') })
    expect(store.getState().view).toEqual({ rows: { mode: 'all' }, columns: { mode: 'all' } })
    await store.getState().settled()
    expect(store.getState().gridState.grid?.rows.map((r) => r.label)).toEqual(['productpage.shop', 'reviews.shop'])
  })

  it('keeps the task view when the design has clients without ports', async () => {
    const store = testStore({ parser: null })
    await store.getState().settled()
    const view = store.getState().view
    const client = `apiVersion: apps/v1
kind: Deployment
metadata: {name: sleep, namespace: shop}
spec:
  selector: {matchLabels: {app: sleep}}
  template:
    metadata: {labels: {app: sleep}}
    spec:
      containers: [{name: sleep, image: curl}]
`
    const outcome = await store.getState().importYaml([{ name: 'shop.yaml', text: `${app('reviews')}---\n${client}` }], 'replace')
    expect(outcome).toMatchObject({ ok: true, summary: expect.not.stringContaining('all workloads as rows') })
    expect(store.getState().view).toBe(view)
  })
})
