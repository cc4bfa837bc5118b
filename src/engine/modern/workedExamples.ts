/**
 * Section 14 of istio-semantics-modern.md as data: each step's objects (per profile where the docs'
 * text differs), the requests it sends and the codes its tables print. Replayed through the engine
 * (workedExamples.test.ts) and through the CLI (src/cli/modern.test.ts). Cells as section 14 writes
 * them: `f->F` = sleep.foo -> httpbin.foo:8000, `ext` = external -> ingress; `56` = 000 + exit 56.
 */
import { atLeast, httpbinTargetPort } from '../profile'
import type { IstioProfile, KubeObject, RequestProfile } from '../types'
import { modernTaskWorkloads } from '../../scenarios/modern/taskWorkloads'
import { ISTIO_DEMO_JWT } from '../jwt/samples'
import { ap, dr, HTTPBIN, ingressTo, NOW, pa, ra, SAMPLE_JWKS_URI, sampleToken, strict } from './fixtures'

/** What a token stands for; the runner signs it (sample key) at request time. */
export type TokenKind = 'none' | 'demo' | 'deadbeef' | 'invalidToken' | 'expire5' | 'groups' | 'expired-long'

export interface ExampleRequest {
  token?: TokenKind
  path?: string
  method?: string
  headers?: Record<string, string>
  /** Seconds after NOW (loops). */
  at?: number
  expect: Record<string, string>
}

export interface ExampleStep {
  id: string
  section: '14.1' | '14.2' | '14.3'
  title: string
  profiles: IstioProfile[]
  objects: (profile: IstioProfile) => KubeObject[]
  workloads?: (profile: IstioProfile) => KubeObject[]
  requests: ExampleRequest[]
}

const ALL_200 = { 'f->F': '200', 'f->B': '200', 'f->L': '200', 'b->F': '200', 'b->B': '200', 'b->L': '200', 'l->F': '200', 'l->B': '200', 'l->L': '200' }
const grid = (changes: Record<string, string>) => ({ ...ALL_200, ...changes })

const E1 = [strict('istio-system')]
const E2 = [...E1, dr('default', 'default', '*.local', { tls: { mode: 'ISTIO_MUTUAL' } })]
const E3 = [...E2, dr('default', 'httpbin-legacy', 'httpbin.legacy.svc.cluster.local', { tls: { mode: 'DISABLE' } })]
const E4 = [...E3, dr('default', 'api-server', 'kubernetes.default.svc.cluster.local', { tls: { mode: 'DISABLE' } })]
const E6 = [strict('foo'), dr('foo', 'default', '*.foo.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' } })]
const E7 = [...E6, pa('bar', 'httpbin-httpbin', { selector: HTTPBIN, mtls: { mode: 'STRICT' } }), dr('bar', 'httpbin', 'httpbin.bar.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' } })]
const E8 = [
  ...E6,
  pa('bar', 'httpbin-httpbin', { selector: HTTPBIN, portLevelMtls: { 1234: { mode: 'STRICT' } } }),
  dr('bar', 'httpbin', 'httpbin.bar.svc.cluster.local', { tls: { mode: 'DISABLE' }, portLevelSettings: [{ port: { number: 1234 }, tls: { mode: 'ISTIO_MUTUAL' } }] }),
]
const E9 = [...E8, pa('foo', 'overwrite-example-httpbin', { selector: HTTPBIN, mtls: { mode: 'PERMISSIVE' } }), dr('foo', 'overwrite-example', 'httpbin.foo.svc.cluster.local', { tls: { mode: 'DISABLE' } })]
const E12 = [
  ...ingressTo('foo'),
  pa('foo', 'jwt-example-httpbin', { selector: HTTPBIN, mtls: { mode: 'PERMISSIVE' } }),
  ra('foo', 'jwt-example-httpbin', { selector: HTTPBIN, jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: SAMPLE_JWKS_URI, forwardOriginalToken: true }] }),
  ap('foo', 'jwt-example-httpbin', { selector: HTTPBIN, action: 'DENY', rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }] }] }),
]
const E13 = [
  ...E12.filter((o) => o.kind !== 'PeerAuthentication'),
  pa('foo', 'jwt-example-httpbin', { selector: HTTPBIN, mtls: { mode: 'STRICT' } }),
  dr('foo', 'httpbin', 'httpbin.foo.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' } }),
]

const MODERN = ['1.5', '1.12', '1.30'] as IstioProfile[]
const OLD_DOCS = ['1.5', '1.11'] as IstioProfile[]
const NEW_DOCS = ['1.12', '1.20', '1.30'] as IstioProfile[]
const oldDocs = (p: IstioProfile) => !atLeast(p, '1.12')

const D1 = [strict('istio-system')]
const D2 = [strict('foo')]
const D3 = (p: IstioProfile) => [
  ...D2,
  pa('bar', 'httpbin', { selector: HTTPBIN, mtls: { mode: 'STRICT' } }),
  ...(oldDocs(p) ? [dr('bar', 'httpbin', 'httpbin.bar.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' } })] : []),
]
/** D4 as the docs of that version write it: port key = the sample's target port (80, 8080 from the 2023-12 text). */
const D4 = (p: IstioProfile, key = httpbinTargetPort(p), withDr = true) => [
  ...D2,
  pa('bar', 'httpbin', { selector: HTTPBIN, mtls: { mode: 'STRICT' }, portLevelMtls: { [key]: { mode: 'DISABLE' } } }),
  ...(oldDocs(p) && withDr ? [dr('bar', 'httpbin', 'httpbin.bar.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' }, portLevelSettings: [{ port: { number: 8000 }, tls: { mode: 'DISABLE' } }] })] : []),
]
const D5 = (p: IstioProfile, withDr = true) => [
  ...D4(p),
  pa('foo', 'overwrite-example', { selector: HTTPBIN, mtls: { mode: 'DISABLE' } }),
  ...(oldDocs(p) && withDr ? [dr('foo', 'overwrite-example', 'httpbin.foo.svc.cluster.local', { tls: { mode: 'DISABLE' } })] : []),
]
const INGRESS_RA = ra('istio-system', 'jwt-example', { selector: { matchLabels: { istio: 'ingressgateway' } }, jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: SAMPLE_JWKS_URI }] })
const D6 = [...ingressTo('foo'), INGRESS_RA]
const frontendIngress = (to?: object) =>
  ap('istio-system', 'frontend-ingress', { selector: { matchLabels: { istio: 'ingressgateway' } }, action: 'DENY', rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }], ...(to ? { to: [to] } : {}) }] })

/** authz-tcp: a tcp-echo in foo with TCP ports 9000 and 9001. */
function tcpEchoWorkloads(p: IstioProfile): KubeObject[] {
  return [
    ...modernTaskWorkloads(p),
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'tcp-echo', namespace: 'foo' }, spec: { selector: { app: 'tcp-echo' }, ports: [{ name: 'tcp', port: 9000 }, { name: 'tcp-other', port: 9001 }] } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'tcp-echo', namespace: 'foo' },
      spec: { selector: { matchLabels: { app: 'tcp-echo' } }, template: { metadata: { labels: { app: 'tcp-echo' } }, spec: { containers: [{ name: 'tcp-echo', ports: [{ containerPort: 9000 }, { containerPort: 9001 }] }] } } },
    },
  ]
}
const TCP_ECHO = { matchLabels: { app: 'tcp-echo' } }
const tcpPolicy = (action: string, operation: object) => ap('foo', 'tcp-policy', { selector: TCP_ECHO, action, rules: [{ to: [{ operation }] }] })

const JWT_RA = ra('foo', 'jwt-example', { selector: HTTPBIN, jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: SAMPLE_JWKS_URI }] })
const REQUIRE_DEMO = ap('foo', 'require-jwt', { selector: HTTPBIN, action: 'ALLOW', rules: [{ from: [{ source: { requestPrincipals: ['testing@secure.istio.io/testing@secure.istio.io'] } }] }] })
const REQUIRE_GROUP = ap('foo', 'require-jwt', { selector: HTTPBIN, action: 'ALLOW', rules: [{ from: [{ source: { requestPrincipals: ['testing@secure.istio.io/testing@secure.istio.io'] } }], when: [{ key: 'request.auth.claims[groups]', values: ['group1'] }] }] })
const DENY_GET = ap('foo', 'deny-method-get', { selector: HTTPBIN, action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }] }] })
const DENY_GET_NOT_ADMIN = ap('foo', 'deny-method-get', { selector: HTTPBIN, action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }], when: [{ key: 'request.headers[x-token]', notValues: ['admin'] }] }] })
const ALLOW_IP = ap('foo', 'allow-path-ip', { selector: HTTPBIN, action: 'ALLOW', rules: [{ to: [{ operation: { paths: ['/ip'] } }] }] })

const loop = (n: number, step: number, codes: string[]): ExampleRequest[] =>
  Array.from({ length: n }, (_, k) => ({ token: 'expire5' as TokenKind, path: '/headers', at: k * step, expect: { ext: codes[k] as string } }))

export const WORKED_EXAMPLES: ExampleStep[] = [
  // ---- 14.1 the seed scenario in the modern APIs
  { id: 'E0', section: '14.1', title: 'no policy', profiles: MODERN, objects: () => [], requests: [{ expect: ALL_200 }] },
  { id: 'E1', section: '14.1', title: 'mesh STRICT', profiles: MODERN, objects: () => E1, requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56' }) }] },
  { id: 'E2', section: '14.1', title: '+ DR *.local in default (invisible to foo/bar)', profiles: MODERN, objects: () => E2, requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56' }) }] },
  { id: 'E3', section: '14.1', title: '+ DR httpbin-legacy in default', profiles: MODERN, objects: () => E3, requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56' }) }] },
  { id: 'E4', section: '14.1', title: '+ DR api-server in default', profiles: MODERN, objects: () => E4, requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56' }) }] },
  { id: "E2'", section: '14.1', title: 'the 1.1+ docs\' placement: *.local DR in istio-system', profiles: MODERN, objects: () => [...E1, dr('istio-system', 'default', '*.local', { tls: { mode: 'ISTIO_MUTUAL' } })], requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56', 'f->L': '503', 'b->L': '503' }) }] },
  { id: "E3'", section: '14.1', title: '+ httpbin-legacy DR in istio-system', profiles: MODERN, objects: () => [...E1, dr('istio-system', 'default', '*.local', { tls: { mode: 'ISTIO_MUTUAL' } }), dr('istio-system', 'httpbin-legacy', 'httpbin.legacy.svc.cluster.local', { tls: { mode: 'DISABLE' } })], requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56' }) }] },
  { id: 'E5', section: '14.1', title: 'all removed', profiles: MODERN, objects: () => [], requests: [{ expect: ALL_200 }] },
  { id: 'E6', section: '14.1', title: 'namespace foo STRICT + DR foo/default', profiles: MODERN, objects: () => E6, requests: [{ expect: grid({ 'l->F': '56' }) }] },
  { id: 'E7', section: '14.1', title: '+ workload policy on bar/httpbin + DR', profiles: MODERN, objects: () => E7, requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56' }) }] },
  { id: 'E8', section: '14.1', title: 'port-level 1234 only', profiles: MODERN, objects: () => E8, requests: [{ expect: grid({ 'l->F': '56' }) }] },
  { id: 'E9', section: '14.1', title: 'workload PERMISSIVE beats namespace STRICT, exact-host DR DISABLE', profiles: MODERN, objects: () => E9, requests: [{ expect: ALL_200 }] },
  { id: 'E9-variant-dr', section: '14.1', title: 'workload DISABLE with the *.foo ISTIO_MUTUAL DR: 503 in every version', profiles: MODERN, objects: () => [...E6, pa('foo', 'overwrite-example-httpbin', { selector: HTTPBIN, mtls: { mode: 'DISABLE' } })], requests: [{ expect: grid({ 'f->F': '503', 'b->F': '503' }) }] },
  { id: 'E9-variant-no-dr-1.12', section: '14.1', title: 'workload DISABLE, no DR: 200 from 1.12', profiles: ['1.12', '1.30'], objects: () => [strict('foo'), pa('foo', 'overwrite-example-httpbin', { selector: HTTPBIN, mtls: { mode: 'DISABLE' } })], requests: [{ expect: ALL_200 }] },
  { id: 'E9-variant-no-dr-1.5', section: '14.1', title: 'workload DISABLE, no DR: 503 in 1.5-1.11', profiles: ['1.5', '1.11'], objects: () => [strict('foo'), pa('foo', 'overwrite-example-httpbin', { selector: HTTPBIN, mtls: { mode: 'DISABLE' } })], requests: [{ expect: grid({ 'f->F': '503', 'b->F': '503' }) }] },
  { id: 'E11', section: '14.1', title: 'ingress', profiles: MODERN, objects: () => ingressTo('foo'), requests: [{ path: '/headers', expect: { ext: '200' } }] },
  {
    id: 'E12', section: '14.1', title: 'RequestAuthentication + DENY notRequestPrincipals', profiles: MODERN, objects: () => E12,
    requests: [
      { path: '/headers', expect: { ext: '403', 'f->F': '403', 'l->F': '403', 'f->B': '200' } },
      { path: '/headers', token: 'demo', expect: { ext: '200', 'f->F': '200', 'l->F': '200' } },
    ],
  },
  { id: 'E12-loop-1.8', section: '14.1', title: 'gen-jwt --expire 5, 10 requests 1 s apart, no skew', profiles: ['1.5', '1.8'], objects: () => E12, requests: loop(10, 1, ['200', '200', '200', '200', '200', '401', '401', '401', '401', '401']) },
  { id: 'E12-loop-1.9', section: '14.1', title: 'the same loop with 60 s skew: ten 200s', profiles: ['1.9', '1.30'], objects: () => E12, requests: loop(10, 1, Array(10).fill('200') as string[]) },
  {
    id: 'E13', section: '14.1', title: 'PeerAuthentication STRICT + DR foo/httpbin', profiles: MODERN, objects: () => E13,
    requests: [
      { path: '/ip', token: 'demo', expect: grid({ 'l->F': '56' }) },
      { path: '/ip', expect: grid({ 'f->F': '403', 'b->F': '403', 'l->F': '56' }) },
      { path: '/ip', token: 'expired-long', expect: { 'f->F': '401' } },
      { path: '/headers', token: 'demo', expect: { ext: '200' } },
    ],
  },
  // ---- 14.2 the istio.io authn-policy task, 1.5 and later
  { id: 'D0', section: '14.2', title: 'setup', profiles: [...OLD_DOCS, ...NEW_DOCS], objects: () => [], requests: [{ expect: ALL_200 }] },
  { id: 'D1', section: '14.2', title: 'mesh STRICT', profiles: [...OLD_DOCS, ...NEW_DOCS], objects: () => D1, requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56' }) }] },
  { id: 'D2', section: '14.2', title: 'namespace foo STRICT', profiles: [...OLD_DOCS, ...NEW_DOCS], objects: () => D2, requests: [{ expect: grid({ 'l->F': '56' }) }] },
  { id: 'D3', section: '14.2', title: 'workload STRICT on bar/httpbin', profiles: [...OLD_DOCS, ...NEW_DOCS], objects: D3, requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56' }) }] },
  { id: 'D4', section: '14.2', title: 'port-level DISABLE on the workload port', profiles: [...OLD_DOCS, ...NEW_DOCS, '1.21'], objects: (p) => D4(p), requests: [{ expect: grid({ 'l->F': '56' }) }] },
  { id: 'D4-8080-on-1.20', section: '14.2', title: 'the 8080 text on a 1.12-1.20 sample (target 80): l->B stays 56', profiles: ['1.12', '1.20'], objects: (p) => D4(p, 8080), requests: [{ expect: grid({ 'l->F': '56', 'l->B': '56' }) }] },
  { id: 'D4-no-dr-1.5', section: '14.2', title: '1.5-1.11 without the docs\' DR: f->B, b->B 503', profiles: OLD_DOCS, objects: (p) => D4(p, httpbinTargetPort(p), false), requests: [{ expect: grid({ 'l->F': '56', 'f->B': '503', 'b->B': '503' }) }] },
  { id: 'D5', section: '14.2', title: 'workload DISABLE on foo/httpbin beats namespace STRICT', profiles: [...OLD_DOCS, ...NEW_DOCS], objects: (p) => D5(p), requests: [{ expect: ALL_200 }] },
  { id: 'D5-no-dr-1.5', section: '14.2', title: '1.5-1.11 without the DR: f->F, b->F 503', profiles: OLD_DOCS, objects: (p) => D5(p, false), requests: [{ expect: grid({ 'f->F': '503', 'b->F': '503' }) }] },
  {
    id: 'D6', section: '14.2', title: 'RequestAuthentication at the ingress gateway', profiles: [...OLD_DOCS, ...NEW_DOCS], objects: () => D6,
    requests: [{ path: '/headers', expect: { ext: '200' } }, { path: '/headers', token: 'deadbeef', expect: { ext: '401' } }, { path: '/headers', token: 'demo', expect: { ext: '200' } }],
  },
  { id: "D6'-1.5", section: '14.2', title: 'expiring token, v1.5-v1.8 docs (sleep 1)', profiles: ['1.5', '1.8'], objects: () => D6, requests: loop(10, 1, ['200', '200', '200', '200', '200', '401', '401', '401', '401', '401']) },
  { id: "D6'-1.9", section: '14.2', title: 'expiring token, v1.9+ docs (sleep 10)', profiles: ['1.9', '1.30'], objects: () => D6, requests: loop(10, 10, ['200', '200', '200', '200', '200', '200', '200', '401', '401', '401']) },
  { id: 'D7', section: '14.2', title: 'require a token at the gateway', profiles: [...OLD_DOCS, ...NEW_DOCS], objects: () => [...D6, frontendIngress()], requests: [{ path: '/headers', expect: { ext: '403' } }, { path: '/headers', token: 'demo', expect: { ext: '200' } }] },
  { id: 'D8', section: '14.2', title: 'require it on /headers only', profiles: [...OLD_DOCS, ...NEW_DOCS], objects: () => [...D6, frontendIngress({ operation: { paths: ['/headers'] } })], requests: [{ path: '/headers', expect: { ext: '403' } }, { path: '/ip', expect: { ext: '200' } }] },
  // ---- 14.3 other tasks
  { id: 'mtls-migration-0', section: '14.3', title: 'no policy: 6 x 200', profiles: ['1.5', '1.30'], objects: () => [], requests: [{ expect: { 'f->F': '200', 'f->B': '200', 'b->F': '200', 'b->B': '200', 'l->F': '200', 'l->B': '200' } }] },
  { id: 'mtls-migration-1', section: '14.3', title: 'foo STRICT', profiles: ['1.5', '1.30'], objects: () => [strict('foo')], requests: [{ expect: { 'f->F': '200', 'f->B': '200', 'b->F': '200', 'b->B': '200', 'l->F': '56', 'l->B': '200' } }] },
  { id: 'mtls-migration-2', section: '14.3', title: '+ mesh STRICT', profiles: ['1.5', '1.30'], objects: () => [strict('foo'), strict('istio-system')], requests: [{ expect: { 'l->F': '56', 'l->B': '56', 'f->B': '200' } }] },
  { id: 'authz-jwt-1', section: '14.3', title: 'RequestAuthentication: invalid token 401, none 200', profiles: ['1.5', '1.30'], objects: () => [JWT_RA], requests: [{ token: 'invalidToken', expect: { 'f->F': '401' } }, { expect: { 'f->F': '200' } }] },
  { id: 'authz-jwt-2', section: '14.3', title: '+ ALLOW requestPrincipals', profiles: ['1.5', '1.30'], objects: () => [JWT_RA, REQUIRE_DEMO], requests: [{ token: 'demo', expect: { 'f->F': '200' } }, { expect: { 'f->F': '403' } }] },
  { id: 'authz-jwt-3', section: '14.3', title: '+ claim groups = group1', profiles: ['1.5', '1.30'], objects: () => [JWT_RA, REQUIRE_GROUP], requests: [{ token: 'groups', expect: { 'f->F': '200' } }, { token: 'demo', expect: { 'f->F': '403' } }] },
  { id: 'authz-deny-1', section: '14.3', title: 'DENY GET', profiles: ['1.5', '1.30'], objects: () => [DENY_GET], requests: [{ expect: { 'f->F': '403' } }, { method: 'POST', expect: { 'f->F': '200' } }] },
  { id: 'authz-deny-2', section: '14.3', title: 'DENY GET unless x-token admin', profiles: ['1.5', '1.30'], objects: () => [DENY_GET_NOT_ADMIN], requests: [{ headers: { 'x-token': 'admin' }, expect: { 'f->F': '200' } }, { headers: { 'x-token': 'guest' }, expect: { 'f->F': '403' } }] },
  {
    id: 'authz-deny-3', section: '14.3', title: '+ ALLOW /ip', profiles: ['1.5', '1.30'], objects: () => [DENY_GET_NOT_ADMIN, ALLOW_IP],
    requests: [
      { path: '/ip', headers: { 'x-token': 'guest' }, expect: { 'f->F': '403' } },
      { path: '/ip', headers: { 'x-token': 'admin' }, expect: { 'f->F': '200' } },
      { path: '/get', headers: { 'x-token': 'admin' }, expect: { 'f->F': '403' } },
    ],
  },
  { id: 'authz-http-1', section: '14.3', title: 'allow-nothing in a namespace', profiles: ['1.5', '1.30'], objects: () => [ap('foo', 'allow-nothing', {})], requests: [{ expect: { 'f->F': '403', 'l->F': '403', 'f->B': '200' } }] },
  { id: 'authz-http-2', section: '14.3', title: 'ALLOW by principal works only over mTLS', profiles: ['1.5', '1.30'], objects: () => [ap('foo', 'allow-nothing', {}), ap('foo', 'from-sleep-foo', { selector: HTTPBIN, rules: [{ from: [{ source: { principals: ['cluster.local/ns/foo/sa/sleep', 'cluster.local/ns/legacy/sa/sleep'] } }] }] })], requests: [{ expect: { 'f->F': '200', 'b->F': '403', 'l->F': '403' } }] },
  { id: 'authz-tcp-1', section: '14.3', title: 'ALLOW ports 9000, 9001', profiles: ['1.6', '1.30'], workloads: tcpEchoWorkloads, objects: () => [tcpPolicy('ALLOW', { ports: ['9000', '9001'] })], requests: [{ expect: { 'f->F:9000': '200', 'f->F:9001': '200' } }] },
  { id: 'authz-tcp-2', section: '14.3', title: 'ALLOW {methods GET, ports 9000}: the rule is dropped on TCP', profiles: ['1.6', '1.30'], workloads: tcpEchoWorkloads, objects: () => [tcpPolicy('ALLOW', { methods: ['GET'], ports: ['9000'] })], requests: [{ expect: { 'f->F:9000': '52', 'f->F:9001': '52', 'l->F:9000': '52' } }] },
  { id: 'authz-tcp-3', section: '14.3', title: 'DENY {methods GET}: every TCP connection is denied', profiles: ['1.6', '1.30'], workloads: tcpEchoWorkloads, objects: () => [tcpPolicy('DENY', { methods: ['GET'] })], requests: [{ expect: { 'f->F:9000': '52', 'f->F:9001': '52' } }] },
  { id: 'authz-tcp-4', section: '14.3', title: 'DENY {methods GET, ports 9000}: only 9000', profiles: ['1.6', '1.30'], workloads: tcpEchoWorkloads, objects: () => [tcpPolicy('DENY', { methods: ['GET'], ports: ['9000'] })], requests: [{ expect: { 'f->F:9000': '52', 'f->F:9001': '200' } }] },
]

export const EXAMPLE_NOW = NOW

/** The token a request of section 14 sends (signed with Istio's sample key where it is generated). */
export async function tokenFor(kind: TokenKind | undefined): Promise<string | undefined> {
  switch (kind) {
    case undefined:
    case 'none':
      return undefined
    case 'demo':
      return ISTIO_DEMO_JWT
    case 'deadbeef':
    case 'invalidToken':
      return kind
    case 'expire5':
      return sampleToken({ now: NOW, expireSeconds: 5 })
    case 'expired-long':
      return sampleToken({ now: NOW - 105, expireSeconds: 5 })
    case 'groups':
      return sampleToken({ claims: { groups: ['group1', 'group2'], scope: ['scope1', 'scope2'] } })
  }
}

