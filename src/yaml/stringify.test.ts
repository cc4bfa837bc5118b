import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../engine/types'
import { parseManifests } from './parse'
import { stringifyManifests, toKubectlApplyBlock } from './stringify'

const MESH_POLICY: KubeObject = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default' }, spec: { peers: [{ mtls: {} }] } }
const DESTINATION_RULE: KubeObject = {
  apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'default', namespace: 'default' },
  spec: { host: '*.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } },
}

describe('stringifyManifests', () => {
  it('writes the seed layout: 2-space indent, list items flush with their key, `---` between documents', () => {
    expect(stringifyManifests([MESH_POLICY, DESTINATION_RULE])).toBe([
      'apiVersion: authentication.istio.io/v1alpha1',
      'kind: MeshPolicy',
      'metadata:',
      '  name: default',
      'spec:',
      '  peers:',
      '  - mtls: {}',
      '---',
      'apiVersion: networking.istio.io/v1alpha3',
      'kind: DestinationRule',
      'metadata:',
      '  name: default',
      '  namespace: default',
      'spec:',
      '  host: "*.local"',
      '  trafficPolicy:',
      '    tls:',
      '      mode: ISTIO_MUTUAL',
      '',
    ].join('\n'))
  })

  it('keeps the key order given', () => {
    const text = stringifyManifests([{ metadata: { name: 'x' }, kind: 'Namespace', apiVersion: 'v1' }])
    expect(text).toBe('metadata:\n  name: x\nkind: Namespace\napiVersion: v1\n')
  })

  it('quotes strings only when a YAML 1.1 reader would misread them', () => {
    const text = stringifyManifests([{ kind: 'X', metadata: { name: 'x', labels: { a: 'yes', b: 'on', c: '8000', d: 'v1', e: 'http' } } }])
    expect(text).toContain('a: "yes"\n')
    expect(text).toContain('b: "on"\n')
    expect(text).toContain('c: "8000"\n')
    expect(text).toContain('d: v1\n')
    expect(text).toContain('e: http\n')
  })

  it('never folds long lines', () => {
    const uri = `https://example.com/${'a'.repeat(200)}/jwks.json`
    expect(stringifyManifests([{ kind: 'X', metadata: { name: 'x' }, spec: { jwksUri: uri } }])).toContain(`jwksUri: ${uri}\n`)
  })

  it('round-trips through parseManifests', () => {
    const objects = [MESH_POLICY, DESTINATION_RULE, { kind: 'X', metadata: { name: 'x' }, spec: { a: 'yes', b: null, c: [1, '2'], d: 'multi\nline' } }]
    expect(parseManifests(stringifyManifests(objects)).objects).toEqual(objects)
  })

  it('writes nothing for no objects', () => {
    expect(stringifyManifests([])).toBe('')
  })
})

describe('toKubectlApplyBlock', () => {
  it('wraps the YAML in the seed here-document', () => {
    expect(toKubectlApplyBlock([MESH_POLICY])).toBe(`cat <<EOF | kubectl apply -f -\n${stringifyManifests([MESH_POLICY])}EOF\n`)
  })

  it('adds -n when a namespace is given', () => {
    expect(toKubectlApplyBlock([MESH_POLICY], 'bar').split('\n')[0]).toBe('cat <<EOF | kubectl apply -n bar -f -')
  })

  it('quotes the delimiter when the shell would expand the text', () => {
    const block = toKubectlApplyBlock([{ kind: 'X', metadata: { name: 'x' }, spec: { regex: '^/api$' } }])
    expect(block.split('\n')[0]).toBe("cat <<'EOF' | kubectl apply -f -")
  })
})
