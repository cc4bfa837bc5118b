/**
 * One table-driven case (or a few) per rule of istio-semantics-modern.md (M1-M39, M43), each citing its
 * rule, on both sides of every breakpoint the rule depends on. Cells: `f->F` = sleep.foo ->
 * httpbin.foo:8000; `56` = 000 with exit 56. Workloads: the task's foo/bar (injected) and legacy.
 * M40/M41 (migration mapping) belong to the designer (issue 11); admission rules M35-M38 are in
 * admission.test.ts next to this file.
 */
import { describe, expect, it } from 'vitest'
import { ISTIO_DEMO_JWT } from '../jwt/samples'
import type { IstioProfile, KubeObject } from '../types'
import { modernTaskWorkloads } from '../../scenarios/modern/taskWorkloads'
import { ap, dr, HTTPBIN, ingressTo, NOW, pa, ra, runGrid, sampleRa, sampleToken, strict, type RunOptions } from './fixtures'

const BEARER = (t: string) => ({ Authorization: `Bearer ${t}` })

interface Case {
  rule: string
  title: string
  profile: IstioProfile
  objects: KubeObject[] | (() => Promise<KubeObject[]>)
  run?: RunOptions | (() => Promise<RunOptions>)
  expect: Record<string, string>
  /** The rule that decided a cell, e.g. { 'l->F': 'M12' }. */
  decidedBy?: Record<string, string>
  /** A step of a cell's explanation must mention this rule with this text. */
  explains?: [cell: string, rule: string, text: RegExp]
}

/** Pods of httpbin.<ns> with extra template labels (M6). */
function withHttpbinLabels(profile: IstioProfile, ns: string, labels: Record<string, string>): KubeObject[] {
  return modernTaskWorkloads(profile).map((o) => {
    if (o.kind !== 'Deployment' || o.metadata.name !== 'httpbin' || o.metadata.namespace !== ns) return o
    const spec = structuredClone(o.spec) as { template: { metadata: { labels: Record<string, string> } } }
    Object.assign(spec.template.metadata.labels, labels)
    return { ...o, spec }
  })
}

/** httpbin.<ns>'s Service port renamed (M14: `tcp` makes it a TCP port; '' unnamed). */
function withHttpbinPort(profile: IstioProfile, ns: string, port: Record<string, unknown>): KubeObject[] {
  return modernTaskWorkloads(profile).map((o) => {
    if (o.kind !== 'Service' || o.metadata.name !== 'httpbin' || o.metadata.namespace !== ns) return o
    const spec = structuredClone(o.spec) as { ports: Record<string, unknown>[] }
    spec.ports = [{ ...spec.ports[0], ...port }]
    if (port.name === undefined) delete spec.ports[0]?.name
    return { ...o, spec }
  })
}

const denyGetNotAdmin = ap('foo', 'deny-method-get', { selector: HTTPBIN, action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }], when: [{ key: 'request.headers[x-token]', notValues: ['admin'] }] }] })

const CASES: Case[] = [
  // ---- PeerAuthentication (section 2)
  { rule: 'M1', title: 'a root-namespace policy without selector is mesh-wide', profile: '1.30', objects: [strict('istio-system')], expect: { 'l->F': '56', 'l->B': '56', 'l->L': '200', 'f->F': '200' }, decidedBy: { 'l->F': 'M12' }, explains: ['l->F', 'M1', /mesh level: PeerAuthentication istio-system\/default \(STRICT\)/] },
  { rule: 'M1', title: 'a selector policy in the root namespace is ignored', profile: '1.30', objects: [pa('istio-system', 'root-sel', { selector: HTTPBIN, mtls: { mode: 'STRICT' } })], expect: { 'l->F': '200', 'l->B': '200' }, explains: ['l->F', 'M1', /root namespace istio-system: ignored/] },
  { rule: 'M1', title: 'a namespace policy applies to its namespace only', profile: '1.5', objects: [strict('foo', 'any-name')], expect: { 'l->F': '56', 'l->B': '200' } },
  { rule: 'M1', title: 'a workload policy applies to the pods it selects', profile: '1.6', objects: [pa('bar', 'httpbin', { selector: HTTPBIN, mtls: { mode: 'STRICT' } })], expect: { 'l->B': '56', 'l->F': '200' } },
  { rule: 'M2', title: 'two namespace policies: the oldest wins whole (older STRICT)', profile: '1.22', objects: [pa('foo', 'b-newer', { mtls: { mode: 'PERMISSIVE' } }, { creationTimestamp: '2024-01-02T00:00:00Z' }), pa('foo', 'a-older', { mtls: { mode: 'STRICT' } }, { creationTimestamp: '2024-01-01T00:00:00Z' })], expect: { 'l->F': '56' }, explains: ['l->F', 'M2', /b-newer also apply at the namespace level and are ignored whole/] },
  { rule: 'M2', title: 'two namespace policies: the oldest wins whole (older PERMISSIVE)', profile: '1.22', objects: [pa('foo', 'b-newer', { mtls: { mode: 'STRICT' } }, { creationTimestamp: '2024-01-02T00:00:00Z' }), pa('foo', 'a-older', { mtls: { mode: 'PERMISSIVE' } }, { creationTimestamp: '2024-01-01T00:00:00Z' })], expect: { 'l->F': '200' } },
  { rule: 'M2', title: 'a younger workload policy\'s portLevelMtls is ignored, nothing is merged', profile: '1.30', objects: [pa('bar', 'old', { selector: HTTPBIN, mtls: { mode: 'STRICT' } }, { creationTimestamp: '2024-01-01T00:00:00Z' }), pa('bar', 'young', { selector: HTTPBIN, portLevelMtls: { 8080: { mode: 'DISABLE' } } }, { creationTimestamp: '2024-02-01T00:00:00Z' })], expect: { 'l->B': '56' } },
  { rule: 'M3', title: 'UNSET at the namespace level inherits the mesh STRICT', profile: '1.12', objects: [strict('istio-system'), pa('foo', 'default', { mtls: { mode: 'UNSET' } })], expect: { 'l->F': '56' } },
  { rule: 'M3', title: 'a mesh policy without mtls is PERMISSIVE; no policy at all is PERMISSIVE', profile: '1.12', objects: [pa('istio-system', 'default', {})], expect: { 'l->F': '200', 'f->F': '200', 'l->L': '200' } },
  { rule: 'M3', title: 'the workload level beats the namespace level', profile: '1.12', objects: [strict('foo'), pa('foo', 'wl', { selector: HTTPBIN, mtls: { mode: 'PERMISSIVE' } })], expect: { 'l->F': '200' } },
  { rule: 'M4', title: 'portLevelMtls keys are workload ports: 80 in the 1.20 sample', profile: '1.20', objects: [pa('bar', 'httpbin', { selector: HTTPBIN, mtls: { mode: 'STRICT' }, portLevelMtls: { 80: { mode: 'DISABLE' } } })], expect: { 'l->B': '200', 'f->B': '200' } },
  { rule: 'M4', title: 'a key naming the Service port 8000 does not affect curl httpbin:8000 (1.20)', profile: '1.20', objects: [pa('bar', 'httpbin', { selector: HTTPBIN, mtls: { mode: 'STRICT' }, portLevelMtls: { 8000: { mode: 'DISABLE' } } })], expect: { 'l->B': '56' } },
  { rule: 'M4', title: '1.21 sample: target port 8080, the 80 key no longer matches', profile: '1.21', objects: [pa('bar', 'httpbin', { selector: HTTPBIN, mtls: { mode: 'STRICT' }, portLevelMtls: { 80: { mode: 'DISABLE' } } })], expect: { 'l->B': '56' } },
  { rule: 'M4', title: '1.21 sample: the 8080 key matches', profile: '1.21', objects: [pa('bar', 'httpbin', { selector: HTTPBIN, mtls: { mode: 'STRICT' }, portLevelMtls: { 8080: { mode: 'DISABLE' } } })], expect: { 'l->B': '200' }, explains: ['l->B', 'M4', /portLevelMtls\[8080\] sets DISABLE/] },
  { rule: 'M5', title: 'DISABLE accepts plaintext only: explicit ISTIO_MUTUAL gets 503', profile: '1.30', objects: [pa('foo', 'default', { mtls: { mode: 'DISABLE' } }), dr('bar', 'to-foo', 'httpbin.foo.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' } })], expect: { 'b->F': '503', 'l->F': '200', 'f->F': '200' } },
  { rule: 'M5', title: 'PERMISSIVE accepts plaintext and mutual TLS', profile: '1.30', objects: [pa('foo', 'default', { mtls: { mode: 'PERMISSIVE' } }), dr('bar', 'to-foo', 'httpbin.foo.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' } })], expect: { 'b->F': '200', 'l->F': '200' } },
  { rule: 'M6', title: 'a workload without sidecar enforces nothing', profile: '1.30', objects: [ap('legacy', 'deny-all', { action: 'DENY', rules: [{}] }), strict('legacy')], expect: { 'l->L': '200', 'f->L': '200' } },
  { rule: 'M6', title: 'auto mTLS follows the tlsMode label: a sidecar pod labelled disabled gets plaintext (503 under STRICT)', profile: '1.30', objects: [strict('foo')], run: { workloads: withHttpbinLabels('1.30', 'foo', { 'security.istio.io/tlsMode': 'disabled' }) }, expect: { 'b->F': '503' }, decidedBy: { 'b->F': 'M12' } },
  // ---- Client side (section 3)
  { rule: 'M7', title: 'a sidecar-less client ignores DestinationRules', profile: '1.30', objects: [dr('legacy', 'mtls', '*.local', { tls: { mode: 'ISTIO_MUTUAL' } })], expect: { 'l->F': '200', 'l->L': '200' } },
  { rule: 'M8', title: 'a DR in namespace default is invisible to foo/bar clients (seed E2)', profile: '1.30', objects: [strict('istio-system'), dr('default', 'default', '*.local', { tls: { mode: 'ISTIO_MUTUAL' } })], expect: { 'f->L': '200', 'b->L': '200' } },
  { rule: 'M8', title: 'the same DR in the root namespace is seen by everyone (E2\')', profile: '1.30', objects: [strict('istio-system'), dr('istio-system', 'default', '*.local', { tls: { mode: 'ISTIO_MUTUAL' } })], expect: { 'f->L': '503', 'b->L': '503', 'f->F': '200' } },
  { rule: 'M9', title: 'a DR without tls hands over to auto mTLS (not plaintext as in 1.1)', profile: '1.30', objects: [strict('istio-system'), dr('foo', 'lb-only', 'httpbin.foo.svc.cluster.local', { loadBalancer: { simple: 'ROUND_ROBIN' } })], expect: { 'f->F': '200', 'b->F': '200' }, explains: ['f->F', 'M10', /sets no tls: auto mTLS decides/] },
  { rule: 'M9', title: 'a port-level entry for the Service port replaces the top level', profile: '1.30', objects: [strict('bar'), dr('bar', 'httpbin', 'httpbin.bar.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' }, portLevelSettings: [{ port: { number: 8000 }, tls: { mode: 'DISABLE' } }] })], expect: { 'f->B': '503', 'b->B': '503' } },
  { rule: 'M10', title: 'auto mTLS on by default: sidecars talk mTLS under STRICT without a DR', profile: '1.5', objects: [strict('istio-system')], expect: { 'f->F': '200', 'f->L': '200' } },
  { rule: 'M10', title: 'enableAutoMtls false: plaintext from sidecars, 503 under STRICT', profile: '1.6', objects: [strict('foo')], run: { options: { enableAutoMtls: false } }, expect: { 'b->F': '503', 'b->B': '200' } },
  { rule: 'M10', title: '1.11: a workload DISABLE under namespace STRICT still gets mTLS (503)', profile: '1.11', objects: [strict('foo'), pa('foo', 'wl', { selector: HTTPBIN, mtls: { mode: 'DISABLE' } })], expect: { 'b->F': '503', 'f->F': '503', 'l->F': '200' } },
  { rule: 'M10', title: '1.12: auto mTLS reads the workload DISABLE and sends plaintext (200)', profile: '1.12', objects: [strict('foo'), pa('foo', 'wl', { selector: HTTPBIN, mtls: { mode: 'DISABLE' } })], expect: { 'b->F': '200', 'f->F': '200', 'l->F': '200' }, explains: ['b->F', 'M10', /step 4/] },
  { rule: 'M10', title: 'a namespace DISABLE makes clients send plaintext even to a STRICT workload (503)', profile: '1.30', objects: [pa('foo', 'default', { mtls: { mode: 'DISABLE' } }), pa('foo', 'wl', { selector: HTTPBIN, mtls: { mode: 'STRICT' } })], expect: { 'b->F': '503' } },
  { rule: 'M10', title: '1.11: port-level entry without tls is plain auto mTLS', profile: '1.11', objects: [strict('foo'), dr('bar', 'd', 'httpbin.foo.svc.cluster.local', { tls: { mode: 'DISABLE' }, portLevelSettings: [{ port: { number: 8000 }, loadBalancer: { simple: 'RANDOM' } }] })], expect: { 'b->F': '200' } },
  { rule: 'M10', title: '1.12 quirk: port-level entry without tls, the endpoint check reads top-level DISABLE', profile: '1.12', objects: [strict('foo'), dr('bar', 'd', 'httpbin.foo.svc.cluster.local', { tls: { mode: 'DISABLE' }, portLevelSettings: [{ port: { number: 8000 }, loadBalancer: { simple: 'RANDOM' } }] })], expect: { 'b->F': '503' } },
  { rule: 'M11', title: 'ISTIO_MUTUAL to a sidecar-less pod: 503', profile: '1.30', objects: [dr('foo', 'l', 'httpbin.legacy.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' } })], expect: { 'f->L': '503', 'b->L': '200' } },
  { rule: 'M11', title: 'explicit ISTIO_MUTUAL beats the 1.12 PeerAuthentication awareness', profile: '1.12', objects: [strict('foo'), pa('foo', 'wl', { selector: HTTPBIN, mtls: { mode: 'DISABLE' } }), dr('foo', 'default', '*.foo.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' } })], expect: { 'f->F': '503', 'b->F': '503' } },
  { rule: 'M11', title: 'SIMPLE (TLS without client certificate) to PERMISSIVE: 503; DISABLE to STRICT: 503', profile: '1.30', objects: [strict('bar'), dr('foo', 's', 'httpbin.foo.svc.cluster.local', { tls: { mode: 'SIMPLE' } }), dr('foo', 'd', 'httpbin.bar.svc.cluster.local', { tls: { mode: 'DISABLE' } })], expect: { 'f->F': '503', 'f->B': '503', 'b->B': '200' } },
  // ---- Transport outcome (section 4)
  { rule: 'M12', title: 'plaintext to STRICT: 000/56 without sidecar, 503 with one', profile: '1.30', objects: [strict('foo'), dr('bar', 'plain', 'httpbin.foo.svc.cluster.local', { tls: { mode: 'DISABLE' } })], expect: { 'l->F': '56', 'b->F': '503', 'f->F': '200' }, decidedBy: { 'l->F': 'M12', 'b->F': 'M12' } },
  { rule: 'M13', title: 'TCP port: plaintext from a sidecar to STRICT closes after the request (52), sidecar-less: 56', profile: '1.30', objects: [strict('bar'), dr('foo', 'plain', 'httpbin.bar.svc.cluster.local', { tls: { mode: 'DISABLE' } })], run: { workloads: withHttpbinPort('1.30', 'bar', { name: 'tcp' }) }, expect: { 'f->B': '52', 'l->B': '56', 'b->B': '200' }, decidedBy: { 'f->B': 'M13' } },
  { rule: 'M13', title: 'TCP port: mTLS to a plaintext server fails the upstream handshake (56)', profile: '1.30', objects: [pa('bar', 'default', { mtls: { mode: 'DISABLE' } }), dr('foo', 'm', 'httpbin.bar.svc.cluster.local', { tls: { mode: 'ISTIO_MUTUAL' } })], run: { workloads: withHttpbinPort('1.30', 'bar', { name: 'tcp' }) }, expect: { 'f->B': '56', 'b->B': '200' } },
  { rule: 'M14', title: 'an unnamed port is sniffed as HTTP in modern Istio (HTTP RBAC applies: 403)', profile: '1.30', objects: [ap('bar', 'deny-get', { action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }] }] })], run: { workloads: withHttpbinPort('1.30', 'bar', { name: undefined }) }, expect: { 'f->B': '403', 'l->B': '403' } },
  { rule: 'M14', title: 'appProtocol tcp makes it a TCP port (the DENY with only HTTP fields closes it: 52)', profile: '1.30', objects: [ap('bar', 'deny-get', { action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }] }] })], run: { workloads: withHttpbinPort('1.30', 'bar', { appProtocol: 'tcp' }) }, expect: { 'f->B': '52', 'l->B': '52' }, decidedBy: { 'f->B': 'M31' } },
  // ---- RequestAuthentication (section 5)
  { rule: 'M15', title: 'a request without token passes RequestAuthentication', profile: '1.30', objects: [sampleRa('foo', 'jwt')], expect: { 'f->F': '200', 'l->F': '200' } },
  { rule: 'M15', title: 'a root-namespace RequestAuthentication with selector applies in every namespace', profile: '1.30', objects: [sampleRa('istio-system', 'jwt')], run: { request: { headers: BEARER('deadbeef') } }, expect: { 'f->F': '401', 'f->B': '401', 'f->L': '200' } },
  { rule: 'M15', title: 'targetRefs policies are ignored by sidecars (1.22)', profile: '1.22', objects: [ra('foo', 'gw', { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }], jwtRules: [{ issuer: 'x', jwksUri: 'https://x/jwks' }] })], run: { request: { headers: BEARER('deadbeef') } }, expect: { 'f->F': '200' } },
  { rule: 'M15', title: 'RequestAuthentication has no effect on a TCP port', profile: '1.30', objects: [sampleRa('bar', 'jwt')], run: { workloads: withHttpbinPort('1.30', 'bar', { name: 'tcp' }), request: { headers: BEARER('deadbeef') } }, expect: { 'f->B': '200', 'f->F': '200' } },
  { rule: 'M16', title: '`Authorization: bearer <t>` (lower case) is no token: passes RA, fails requestPrincipals', profile: '1.30', objects: [sampleRa('foo', 'jwt'), ap('foo', 'require', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] })], run: { request: { headers: { Authorization: `bearer ${ISTIO_DEMO_JWT}` } } }, expect: { 'f->F': '403' } },
  { rule: 'M16', title: 'the default query parameter access_token carries a token', profile: '1.30', objects: [sampleRa('foo', 'jwt')], run: { request: { path: '/ip?access_token=deadbeef' } }, expect: { 'f->F': '401', 'f->B': '200' } },
  { rule: 'M16', title: 'fromHeaders with a prefix: only that header is read', profile: '1.30', objects: [sampleRa('foo', 'jwt', { fromHeaders: [{ name: 'x-jwt', prefix: 'Token ' }] })], run: { request: { headers: { 'X-JWT': 'Token deadbeef', Authorization: 'Bearer alsobad' } } }, expect: { 'f->F': '401' } },
  { rule: 'M16', title: 'fromCookies (1.21+) reads the cookie', profile: '1.21', objects: [sampleRa('foo', 'jwt', { fromCookies: ['session'] })], run: { request: { headers: { Cookie: 'a=b; session=deadbeef' } } }, expect: { 'f->F': '401' } },
  { rule: 'M17', title: 'a malformed token: 401', profile: '1.30', objects: [sampleRa('foo', 'jwt')], run: { request: { headers: BEARER('deadbeef') } }, expect: { 'f->F': '401' }, decidedBy: { 'f->F': 'M17' }, explains: ['f->F', 'M17', /Jwt is not in the form of Header.Payload.Signature/] },
  { rule: 'M17', title: 'a well-formed token of another issuer: 401 (rejected, not ignored)', profile: '1.30', objects: [sampleRa('foo', 'jwt')], run: async () => ({ request: { headers: BEARER(await sampleToken({ iss: 'someone@else' })) } }), expect: { 'f->F': '401' }, explains: ['f->F', 'M17', /Jwt issuer is not configured/] },
  { rule: 'M17', title: 'a wrong audience: 403, not 401', profile: '1.30', objects: [sampleRa('foo', 'jwt', { audiences: ['https://httpbin.foo/'] })], run: async () => ({ request: { headers: BEARER(await sampleToken({ aud: 'other' })) } }), expect: { 'f->F': '403' }, decidedBy: { 'f->F': 'M17' } },
  { rule: 'M17', title: 'audiences are compared without scheme and trailing slash', profile: '1.30', objects: [sampleRa('foo', 'jwt', { audiences: ['https://httpbin.foo/'] })], run: async () => ({ request: { headers: BEARER(await sampleToken({ aud: 'httpbin.foo' })) } }), expect: { 'f->F': '200' } },
  { rule: 'M17', title: 'a bad signature: 401', profile: '1.30', objects: [sampleRa('foo', 'jwt')], run: async () => {
    const t = await sampleToken()
    const [h, p] = t.split('.')
    return { request: { headers: BEARER(`${h}.${p}.${'A'.repeat(342)}`) } }
  }, expect: { 'f->F': '401' } },
  { rule: 'M18', title: '1.8: no clock skew, a token expired 30 s ago is rejected', profile: '1.8', objects: [sampleRa('foo', 'jwt')], run: async () => ({ request: { headers: BEARER(await sampleToken({ now: NOW - 35, expireSeconds: 5 })) } }), expect: { 'f->F': '401' } },
  { rule: 'M18', title: '1.9: 60 s clock skew, a token expired 30 s ago still passes', profile: '1.9', objects: [sampleRa('foo', 'jwt')], run: async () => ({ request: { headers: BEARER(await sampleToken({ now: NOW - 35, expireSeconds: 5 })) } }), expect: { 'f->F': '200' } },
  { rule: 'M18', title: '1.9: a token expired 61 s ago is rejected', profile: '1.9', objects: [sampleRa('foo', 'jwt')], run: async () => ({ request: { headers: BEARER(await sampleToken({ now: NOW - 66, expireSeconds: 5 })) } }), expect: { 'f->F': '401' } },
  { rule: 'M19', title: 'an unresolvable jwksUri: every token fails (401), no token passes', profile: '1.30', objects: [ra('foo', 'jwt', { selector: HTTPBIN, jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: 'https://example.com/keys.json' }] })], run: { request: { headers: BEARER(ISTIO_DEMO_JWT) } }, expect: { 'f->F': '401', 'f->B': '200' } },
  { rule: 'M19', title: 'the sample jwksUri resolves to the bundled key set: the demo token passes', profile: '1.30', objects: [sampleRa('foo', 'jwt')], run: { request: { headers: BEARER(ISTIO_DEMO_JWT) } }, expect: { 'f->F': '200' } },
  { rule: 'M20', title: 'a valid token without sub has no request principal: requestPrincipals ["*"] fails (403)', profile: '1.30', objects: [sampleRa('foo', 'jwt'), ap('foo', 'require', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] })], run: async () => ({ request: { headers: BEARER(await sampleToken({ claims: { sub: undefined } })) } }), expect: { 'f->F': '403' } },
  { rule: 'M20', title: 'the gateway strips a validated token: the destination requiring a principal answers 403', profile: '1.30', objects: [...ingressTo('foo'), sampleRa('istio-system', 'gw', {}, { matchLabels: { istio: 'ingressgateway' } }), sampleRa('foo', 'jwt'), ap('foo', 'require', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] })], run: { request: { path: '/headers', headers: BEARER(ISTIO_DEMO_JWT) } }, expect: { ext: '403' } },
  { rule: 'M20', title: 'with forwardOriginalToken the destination sees the token: 200', profile: '1.30', objects: [...ingressTo('foo'), sampleRa('istio-system', 'gw', { forwardOriginalToken: true }, { matchLabels: { istio: 'ingressgateway' } }), sampleRa('foo', 'jwt'), ap('foo', 'require', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] })], run: { request: { path: '/headers', headers: BEARER(ISTIO_DEMO_JWT) } }, expect: { ext: '200' } },
  // ---- AuthorizationPolicy (section 6)
  { rule: 'M21', title: 'a root-namespace policy with selector applies in every namespace', profile: '1.30', objects: [ap('istio-system', 'deny-httpbin', { selector: HTTPBIN, action: 'DENY', rules: [{}] })], expect: { 'f->F': '403', 'f->B': '403', 'f->L': '200' } },
  { rule: 'M21', title: 'a namespace policy applies to its namespace only; targetRefs ones are ignored by sidecars', profile: '1.22', objects: [ap('foo', 'deny', { action: 'DENY', rules: [{}] }), ap('bar', 'tr', { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'w' }], action: 'DENY', rules: [{}] })], expect: { 'f->F': '403', 'f->B': '200' } },
  { rule: 'M22', title: 'DENY is evaluated before ALLOW (authz-deny, GET 403)', profile: '1.30', objects: [ap('foo', 'deny-get', { selector: HTTPBIN, action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }] }] }), ap('foo', 'allow-all', { selector: HTTPBIN, rules: [{}] })], expect: { 'f->F': '403' }, decidedBy: { 'f->F': 'M22' } },
  { rule: 'M22', title: 'POST passes the GET-only DENY', profile: '1.30', objects: [ap('foo', 'deny-get', { selector: HTTPBIN, action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'] } }] }] })], run: { request: { method: 'POST' } }, expect: { 'f->F': '200' } },
  { rule: 'M22', title: 'AUDIT (1.8+) never changes the code', profile: '1.8', objects: [ap('foo', 'audit', { action: 'AUDIT', rules: [{}] })], expect: { 'f->F': '200' } },
  { rule: 'M22', title: '1.10+: a dry-run DENY is a shadow', profile: '1.10', objects: [ap('foo', 'deny', { action: 'DENY', rules: [{}] }, { annotations: { 'istio.io/dry-run': 'true' } })], expect: { 'f->F': '200' } },
  { rule: 'M22', title: '1.9: the dry-run annotation is not yet honoured', profile: '1.9', objects: [ap('foo', 'deny', { action: 'DENY', rules: [{}] }, { annotations: { 'istio.io/dry-run': 'true' } })], expect: { 'f->F': '403' } },
  { rule: 'M23', title: 'allow-nothing (spec: {}) denies every request', profile: '1.30', objects: [ap('foo', 'allow-nothing', {})], expect: { 'f->F': '403', 'l->F': '403', 'f->B': '200' }, explains: ['f->F', 'M23', /allows nothing/] },
  { rule: 'M23', title: 'rules: [{}] is allow-all next to allow-nothing', profile: '1.30', objects: [ap('foo', 'allow-nothing', {}), ap('foo', 'allow-all', { rules: [{}] })], expect: { 'f->F': '200' } },
  { rule: 'M24', title: 'an absent header makes notValues match (DENY GET unless x-token admin): 403', profile: '1.30', objects: [denyGetNotAdmin], expect: { 'f->F': '403' } },
  { rule: 'M24', title: 'x-token: admin passes', profile: '1.30', objects: [denyGetNotAdmin], run: { request: { headers: { 'x-token': 'admin' } } }, expect: { 'f->F': '200' } },
  { rule: 'M25', title: 'hosts include the port: httpbin.foo does not match curl httpbin.foo:8000', profile: '1.30', objects: [ap('foo', 'allow-host', { rules: [{ to: [{ operation: { hosts: ['httpbin.foo'] } }] }] })], expect: { 'f->F': '403' } },
  { rule: 'M25', title: 'hosts with the port (or a prefix) match', profile: '1.30', objects: [ap('foo', 'allow-host', { rules: [{ to: [{ operation: { hosts: ['HTTPBIN.foo:8000'] } }] }] })], expect: { 'f->F': '200' } },
  { rule: 'M25', title: 'paths ignore the query string', profile: '1.30', objects: [ap('foo', 'allow-ip', { rules: [{ to: [{ operation: { paths: ['/ip'] } }] }] })], run: { request: { path: '/ip?x=1' } }, expect: { 'f->F': '200' } },
  { rule: 'M25', title: '1.20: requestPrincipals compared as one string (a * in the middle is literal)', profile: '1.20', objects: [sampleRa('foo', 'jwt'), ap('foo', 'rp', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['testing@secure.istio.io/*@secure.istio.io'] } }] }] })], run: { request: { headers: BEARER(ISTIO_DEMO_JWT) } }, expect: { 'f->F': '403' } },
  { rule: 'M25', title: '1.21: requestPrincipals split into iss and sub, each matched', profile: '1.21', objects: [sampleRa('foo', 'jwt'), ap('foo', 'rp', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['testing@secure.istio.io/*@secure.istio.io'] } }] }] })], run: { request: { headers: BEARER(ISTIO_DEMO_JWT) } }, expect: { 'f->F': '200' } },
  { rule: 'M25', title: 'list claims match any element (authz-jwt groups)', profile: '1.30', objects: [sampleRa('foo', 'jwt'), ap('foo', 'grp', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['*'] } }], when: [{ key: 'request.auth.claims[groups]', values: ['group1'] }] }] })], run: async () => ({ request: { headers: BEARER(await sampleToken({ claims: { groups: ['group1', 'group2'] } })) } }), expect: { 'f->F': '200' } },
  { rule: 'M26', title: 'principals need mTLS: a plaintext caller of its own namespace is denied', profile: '1.30', objects: [ap('foo', 'allow-ns', { rules: [{ from: [{ source: { namespaces: ['legacy', 'bar'] } }] }] })], expect: { 'b->F': '200', 'l->F': '403', 'f->F': '403' }, explains: ['l->F', 'M22', /no mTLS peer identity/] },
  { rule: 'M26', title: 'DENY notPrincipals ["*"] turns PERMISSIVE into mTLS-or-403', profile: '1.30', objects: [ap('foo', 'mtls-only', { action: 'DENY', rules: [{ from: [{ source: { notPrincipals: ['*'] } }] }] })], expect: { 'l->F': '403', 'f->F': '200', 'b->F': '200' } },
  { rule: 'M27', title: 'requestPrincipals ["*"]: no token 403', profile: '1.30', objects: [sampleRa('foo', 'jwt'), ap('foo', 'require', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] })], expect: { 'f->F': '403' } },
  { rule: 'M27', title: 'requestPrincipals ["*"]: valid token 200', profile: '1.30', objects: [sampleRa('foo', 'jwt'), ap('foo', 'require', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] })], run: { request: { headers: BEARER(ISTIO_DEMO_JWT) } }, expect: { 'f->F': '200' } },
  { rule: 'M27', title: 'a token the workload has no RequestAuthentication for is not read (403)', profile: '1.30', objects: [ap('foo', 'require', { selector: HTTPBIN, rules: [{ from: [{ source: { requestPrincipals: ['*'] } }] }] })], run: { request: { headers: BEARER(ISTIO_DEMO_JWT) } }, expect: { 'f->F': '403' } },
  { rule: 'M28', title: 'ipBlocks at the gateway: the peer address (--source-ip)', profile: '1.30', objects: [...ingressTo('foo'), ap('istio-system', 'ip', { selector: { matchLabels: { istio: 'ingressgateway' } }, rules: [{ from: [{ source: { ipBlocks: ['10.0.0.0/8'] } }] }] })], run: { request: { path: '/headers', sourceIp: '10.1.2.3' } }, expect: { ext: '200' } },
  { rule: 'M28', title: 'ipBlocks at the gateway: another address is denied', profile: '1.30', objects: [...ingressTo('foo'), ap('istio-system', 'ip', { selector: { matchLabels: { istio: 'ingressgateway' } }, rules: [{ from: [{ source: { ipBlocks: ['10.0.0.0/8'] } }] }] })], run: { request: { path: '/headers', sourceIp: '192.168.1.1' } }, expect: { ext: '403' } },
  { rule: 'M28', title: 'remoteIpBlocks read X-Forwarded-For with numTrustedProxies', profile: '1.30', objects: [...ingressTo('foo'), ap('istio-system', 'ip', { selector: { matchLabels: { istio: 'ingressgateway' } }, action: 'DENY', rules: [{ from: [{ source: { remoteIpBlocks: ['203.0.113.7'] } }] }] })], run: { request: { path: '/headers', sourceIp: '10.1.2.3', xForwardedFor: '203.0.113.7' }, options: { numTrustedProxies: 1 } }, expect: { ext: '403' } },
  { rule: 'M28', title: 'without trusted proxies remote.ip is the peer address', profile: '1.30', objects: [...ingressTo('foo'), ap('istio-system', 'ip', { selector: { matchLabels: { istio: 'ingressgateway' } }, action: 'DENY', rules: [{ from: [{ source: { remoteIpBlocks: ['203.0.113.7'] } }] }] })], run: { request: { path: '/headers', sourceIp: '10.1.2.3', xForwardedFor: '203.0.113.7' } }, expect: { ext: '200' } },
  { rule: 'M29', title: 'operation ports are workload ports: 8000 never matches (1.30)', profile: '1.30', objects: [ap('foo', 'deny-port', { action: 'DENY', rules: [{ to: [{ operation: { ports: ['8000'] } }] }] })], expect: { 'f->F': '200' } },
  { rule: 'M29', title: '1.30: port 8080 matches', profile: '1.30', objects: [ap('foo', 'deny-port', { action: 'DENY', rules: [{ to: [{ operation: { ports: ['8080'] } }] }] })], expect: { 'f->F': '403' } },
  { rule: 'M29', title: '1.20: port 80 matches', profile: '1.20', objects: [ap('foo', 'deny-port', { action: 'DENY', rules: [{ to: [{ operation: { ports: ['80'] } }] }] })], expect: { 'f->F': '403' } },
  { rule: 'M30', title: 'when destination.port and source.namespace', profile: '1.30', objects: [ap('foo', 'w', { rules: [{ when: [{ key: 'destination.port', values: ['8080'] }, { key: 'source.namespace', values: ['bar'] }] }] })], expect: { 'b->F': '200', 'f->F': '403', 'l->F': '403' } },
  { rule: 'M31', title: 'TCP: an ALLOW rule with HTTP fields is dropped whole (1.6+)', profile: '1.6', objects: [ap('bar', 'a', { rules: [{ to: [{ operation: { methods: ['GET'] } }, { operation: { ports: ['80'] } }] }] })], run: { workloads: withHttpbinPort('1.6', 'bar', { name: 'tcp' }) }, expect: { 'f->B': '52', 'l->B': '52' }, decidedBy: { 'f->B': 'M31' } },
  { rule: 'M31', title: 'TCP, 1.5: only the offending to entry is dropped', profile: '1.5', objects: [ap('bar', 'a', { rules: [{ to: [{ operation: { methods: ['GET'] } }, { operation: { ports: ['80'] } }] }] })], run: { workloads: withHttpbinPort('1.5', 'bar', { name: 'tcp' }) }, expect: { 'f->B': '200' } },
  { rule: 'M31', title: 'TCP: DENY with methods plus ports only closes that port', profile: '1.30', objects: [ap('bar', 'd', { action: 'DENY', rules: [{ to: [{ operation: { methods: ['GET'], ports: ['9000'] } }] }] })], run: { workloads: withHttpbinPort('1.30', 'bar', { name: 'tcp' }) }, expect: { 'f->B': '200' } },
  { rule: 'M32', title: 'CUSTOM with an undeclared provider: 403 (1.9+)', profile: '1.9', objects: [ap('foo', 'ext', { action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [{ to: [{ operation: { paths: ['/ip'] } }] }] })], expect: { 'f->F': '403' }, decidedBy: { 'f->F': 'M32' } },
  { rule: 'M32', title: '1.8 accepts CUSTOM and ignores it', profile: '1.8', objects: [ap('foo', 'ext', { action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [{ to: [{ operation: { paths: ['/ip'] } }] }] })], expect: { 'f->F': '200' } },
  { rule: 'M32', title: 'CUSTOM runs before JWT: the provider\'s allow lets the invalid token reach the JWT filter (401)', profile: '1.30', objects: [sampleRa('foo', 'jwt'), ap('foo', 'ext', { action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [{}] })], run: { request: { headers: BEARER('deadbeef') }, options: { extensionProviders: { 'ext-authz': { kind: 'allow' } } } }, expect: { 'f->F': '401' } },
  { rule: 'M32', title: 'CUSTOM deny answers before JWT', profile: '1.30', objects: [sampleRa('foo', 'jwt'), ap('foo', 'ext', { action: 'CUSTOM', provider: { name: 'ext-authz' }, rules: [{}] })], run: { request: { headers: BEARER('deadbeef') }, options: { extensionProviders: { 'ext-authz': { kind: 'deny', code: '403' } } } }, expect: { 'f->F': '403' }, decidedBy: { 'f->F': 'M32' } },
  // ---- Identities, ingress, coexistence, output
  { rule: 'M33', title: 'a plaintext caller has no namespace: DENY namespaces ["legacy"] does not match it', profile: '1.30', objects: [ap('foo', 'd', { action: 'DENY', rules: [{ from: [{ source: { namespaces: ['legacy'] } }] }] })], expect: { 'l->F': '200' }, explains: ['l->F', 'M33', /no peer principal and no source namespace/] },
  { rule: 'M33', title: 'sidecar clients carry cluster.local/ns/<ns>/sa/<sa>', profile: '1.30', objects: [ap('foo', 'a', { rules: [{ from: [{ source: { principals: ['cluster.local/ns/bar/sa/sleep'] } }] }] })], expect: { 'b->F': '200', 'f->F': '403' } },
  { rule: 'M34', title: 'no Gateway: connection refused (000/7)', profile: '1.30', objects: [], expect: { ext: '7' } },
  { rule: 'M34', title: 'RequestAuthentication at the gateway rejects deadbeef (401), a DENY there answers 403', profile: '1.30', objects: [...ingressTo('foo'), sampleRa('istio-system', 'gw', {}, { matchLabels: { istio: 'ingressgateway' } })], run: { request: { path: '/headers', headers: BEARER('deadbeef') } }, expect: { ext: '401' } },
  { rule: 'M34', title: 'the gateway is a sidecar client in the root namespace: STRICT destination is fine', profile: '1.30', objects: [...ingressTo('foo'), strict('foo')], run: { request: { path: '/headers' } }, expect: { ext: '200' } },
  { rule: 'M39', title: '1.5: without PeerAuthentication the v1alpha1 MeshPolicy STRICT decides', profile: '1.5', objects: [{ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default' }, spec: { peers: [{ mtls: {} }] } }], expect: { 'l->F': '56', 'f->F': '200' } },
  { rule: 'M39', title: '1.5: a mesh PeerAuthentication PERMISSIVE wins over a v1alpha1 STRICT Policy', profile: '1.5', objects: [{ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'foo' }, spec: { peers: [{ mtls: {} }] } }, pa('istio-system', 'default', { mtls: { mode: 'PERMISSIVE' } })], expect: { 'l->F': '200' } },
  { rule: 'M39', title: '1.5: v1alpha1 origins without RequestAuthentication keep 401 for a missing token', profile: '1.5', objects: [{ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'foo' }, spec: { origins: [{ jwt: { issuer: 'testing@secure.istio.io', jwksUri: 'https://raw.githubusercontent.com/istio/istio/release-1.5/security/tools/jwt/samples/jwks.json' } }], principalBinding: 'USE_ORIGIN' } }], expect: { 'f->F': '401' }, decidedBy: { 'f->F': 'M39' } },
  { rule: 'M39', title: '1.5: a RequestAuthentication on the workload drops the v1alpha1 origins', profile: '1.5', objects: [{ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: 'foo' }, spec: { origins: [{ jwt: { issuer: 'testing@secure.istio.io', jwksUri: 'https://raw.githubusercontent.com/istio/istio/release-1.5/security/tools/jwt/samples/jwks.json' } }], principalBinding: 'USE_ORIGIN' } }, sampleRa('foo', 'jwt')], expect: { 'f->F': '200' } },
  { rule: 'M43', title: 'every cell explains itself with M-rules and the 403 body', profile: '1.30', objects: [ap('foo', 'allow-nothing', {})], expect: { 'f->F': '403' }, explains: ['f->F', 'M22', /RBAC: access denied/] },
]

describe('modern rules M1-M39, M43 (istio-semantics-modern.md), one case per rule and breakpoint', () => {
  it.each(CASES.map((c) => [`${c.rule} (${c.profile}): ${c.title}`, c] as const))('%s', async (_name, c) => {
    const objects = typeof c.objects === 'function' ? await c.objects() : c.objects
    const run = typeof c.run === 'function' ? await c.run() : c.run
    const result = await runGrid(c.profile, objects, run)
    expect(result.model.admission.rejected.map((r) => r.index)).toEqual([])
    const got = Object.fromEntries(Object.keys(c.expect).map((k) => [k, result.cells[k]]))
    expect(got).toEqual(c.expect)
    for (const [cell, rule] of Object.entries(c.decidedBy ?? {})) expect(result.verdicts[cell]?.rule).toBe(rule)
    if (c.explains) {
      const [cell, rule, text] = c.explains
      const e = result.explain(cell)
      const matching = e.steps.filter((s) => s.rule === rule && text.test(s.text))
      if (matching.length === 0 && rule === 'M22' && e.body) expect(e.body).toMatch(text)
      else expect(matching.map((s) => s.text)).not.toEqual([])
    }
  })

  it('covers every rule M1-M39 and M43 except the admission rules (M35-M38, admission.test.ts)', () => {
    const covered = new Set(CASES.map((c) => c.rule))
    const wanted = [...Array.from({ length: 39 }, (_, i) => `M${i + 1}`), 'M43'].filter((r) => !['M35', 'M36', 'M37', 'M38'].includes(r))
    expect(wanted.filter((r) => !covered.has(r))).toEqual([])
  })
})
