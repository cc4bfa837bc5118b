import { describe, expect, it } from 'vitest'
import { parseManifests } from './parse'
import { moveBlockOut } from './moveBlockOut'

const SPEC_IN_METADATA = `apiVersion: authentication.istio.io/v1alpha1
kind: MeshPolicy
metadata:
  name: default
  spec:
    peers:
    - mtls: {}
`

describe('moveBlockOut', () => {
  it('moves `spec:` typed at the indentation of `name:` out of metadata, children and all', () => {
    const move = moveBlockOut(SPEC_IN_METADATA, 5)
    expect(move?.text).toBe(`apiVersion: authentication.istio.io/v1alpha1
kind: MeshPolicy
metadata:
  name: default
spec:
  peers:
  - mtls: {}
`)
    expect(move?.key).toBe('spec')
    expect(move?.line).toBe(5)
    expect(move?.edit).toEqual({ startLine: 5, endLine: 7, text: 'spec:\n  peers:\n  - mtls: {}' })
    const [object] = parseManifests(move?.text ?? '').objects
    expect(object?.metadata).toEqual({ name: 'default' })
    expect(object?.spec).toEqual({ peers: [{ mtls: {} }] })
  })

  it('keeps the rest of metadata in metadata when the block comes first, and the next document untouched', () => {
    const text = `kind: Policy
metadata:
  spec:
    # keep this comment
    peers: [{ mtls: {} }]

  name: default
  namespace: foo
---
kind: Policy
metadata:
  name: other
`
    const move = moveBlockOut(text, 3)
    expect(move?.text).toBe(`kind: Policy
metadata:
  name: default
  namespace: foo
spec:
  # keep this comment
  peers: [{ mtls: {} }]

---
kind: Policy
metadata:
  name: other
`)
    expect(move?.line).toBe(5)
    const objects = parseManifests(move?.text ?? '').objects
    expect(objects.map((o) => o.metadata)).toEqual([{ name: 'default', namespace: 'foo' }, { name: 'other' }])
  })

  it('works in a list item (`kind: List`) and keeps Windows line ends', () => {
    const text = ['kind: List', 'items:', '- kind: Policy', '  metadata:', '    name: default', '    spec:', '      peers:', '      - mtls: {}', '- kind: Service', '  metadata:', '    name: s'].join('\r\n')
    const move = moveBlockOut(text, 6)
    expect(move?.text).toBe(['kind: List', 'items:', '- kind: Policy', '  metadata:', '    name: default', '  spec:', '    peers:', '    - mtls: {}', '- kind: Service', '  metadata:', '    name: s'].join('\r\n'))
  })

  it('moves only keys that have a parent: a top-level key, a list item or a blank line give nothing', () => {
    expect(moveBlockOut(SPEC_IN_METADATA, 1)).toBeUndefined()
    expect(moveBlockOut(SPEC_IN_METADATA, 7)).toBeUndefined()
    expect(moveBlockOut(SPEC_IN_METADATA, 8)).toBeUndefined()
    expect(moveBlockOut('---\n  spec: {}\n', 2)).toBeUndefined()
  })
})
