import { describe, expect, it } from 'vitest'
import { seedWorkloads } from '../scenarios/seed'
import { exportAllYaml, exportIstioYaml, exportKubectlApply, importYamlText } from './io'
import { keyOf } from './keys'

const POLICY = { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'foo' }, spec: { peers: [{ mtls: {} }] } }

describe('Importing YAML', () => {
  it('reads a multi-document file and keeps kinds it does not model', () => {
    const text = 'kind: Namespace\nmetadata: {name: foo}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: foo}\n'
    const { objects, problems } = importYamlText(text, 'mine.yaml')
    expect(objects.map(keyOf)).toEqual(['Namespace//foo', 'ConfigMap/foo/c'])
    expect(problems).toEqual([])
  })

  it('reads the items of a kind: List', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- kind: Namespace\n  metadata: {name: a}\n- kind: Namespace\n  metadata: {name: b}\n'
    expect(importYamlText(text, 'list.yaml').objects.map(keyOf)).toEqual(['Namespace//a', 'Namespace//b'])
  })

  it('reports a broken document with its file and line and keeps the others', () => {
    const { objects, problems } = importYamlText('kind: Namespace\nmetadata: {name: ok}\n---\nkind: [\n', 'bad.yaml')
    expect(objects).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'bad.yaml', line: 4, severity: 'error' })
  })
})

describe('Exporting', () => {
  const state = { resources: [POLICY, ...seedWorkloads()] }

  it('writes only Istio objects for the Istio file', () => {
    expect(importYamlText(exportIstioYaml(state), 'x').objects.map(keyOf)).toEqual(['Policy/foo/default'])
  })

  it('writes workloads before Istio objects so namespaces exist first', () => {
    const keys = importYamlText(exportAllYaml(state), 'x').objects.map(keyOf)
    expect(keys[0]).toBe('Namespace//foo')
    expect(keys.at(-1)).toBe('Policy/foo/default')
  })

  it('writes one kubectl apply here-document', () => {
    const block = exportKubectlApply(state)
    // Issue 8: always quoted, so `$` in the YAML survives the shell.
    expect(block.startsWith("cat <<'EOF' | kubectl apply -f -\n")).toBe(true)
    expect(block.endsWith('\nEOF\n')).toBe(true)
    expect(exportKubectlApply({ resources: [] })).toBe('')
  })
})

describe('Export never writes what the cluster owns', () => {
  it('drops server-populated fields typed into the design, and Secrets', () => {
    const typed = { ...POLICY, metadata: { ...POLICY.metadata, uid: 'u', resourceVersion: '7', managedFields: [] }, status: {} }
    const text = exportAllYaml({ resources: [typed, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'foo' } }] })
    expect(text).not.toMatch(/uid|resourceVersion|managedFields|status|Secret/)
    expect(text).toContain('kind: Policy')
  })
})
