import { describe, expect, it } from 'vitest'
import { keyOf } from './keys'
import { codes, testStore } from './testing'

/** A MeshPolicy whose `spec:` was typed at the indentation of `name:` (it parses into metadata). */
const SPEC_IN_METADATA = `apiVersion: authentication.istio.io/v1alpha1
kind: MeshPolicy
metadata:
  name: default
  spec:
    peers:
    - mtls: {}
`

describe('The K8S107 quick fix', () => {
  it('is offered on the misplaced line, and applying it is one store command and one undo step', async () => {
    const store = testStore()
    await store.getState().settled()
    const seedGrid = codes(store.getState().gridState.grid)
    store.getState().editYaml('istio', SPEC_IN_METADATA)
    await store.getState().settled()
    const problem = store.getState().problems.find((p) => p.code === 'K8S107')
    expect(problem).toMatchObject({ tab: 'istio', line: 5, fix: { title: 'Move `spec:` out of metadata' } })
    // The MeshPolicy is rejected: the grid is still the seed's.
    expect(codes(store.getState().gridState.grid)).toEqual(seedGrid)
    const steps = store.temporal.getState().pastStates.length

    expect(store.getState().applyQuickFix('istio', 5)).toBe(true)
    await store.getState().settled()
    const { yaml, problems, resources, gridState } = store.getState()
    expect(yaml.istio).toContain('metadata:\n  name: default\nspec:\n  peers:\n  - mtls: {}')
    expect(problems.filter((p) => p.code === 'K8S107')).toEqual([])
    expect(resources.find((o) => keyOf(o) === 'MeshPolicy//default')?.spec).toEqual({ peers: [{ mtls: {} }] })
    // Mesh-wide STRICT without DestinationRules: sleep.foo's plaintext to httpbin.foo is refused.
    expect(codes(gridState.grid)).not.toEqual(seedGrid)
    expect(store.temporal.getState().pastStates).toHaveLength(steps + 1)

    store.getState().undo()
    await store.getState().settled()
    expect(store.getState().problems.some((p) => p.code === 'K8S107')).toBe(true)
    expect(store.getState().resources.find((o) => keyOf(o) === 'MeshPolicy//default')?.metadata).toHaveProperty('spec')
    expect(codes(store.getState().gridState.grid)).toEqual(seedGrid)
  })

  it('is not offered for an unknown metadata field that is not a top-level one, and does nothing on a line without a fix', async () => {
    const store = testStore()
    await store.getState().settled()
    store.getState().editYaml('istio', SPEC_IN_METADATA.replace('  spec:', '  labelz:'))
    const problem = store.getState().problems.find((p) => p.code === 'K8S107')
    expect(problem?.line).toBe(5)
    expect(problem?.fix).toBeUndefined()
    const before = store.getState().yaml.istio
    expect(store.getState().applyQuickFix('istio', 5)).toBe(false)
    expect(store.getState().applyQuickFix('istio', 2)).toBe(false)
    expect(store.getState().yaml.istio).toBe(before)
  })
})
