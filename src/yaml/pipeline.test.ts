/**
 * Text -> objects -> admission -> text positions, as the store will chain them. This is the one test
 * that joins yaml/ and engine/ (the layers themselves never import each other).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { admit } from '../engine/admission'
import { locate } from './locate'
import { parseManifests } from './parse'

const WITH_TYPO = [
  'apiVersion: "authentication.istio.io/v1alpha1"', // 1
  'kind: "Policy"', //                                 2
  'metadata:', //                                      3
  '  name: "httpbin"', //                              4
  'spec:', //                                          5
  '  targets:', //                                     6
  '  - name: httpbin', //                              7
  '  peers:', //                                       8
  '  - mTLS: {}', //                                   9
  '',
].join('\n')

describe('Parsing, admission and line mapping together', () => {
  it('puts the `mTLS` finding on line 9, under the key', () => {
    const parsed = parseManifests(WITH_TYPO)
    const result = admit(parsed.objects, { profile: '1.0', defaultNamespace: 'bar' })
    const finding = result.diagnostics[0]!
    expect(finding).toMatchObject({ code: 'IST0101', resource: 'Policy/bar/httpbin', index: 0 })
    const source = parsed.sources[finding.index!]!
    expect(locate(source, finding.path!)).toEqual({ line: 9, column: 5, endLine: 9, endColumn: 9, exact: true })
  })

  it('maps a rule finding on a snake_case field back to its line', () => {
    const text = 'apiVersion: authentication.istio.io/v1alpha1\nkind: MeshPolicy\nmetadata:\n  name: default\nspec:\n  origins:\n  - jwt:\n      issuer: a\n      jwks_uri: ftp://keys\n'
    const parsed = parseManifests(text)
    const finding = admit(parsed.objects, { profile: '1.0' }).diagnostics[0]!
    expect(finding.code).toBe('IST0122')
    expect(locate(parsed.sources[0]!, finding.path!)).toMatchObject({ line: 9, exact: true })
  })

  it('admits the Istio sample manifests of both releases', () => {
    for (const name of ['httpbin-1.0.0.yaml', 'httpbin-1.1.0.yaml', 'sleep-1.0.0.yaml', 'sleep-1.1.0.yaml']) {
      const parsed = parseManifests(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), name)
      const result = admit(parsed.objects, { profile: '1.1', defaultNamespace: 'foo' })
      expect(result.diagnostics, name).toEqual([])
      expect(result.accepted).toHaveLength(parsed.objects.length)
    }
  })
})
