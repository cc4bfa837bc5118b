import { describe, expect, it } from 'vitest'
import { objectRefs } from './StepText'

describe('object references in explanation steps', () => {
  it('finds the objects a modern step names, as resource keys', () => {
    const text = 'AuthorizationPolicy foo/jwt-example-httpbin (DENY) rules[0] matches; PeerAuthentication istio-system/default sets STRICT; DestinationRule foo/httpbin (host x)'
    expect(objectRefs(text).map((r) => [r.key, text.slice(r.start, r.end)])).toEqual([
      ['AuthorizationPolicy/foo/jwt-example-httpbin', 'AuthorizationPolicy foo/jwt-example-httpbin'],
      ['PeerAuthentication/istio-system/default', 'PeerAuthentication istio-system/default'],
      ['DestinationRule/foo/httpbin', 'DestinationRule foo/httpbin'],
    ])
  })

  it('leaves text without references alone', () => {
    expect(objectRefs('port protocol HTTP (port name http)')).toEqual([])
  })
})
