import { describe, expect, it } from 'vitest'
import { locate } from './locate'
import { parseManifests } from './parse'

const TEXT = [
  'apiVersion: authentication.istio.io/v1alpha1', // 1
  'kind: Policy', //                                 2
  'metadata:', //                                    3
  '  name: jwt-example', //                          4
  'spec:', //                                        5
  '  targets:', //                                   6
  '  - name: httpbin', //                            7
  '  peers:', //                                     8
  '  - mtls:', //                                    9
  '  origins:', //                                  10
  '  - jwt:', //                                    11
  '      issuer: "testing@secure.istio.io"', //     12
  '      jwks_uri: "https://example.com/jwks.json"', // 13
  '',
].join('\n')

const source = parseManifests(TEXT).sources[0]!

describe('locate', () => {
  it('points at the key of a map entry by default', () => {
    expect(locate(source, ['spec', 'origins', 0, 'jwt', 'issuer'])).toEqual({ line: 12, column: 7, endLine: 12, endColumn: 13, exact: true })
  })

  it('points at the value when asked', () => {
    expect(locate(source, ['spec', 'origins', 0, 'jwt', 'issuer'], 'value')).toEqual({ line: 12, column: 15, endLine: 12, endColumn: 40, exact: true })
  })

  it('points at the first line of a list item', () => {
    expect(locate(source, ['spec', 'targets', 0])).toEqual({ line: 7, column: 5, endLine: 7, endColumn: 18, exact: true })
  })

  it('points at the key of an entry with an empty value (`mtls:`)', () => {
    expect(locate(source, ['spec', 'peers', 0, 'mtls'], 'value')).toMatchObject({ line: 9, column: 5, exact: true })
  })

  it('finds snake_case keys as written', () => {
    expect(locate(source, ['spec', 'origins', 0, 'jwt', 'jwks_uri'])).toMatchObject({ line: 13, exact: true })
  })

  it('falls back to the nearest ancestor that exists', () => {
    expect(locate(source, ['spec', 'targets', 0, 'ports', 0, 'number'])).toEqual({ line: 7, column: 5, endLine: 7, endColumn: 18, exact: false })
    expect(locate(source, ['metadata', 'namespace'])).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 9, exact: false })
  })

  it('falls back to the first line of the object for a path outside it', () => {
    expect(locate(source, ['status'])).toMatchObject({ line: 1, exact: false })
  })

  it('locates inside a List item relative to the item', () => {
    const list = parseManifests('kind: List\nitems:\n- kind: Namespace\n  metadata:\n    name: foo\n')
    expect(locate(list.sources[0]!, ['metadata', 'name'])).toMatchObject({ line: 5, column: 5, exact: true })
  })
})
