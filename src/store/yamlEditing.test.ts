import { describe, expect, it } from 'vitest'
import { keyOf } from './keys'
import { codeAt, testStore } from './testing'

const STRICT_FOO = `apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata:
  name: default
  namespace: foo
spec:
  peers:
  - mtls: {}
`

async function openStore() {
  const store = testStore()
  await store.getState().settled()
  return store
}

describe('Typing valid YAML in a tab', () => {
  it('replaces that tab’s resources and keeps the text exactly as typed', async () => {
    const store = await openStore()
    const typed = `# my policy\n${STRICT_FOO}`
    const workloadsBefore = store.getState().yaml.workloads
    store.getState().editYaml('istio', typed)
    const state = store.getState()
    expect(state.yaml.istio).toBe(typed)
    expect(state.yaml.workloads).toBe(workloadsBefore)
    expect(state.lastOrigin).toBe('yaml')
    expect(state.yamlBroken.istio).toBe(false)
    expect(state.resources.map(keyOf).at(-1)).toBe('Policy/foo/default')
    await state.settled()
    expect(codeAt(store.getState().gridState.grid, 'sleep.legacy', 'httpbin.foo:8000')).toBe('000/56')
  })

  it('keeps the other tab’s objects in place and appends new ones', async () => {
    const store = await openStore()
    const before = store.getState().resources
    const text = store.getState().yaml.workloads.replace('name: legacy', 'name: legacy\n  labels:\n    team: old')
    store.getState().editYaml('workloads', `${text}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\n  namespace: foo\n`)
    const after = store.getState().resources
    expect(after.slice(0, before.length).map(keyOf)).toEqual(before.map(keyOf))
    expect(after.map(keyOf).at(-1)).toBe('ConfigMap/foo/extra')
    // Objects whose text did not change keep their identity.
    expect(after[0]).toBe(before[0])
    expect(after[2]).not.toBe(before[2])
    await store.getState().settled()
  })

  it('does not record a step when only comments change', async () => {
    const store = await openStore()
    const steps = store.temporal.getState().pastStates.length
    store.getState().editYaml('workloads', `# a comment\n${store.getState().yaml.workloads}`)
    expect(store.temporal.getState().pastStates.length).toBe(steps)
    expect(store.getState().yaml.workloads.startsWith('# a comment')).toBe(true)
  })
})

describe('Typing broken YAML', () => {
  it('keeps the last model and reports the problem on the line of the error', async () => {
    const store = await openStore()
    store.getState().editYaml('istio', STRICT_FOO)
    await store.getState().settled()
    const model = store.getState().model
    const resources = store.getState().resources
    const broken = STRICT_FOO.replace('  - mtls: {}', '  - mtls: {}\n  bad: "unterminated')
    store.getState().editYaml('istio', broken)
    const state = store.getState()
    expect(state.yamlBroken.istio).toBe(true)
    expect(state.yaml.istio).toBe(broken)
    expect(state.model).toBe(model)
    expect(state.resources).toBe(resources)
    const problem = state.problems.find((p) => p.tab === 'istio' && p.severity === 'error')
    expect(problem?.code).toMatch(/^YAML/)
    expect(problem?.line).toBe(9)
  })

  it('applies the text again once it parses', async () => {
    const store = await openStore()
    store.getState().editYaml('istio', 'kind: Policy\nmetadata: {name: "x')
    expect(store.getState().yamlBroken.istio).toBe(true)
    store.getState().editYaml('istio', STRICT_FOO)
    expect(store.getState().yamlBroken.istio).toBe(false)
    expect(store.getState().problems).toEqual([])
    expect(store.getState().resources.map(keyOf)).toContain('Policy/foo/default')
    await store.getState().settled()
  })

  it('keeps the broken text when the canvas changes the other tab', async () => {
    const store = await openStore()
    store.getState().editYaml('istio', 'kind: Policy\nmetadata: {name: "x')
    store.getState().deleteResource('Namespace//legacy', 'canvas')
    expect(store.getState().yaml.istio).toBe('kind: Policy\nmetadata: {name: "x')
    expect(store.getState().yamlBroken.istio).toBe(true)
    expect(store.getState().yaml.workloads).not.toContain('name: legacy\n')
    await store.getState().settled()
  })
})

describe('Problems of the model', () => {
  it('are placed on the line of the field they are about', async () => {
    const store = await openStore()
    const text = STRICT_FOO.replace('  - mtls: {}', '  - mTLS: {}')
    store.getState().editYaml('istio', text)
    const problem = store.getState().problems.find((p) => p.resource === 'Policy/foo/default')
    expect(problem).toMatchObject({ tab: 'istio', line: 8 })
    await store.getState().settled()
  })

  it('follow the object after the canvas regenerates the text', async () => {
    const store = await openStore()
    store.getState().editYaml('istio', `# one\n# two\n# three\n${STRICT_FOO.replace('  - mtls: {}', '  - mTLS: {}')}`)
    store.getState().upsertResource({ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'bar' } }, 'canvas')
    expect(store.getState().yaml.istio.startsWith('#')).toBe(false)
    const problem = store.getState().problems.find((p) => p.resource === 'Policy/foo/default')
    const line = store.getState().yaml.istio.split('\n').findIndex((l) => l.includes('mTLS')) + 1
    expect(problem?.line).toBe(line)
    await store.getState().settled()
  })
})
