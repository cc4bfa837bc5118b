import { describe, expect, it } from 'vitest'
import { buildModel, type KubeObject } from '../../../engine'
import { seedWorkloads } from '../../../scenarios/seed'
import { conditionSuggestions, designSuggestions } from './suggestions'

const requestAuthn: KubeObject = {
  apiVersion: 'security.istio.io/v1',
  kind: 'RequestAuthentication',
  metadata: { name: 'httpbin', namespace: 'foo' },
  spec: { selector: { matchLabels: { app: 'httpbin' } }, jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: 'https://example.com/jwks.json' }] },
}

describe('completion taken from the design', () => {
  const resources = [...seedWorkloads(), requestAuthn]
  const s = designSuggestions(resources, buildModel(resources, { profile: '1.30', r11: 'documented' }), { path: '/ip', headers: {} })

  it('offers the identities, namespaces and request principals the design has', () => {
    expect(s.principals).toContain('cluster.local/ns/bar/sa/default')
    expect(s.namespaces).toEqual(expect.arrayContaining(['foo', 'bar', 'legacy']))
    expect(s.namespaces).not.toContain('istio-system')
    expect(s.requestPrincipals).toEqual(['*', 'testing@secure.istio.io/*', 'testing@secure.istio.io/testing@secure.istio.io'])
    expect(s.paths[0]).toBe('/ip')
    expect(s.methods).toContain('GET')
  })

  it('a when key gets the values of its counterpart field; a header has none', () => {
    expect(conditionSuggestions('source.namespace', s)).toBe(s.namespaces)
    expect(conditionSuggestions('source.principal', s)).toBe(s.principals)
    expect(conditionSuggestions('request.auth.principal', s)).toBe(s.requestPrincipals)
    expect(conditionSuggestions('request.headers[x-token]', s)).toEqual([])
  })
})
