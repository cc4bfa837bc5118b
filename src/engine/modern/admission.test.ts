/**
 * M35-M38 (istio-semantics-modern.md section 9): admission of the security.istio.io kinds per profile,
 * with the coded finding at the field's path. Every case names its rule and, where a breakpoint decides,
 * runs on both sides of it.
 */
import { describe, expect, it } from 'vitest'
import { jsonSchemaForManifests } from '../admission'
import { ISTIO_SAMPLE_JWKS } from '../jwt/samples'
import type { IstioProfile, KubeObject } from '../types'
import { admitCodes, ap, dr, HTTPBIN, pa, ra } from './fixtures'

interface AdmissionCase {
  rule: string
  title: string
  profile: IstioProfile
  object: KubeObject
  accepted: boolean
  code?: string
  path?: string
  message?: RegExp
}

const JWT = { issuer: 'testing@secure.istio.io', jwksUri: 'https://example.com/jwks.json' }
const INLINE = JSON.stringify(ISTIO_SAMPLE_JWKS)

const CASES: AdmissionCase[] = [
  // M35: schema level
  { rule: 'M35', title: 'PeerAuthentication v1beta1 is served from 1.5', profile: '1.5', object: pa('foo', 'p', { mtls: { mode: 'STRICT' } }), accepted: true },
  { rule: 'M35', title: 'PeerAuthentication does not exist in 1.1', profile: '1.1', object: pa('foo', 'p', { mtls: { mode: 'STRICT' } }), accepted: false, code: 'IST0170', path: 'kind', message: /arrived in Istio 1.5/ },
  { rule: 'M35', title: 'PeerAuthentication security.istio.io/v1 is not served in 1.21', profile: '1.21', object: pa('foo', 'p', {}, undefined, 'v1'), accepted: false, code: 'IST0106', path: 'apiVersion' },
  { rule: 'M35', title: 'PeerAuthentication security.istio.io/v1 is served from 1.22', profile: '1.22', object: pa('foo', 'p', {}, undefined, 'v1'), accepted: true },
  { rule: 'M35', title: 'AuthorizationPolicy v1 is not served in 1.16', profile: '1.16', object: ap('foo', 'a', {}, undefined, 'v1'), accepted: false, code: 'IST0106', path: 'apiVersion' },
  { rule: 'M35', title: 'AuthorizationPolicy v1 is served from 1.17', profile: '1.17', object: ap('foo', 'a', {}, undefined, 'v1'), accepted: true },
  { rule: 'M35', title: 'RequestAuthentication v1 is served from 1.17', profile: '1.17', object: ra('foo', 'r', { jwtRules: [JWT] }, undefined, 'v1'), accepted: true },
  { rule: 'M35', title: 'v1alpha1 Policy is gone from 1.6', profile: '1.6', object: { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'foo' }, spec: {} }, accepted: false, code: 'IST0170', message: /removed in Istio 1.6/ },
  { rule: 'M35', title: 'v1alpha1 Policy is still honoured in 1.5', profile: '1.5', object: { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'foo' }, spec: {} }, accepted: true },
  { rule: 'M35', title: 'DestinationRule networking v1 from 1.22', profile: '1.22', object: { ...dr('foo', 'd', 'httpbin'), apiVersion: 'networking.istio.io/v1' }, accepted: true },
  { rule: 'M35', title: 'DestinationRule networking v1 not in 1.21', profile: '1.21', object: { ...dr('foo', 'd', 'httpbin'), apiVersion: 'networking.istio.io/v1' }, accepted: false, code: 'IST0106' },
  { rule: 'M35', title: 'a mis-cased field (mTLS) is unknown', profile: '1.30', object: pa('foo', 'p', { mTLS: { mode: 'STRICT' } }), accepted: false, code: 'IST0101', path: 'spec.mTLS' },
  { rule: 'M35', title: 'snake_case is accepted (jwt_rules)', profile: '1.30', object: ra('foo', 'r', { jwt_rules: [JWT] }), accepted: true },
  { rule: 'M35', title: 'fromCookies is unknown in 1.20', profile: '1.20', object: ra('foo', 'r', { jwtRules: [{ ...JWT, fromCookies: ['s'] }] }), accepted: false, code: 'IST0101', path: 'spec.jwtRules.0.fromCookies', message: /available from Istio 1.21/ },
  { rule: 'M35', title: 'fromCookies exists from 1.21', profile: '1.21', object: ra('foo', 'r', { jwtRules: [{ ...JWT, fromCookies: ['s'] }] }), accepted: true },
  { rule: 'M35', title: 'serviceAccounts is unknown in 1.24', profile: '1.24', object: ap('foo', 'a', { rules: [{ from: [{ source: { serviceAccounts: ['bar/sleep'] } }] }] }), accepted: false, code: 'IST0101' },
  { rule: 'M35', title: 'serviceAccounts exists from 1.25', profile: '1.25', object: ap('foo', 'a', { rules: [{ from: [{ source: { serviceAccounts: ['bar/sleep'] } }] }] }), accepted: true },
  { rule: 'M35', title: 'trustDomains is unknown in 1.29', profile: '1.29', object: ap('foo', 'a', { rules: [{ from: [{ source: { trustDomains: ['cluster.local'] } }] }] }), accepted: false, code: 'IST0101' },
  { rule: 'M35', title: 'trustDomains exists in 1.30', profile: '1.30', object: ap('foo', 'a', { rules: [{ from: [{ source: { trustDomains: ['cluster.local'] } }] }] }), accepted: true },
  { rule: 'M35', title: 'remoteIpBlocks is unknown in 1.7', profile: '1.7', object: ap('foo', 'a', { rules: [{ from: [{ source: { remoteIpBlocks: ['1.2.3.4'] } }] }] }), accepted: false, code: 'IST0101' },
  { rule: 'M35', title: 'action AUDIT is not a value in 1.7', profile: '1.7', object: ap('foo', 'a', { action: 'AUDIT', rules: [{}] }), accepted: false, code: 'IST0195', path: 'spec.action' },
  { rule: 'M35', title: 'action AUDIT exists from 1.8', profile: '1.8', object: ap('foo', 'a', { action: 'AUDIT', rules: [{}] }), accepted: true },
  { rule: 'M35', title: 'mtls.mode enum', profile: '1.30', object: pa('foo', 'p', { mtls: { mode: 'strict' } }), accepted: false, code: 'IST0103', path: 'spec.mtls.mode' },
  { rule: 'M35', title: 'jwks and jwksUri together (CEL, 1.23+)', profile: '1.23', object: ra('foo', 'r', { jwtRules: [{ ...JWT, jwks: INLINE }] }), accepted: false, code: 'IST0182', message: /only one of jwks or jwksUri/ },
  { rule: 'M35', title: 'jwks and jwksUri together are accepted before 1.23', profile: '1.22', object: ra('foo', 'r', { jwtRules: [{ ...JWT, jwks: INLINE }] }), accepted: true },
  // M36: PeerAuthentication
  { rule: 'M36', title: 'portLevelMtls without selector', profile: '1.22', object: pa('foo', 'p', { portLevelMtls: { 8080: { mode: 'DISABLE' } } }), accepted: false, code: 'IST0171', path: 'spec.portLevelMtls', message: /mesh\/namespace peer authentication cannot have port level mTLS/ },
  { rule: 'M36', title: 'portLevelMtls without selector (1.23+ CEL message)', profile: '1.23', object: pa('foo', 'p', { portLevelMtls: { 8080: { mode: 'DISABLE' } } }), accepted: false, code: 'IST0171', message: /portLevelMtls requires selector/ },
  { rule: 'M36', title: 'empty portLevelMtls', profile: '1.30', object: pa('foo', 'p', { selector: HTTPBIN, portLevelMtls: {} }), accepted: false, code: 'IST0171', message: /at least one element/ },
  { rule: 'M36', title: 'port 0', profile: '1.30', object: pa('foo', 'p', { selector: HTTPBIN, portLevelMtls: { 0: { mode: 'DISABLE' } } }), accepted: false, code: 'IST0171', path: 'spec.portLevelMtls.0' },
  { rule: 'M36', title: 'wildcard in a selector', profile: '1.30', object: pa('foo', 'p', { selector: { matchLabels: { app: 'http*' } } }), accepted: false, code: 'IST0172', path: 'spec.selector.matchLabels.app' },
  { rule: 'M36', title: 'a selector policy in the root namespace is accepted (and noted as without effect)', profile: '1.30', object: pa('istio-system', 'p', { selector: HTTPBIN, mtls: { mode: 'STRICT' } }), accepted: true, code: 'IST0174' },
  { rule: 'M36', title: 'selector without labels: warning', profile: '1.30', object: pa('foo', 'p', { selector: {} }), accepted: true, code: 'IST0173' },
  // M37: RequestAuthentication
  { rule: 'M37', title: '1.26: issuer must be set', profile: '1.26', object: ra('foo', 'r', { jwtRules: [{ jwksUri: JWT.jwksUri }] }), accepted: false, code: 'IST0180', path: 'spec.jwtRules.0.issuer', message: /issuer must be set/ },
  { rule: 'M37', title: '1.27: issuer optional when jwksUri is set', profile: '1.27', object: ra('foo', 'r', { jwtRules: [{ jwksUri: JWT.jwksUri }] }), accepted: true },
  { rule: 'M37', title: '1.27: issuer or jwksUri', profile: '1.27', object: ra('foo', 'r', { jwtRules: [{ audiences: ['a'] }] }), accepted: false, code: 'IST0180', message: /issuer or jwksUri must be non-empty string/ },
  { rule: 'M37', title: 'jwksUri scheme', profile: '1.30', object: ra('foo', 'r', { jwtRules: [{ ...JWT, jwksUri: 'ftp://keys' }] }), accepted: false, code: 'IST0182', path: 'spec.jwtRules.0.jwksUri', message: /URI scheme "ftp" is not supported/ },
  { rule: 'M37', title: 'empty audience', profile: '1.30', object: ra('foo', 'r', { jwtRules: [{ ...JWT, audiences: [''] }] }), accepted: false, code: 'IST0181', path: 'spec.jwtRules.0.audiences.0' },
  { rule: 'M37', title: 'empty header name', profile: '1.30', object: ra('foo', 'r', { jwtRules: [{ ...JWT, fromHeaders: [{ prefix: 'Bearer ' }] }] }), accepted: false, code: 'IST0181', path: 'spec.jwtRules.0.fromHeaders.0.name' },
  { rule: 'M37', title: '1.11+: jwks must parse', profile: '1.11', object: ra('foo', 'r', { jwtRules: [{ issuer: 'i', jwks: '{nope' }] }), accepted: false, code: 'IST0182', message: /jwks parse error/ },
  { rule: 'M37', title: 'targetRefs with selector (1.22+)', profile: '1.22', object: ra('foo', 'r', { selector: HTTPBIN, targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'g' }], jwtRules: [JWT] }), accepted: false, code: 'IST0183' },
  // M38: AuthorizationPolicy
  { rule: 'M38', title: '1.9+: DENY without rules', profile: '1.9', object: ap('foo', 'a', { action: 'DENY' }), accepted: false, code: 'IST0190', path: 'spec', message: /DENY action without `rules` is meaningless/ },
  { rule: 'M38', title: '1.8: DENY without rules (older message)', profile: '1.8', object: ap('foo', 'a', { action: 'DENY' }), accepted: false, code: 'IST0190', message: /a deny policy without `rules` is meaningless and has no effect, found in a.foo/ },
  { rule: 'M38', title: 'ALLOW without rules is allow-nothing, accepted', profile: '1.30', object: ap('foo', 'a', {}), accepted: true },
  { rule: 'M38', title: 'CUSTOM needs provider.name', profile: '1.30', object: ap('foo', 'a', { action: 'CUSTOM', rules: [{}] }), accepted: false, code: 'IST0191', message: /`provider.name` must not be empty/ },
  { rule: 'M38', title: 'CUSTOM may not use principals', profile: '1.30', object: ap('foo', 'a', { action: 'CUSTOM', provider: { name: 'x' }, rules: [{ from: [{ source: { principals: ['a'] } }] }] }), accepted: false, code: 'IST0191', path: 'spec.rules.0.from.0.source.principals', message: /From.Principals is currently not supported with CUSTOM action/ },
  { rule: 'M38', title: 'provider with ALLOW', profile: '1.30', object: ap('foo', 'a', { provider: { name: 'x' }, rules: [{}] }), accepted: false, code: 'IST0191', message: /must not be with non CUSTOM action, found ALLOW/ },
  { rule: 'M38', title: 'empty from list', profile: '1.30', object: ap('foo', 'a', { rules: [{ from: [] }] }), accepted: false, code: 'IST0192', path: 'spec.rules.0.from', message: /`from` must not be empty, found at rule 0/ },
  { rule: 'M38', title: 'empty source', profile: '1.30', object: ap('foo', 'a', { rules: [{ from: [{ source: {} }] }] }), accepted: false, code: 'IST0192', message: /`from.source` must not be empty/ },
  { rule: 'M38', title: 'empty value', profile: '1.30', object: ap('foo', 'a', { rules: [{ to: [{ operation: { paths: [''] } }] }] }), accepted: false, code: 'IST0193', path: 'spec.rules.0.to.0.operation.paths.0', message: /empty value not allowed, found in Paths/ },
  { rule: 'M38', title: 'bad CIDR', profile: '1.30', object: ap('foo', 'a', { rules: [{ from: [{ source: { ipBlocks: ['10.0.0.0/40'] } }] }] }), accepted: false, code: 'IST0193', message: /bad CIDR range/ },
  { rule: 'M38', title: 'bad port', profile: '1.30', object: ap('foo', 'a', { rules: [{ to: [{ operation: { ports: ['http'] } }] }] }), accepted: false, code: 'IST0193', message: /bad port/ },
  { rule: 'M38', title: 'unknown when key (every action)', profile: '1.30', object: ap('foo', 'a', { rules: [{ when: [{ key: 'request.method', values: ['GET'] }] }] }), accepted: false, code: 'IST0194', path: 'spec.rules.0.when.0.key', message: /unknown attribute: request.method/ },
  { rule: 'M38', title: 'destination.namespace is replaced', profile: '1.30', object: ap('foo', 'a', { rules: [{ when: [{ key: 'destination.namespace', values: ['foo'] }] }] }), accepted: false, code: 'IST0194', message: /replaced by the metadata.namespace/ },
  { rule: 'M38', title: 'when without values', profile: '1.30', object: ap('foo', 'a', { rules: [{ when: [{ key: 'source.ip' }] }] }), accepted: false, code: 'IST0194', message: /at least one of `values` or `notValues`/ },
  { rule: 'M38', title: 'remote.ip is unknown before 1.8', profile: '1.6', object: ap('foo', 'a', { rules: [{ when: [{ key: 'remote.ip', values: ['1.2.3.4'] }] }] }), accepted: false, code: 'IST0194' },
  { rule: 'M38', title: 'serviceAccounts without wildcards, not with namespaces', profile: '1.25', object: ap('foo', 'a', { rules: [{ from: [{ source: { serviceAccounts: ['bar/*'] } }] }] }), accepted: false, code: 'IST0193', message: /wildcard not allowed, found in ServiceAccounts/ },
  { rule: 'M38', title: 'serviceAccounts with namespaces', profile: '1.25', object: ap('foo', 'a', { rules: [{ from: [{ source: { serviceAccounts: ['bar/sleep'], namespaces: ['bar'] } }] }] }), accepted: false, code: 'IST0193', message: /cannot set serviceAccounts with namespaces or principals/ },
  { rule: 'M38', title: 'path templates are invalid before 1.22', profile: '1.21', object: ap('foo', 'a', { rules: [{ to: [{ operation: { paths: ['/api/{*}/x'] } }] }] }), accepted: false, code: 'IST0193' },
  { rule: 'M38', title: 'path templates from 1.22', profile: '1.22', object: ap('foo', 'a', { rules: [{ to: [{ operation: { paths: ['/api/{*}/x/{**}'] } }] }] }), accepted: true },
  { rule: 'M38', title: '1.17+: DENY with only HTTP attributes is warned about', profile: '1.17', object: ap('foo', 'a', { action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }] }] }), accepted: true, code: 'IST0196' },
  { rule: 'M38', title: 'not validated: principals without the trust domain are accepted', profile: '1.30', object: ap('foo', 'a', { rules: [{ from: [{ source: { principals: ['sleep'] } }] }] }), accepted: true },
]

describe('modern admission M35-M38 (istio-semantics-modern.md section 9)', () => {
  it.each(CASES.map((c) => [`${c.rule} (${c.profile}): ${c.title}`, c] as const))('%s', (_name, c) => {
    const result = admitCodes(c.profile, c.object)
    expect(result.accepted).toBe(c.accepted)
    if (c.code) {
      const i = result.codes.indexOf(c.code)
      expect(result.codes).toContain(c.code)
      if (c.path) expect(result.paths[i]).toBe(c.path)
      if (c.message) expect(result.messages[i]).toMatch(c.message)
    } else expect(result.codes.filter((code) => code !== 'K8S100' && code !== 'IST0174')).toEqual([])
  })

  it('JSON Schemas per profile: fields of later releases are absent, the security kinds only from 1.5', () => {
    const s130 = JSON.stringify(jsonSchemaForManifests('1.30'))
    const s120 = JSON.stringify(jsonSchemaForManifests('1.20'))
    expect(s130).toContain('fromCookies')
    expect(s120).not.toContain('fromCookies')
    expect(s130).toContain('trustDomains')
    expect(JSON.stringify(jsonSchemaForManifests('1.1'))).not.toContain('"const":"PeerAuthentication"')
    expect(JSON.stringify(jsonSchemaForManifests('1.5'))).toContain('"const":"PeerAuthentication"')
    expect(JSON.stringify(jsonSchemaForManifests('1.5'))).toContain('"const":"MeshPolicy"')
    expect(JSON.stringify(jsonSchemaForManifests('1.6'))).not.toContain('"const":"MeshPolicy"')
    const schema = jsonSchemaForManifests('1.21') as { allOf: { if: { properties: { kind: { const: string } } }; then: { properties: { apiVersion: { enum: string[] } } } }[] }
    const paBranch = schema.allOf.find((b) => b.if.properties.kind?.const === 'PeerAuthentication')
    expect(paBranch?.then.properties.apiVersion.enum).toEqual(['security.istio.io/v1beta1'])
  })
})
