/**
 * One case (at least) per rule of section 12, on the seed's workloads plus a few objects each.
 * Each case reads: given these objects, this request prints this code, decided by this rule.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildModel, DEFAULT_OPTIONS, explainWorkloadCell, formatTlsCheck, listClients, listTargets, prepareEvaluation, resolveTarget, tlsCheckRows, type EngineOptions, type KubeObject } from '.'
import { ISTIO_DEMO_JWT, ISTIO_SAMPLE_JWKS_URI } from './jwt/samples'
import { parseManifests } from '../yaml'
import { probeUrl } from '../scenarios/seed/probeRequest'

const workloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects
const NOW = 1_795_000_000

function objects(yaml: string): KubeObject[] {
  const parsed = parseManifests(yaml)
  expect(parsed.diagnostics).toEqual([])
  return parsed.objects
}

interface Case {
  name: string
  rule: string
  yaml?: string
  base?: KubeObject[]
  from: string
  url: string
  token?: string
  expect: string
  options?: Partial<EngineOptions>
}

async function run(c: Case): Promise<{ code: string; rule: string }> {
  const options = { ...DEFAULT_OPTIONS, ...c.options }
  const model = buildModel([...(c.base ?? workloads), ...(c.yaml ? objects(c.yaml) : [])], options)
  const v = await probeUrl(model, { from: c.from, url: c.url, ...(c.token ? { token: c.token } : {}), now: NOW }, new Map(), options)
  return { code: v.code === '000' ? `000/${v.exit}` : v.code, rule: v.rule }
}

const STRICT_FOO = `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:
  peers:
  - mtls: {}
`
const MUTUAL_FOO = `
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: default, namespace: foo}
spec:
  host: "*.foo.svc.cluster.local"
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
`
const JWT_ORIGIN = `
  origins:
  - jwt:
      issuer: testing@secure.istio.io
      jwksUri: ${ISTIO_SAMPLE_JWKS_URI}
`
const GATEWAY = `
apiVersion: networking.istio.io/v1alpha3
kind: Gateway
metadata: {name: httpbin-gateway, namespace: foo}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1alpha3
kind: VirtualService
metadata: {name: httpbin, namespace: foo}
spec:
  hosts: ["*"]
  gateways: [httpbin-gateway]
  http:
  - match:
    - uri: {prefix: /headers}
    route:
    - destination: {port: {number: 8000}, host: httpbin.foo.svc.cluster.local}
`

const cases: Case[] = [
  {
    name: 'an inject annotation "false" in a labelled namespace removes the sidecar, so plaintext meets a sidecar-less client',
    rule: 'R12',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: sleep2, namespace: foo}
spec:
  selector: {matchLabels: {app: sleep2}}
  template:
    metadata:
      labels: {app: sleep2}
      annotations: {sidecar.istio.io/inject: "false"}
    spec:
      containers: [{name: sleep, image: tutum/curl}]
---${STRICT_FOO}`,
    from: 'sleep2.foo',
    url: 'http://httpbin.foo:8000/ip',
    expect: '000/56',
  },
  {
    name: 'an inject annotation "true" in an unlabelled namespace gives no sidecar (rule 2)',
    rule: 'R12',
    yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: {name: sleep2, namespace: legacy}
spec:
  selector: {matchLabels: {app: sleep2}}
  template:
    metadata:
      labels: {app: sleep2}
      annotations: {sidecar.istio.io/inject: "true"}
    spec:
      containers: [{name: sleep, image: tutum/curl}]
---${STRICT_FOO}`,
    from: 'sleep2.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '000/56',
  },
  {
    name: 'a short host name resolves in the client namespace (rule 3)',
    rule: 'R12',
    yaml: STRICT_FOO,
    from: 'sleep.legacy',
    url: 'http://httpbin:8000/ip',
    expect: '200',
  },
  {
    name: 'a Policy written with mTLS (wrong case) is rejected and leaves the service unprotected (rule 4)',
    rule: 'R14',
    base: [...workloads, ...objects(`
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:
  peers:
  - mTLS: {}
`)],
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '200',
  },
  {
    name: 'a service-level policy without methods replaces the namespace STRICT policy (rule 5, no merging)',
    rule: 'R14',
    yaml: `${STRICT_FOO}---
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: open, namespace: foo}
spec:
  targets: [{name: httpbin}]
`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '200',
  },
  {
    name: 'a policy for another port falls through to the MeshPolicy (rule 5, port selectors)',
    rule: 'R12',
    yaml: `
apiVersion: authentication.istio.io/v1alpha1
kind: MeshPolicy
metadata: {name: default}
spec:
  peers: [{mtls: {}}]
---
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: httpbin, namespace: foo}
spec:
  targets: [{name: httpbin, ports: [{number: 1234}]}]
`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '000/56',
  },
  {
    name: 'a port selector by name matches the service port name (rule 5)',
    rule: 'R12',
    yaml: `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: httpbin, namespace: foo}
spec:
  targets: [{name: httpbin, ports: [{name: http}]}]
  peers: [{mtls: {}}]
`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '000/56',
  },
  {
    name: 'PERMISSIVE accepts plaintext from a client without sidecar (rule 6)',
    rule: 'R16',
    yaml: STRICT_FOO.replace('mtls: {}', 'mtls: {mode: PERMISSIVE}'),
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '200',
  },
  {
    name: 'PERMISSIVE accepts Istio mutual TLS too (rule 6)',
    rule: 'R16',
    yaml: `${STRICT_FOO.replace('mtls: {}', 'mtls: {mode: PERMISSIVE}')}---${MUTUAL_FOO}`,
    from: 'sleep.foo',
    url: 'http://httpbin.foo:8000/ip',
    expect: '200',
  },
  {
    name: 'on a TCP-family port origins are not enforced, only the transport (rule 7; R29: shown as an open connection)',
    rule: 'R29',
    base: objects(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8').replaceAll('name: http\n    port: 8000', 'name: tcp-web\n    port: 8000')),
    yaml: `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:${JWT_ORIGIN}`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: 'open',
  },
  {
    name: 'a client without sidecar ignores DestinationRules (rule 8)',
    rule: 'R14',
    yaml: MUTUAL_FOO,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '200',
  },
  {
    name: 'the exact host beats *.local (rule 9)',
    rule: 'R12',
    yaml: `
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: default, namespace: default}
spec:
  host: "*.local"
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: httpbin-legacy, namespace: default}
spec:
  host: httpbin.legacy.svc.cluster.local
  trafficPolicy: {tls: {mode: DISABLE}}
`,
    from: 'sleep.foo',
    url: 'http://httpbin.legacy:8000/ip',
    expect: '200',
  },
  {
    name: 'Istio 1.1 does not see a rule in an unrelated namespace (rule 9): plaintext to STRICT is 503',
    rule: 'R12',
    options: { profile: '1.1' },
    yaml: `${STRICT_FOO}---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: default, namespace: default}
spec:
  host: "*.local"
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
`,
    from: 'sleep.bar',
    url: 'http://httpbin.foo:8000/ip',
    expect: '503',
  },
  {
    name: 'Istio 1.1 sees a rule in the root namespace (rule 9)',
    rule: 'R16',
    options: { profile: '1.1' },
    yaml: `${STRICT_FOO}---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: default, namespace: istio-system}
spec:
  host: "*.local"
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
`,
    from: 'sleep.bar',
    url: 'http://httpbin.foo:8000/ip',
    expect: '200',
  },
  {
    name: 'a port-level entry without tls sends plaintext although the top level says ISTIO_MUTUAL (rule 10)',
    rule: 'R12',
    yaml: `${STRICT_FOO}---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: httpbin, namespace: foo}
spec:
  host: httpbin
  trafficPolicy:
    tls: {mode: ISTIO_MUTUAL}
    portLevelSettings:
    - port: {number: 8000}
`,
    from: 'sleep.bar',
    url: 'http://httpbin.foo:8000/ip',
    expect: '503',
  },
  {
    name: 'plaintext from a client without sidecar to STRICT + JWT prints the seed\'s 401 (rule 11)',
    rule: 'R11',
    yaml: `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: jwt, namespace: foo}
spec:
  targets: [{name: httpbin}]
  peers: [{mtls: {}}]${JWT_ORIGIN}`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    token: ISTIO_DEMO_JWT,
    expect: '401',
  },
  {
    name: 'Istio mutual TLS to a sidecar that accepts plaintext only fails with 503 (rule 12)',
    rule: 'R12',
    yaml: MUTUAL_FOO,
    from: 'sleep.bar',
    url: 'http://httpbin.foo:8000/ip',
    expect: '503',
  },
  {
    name: 'SIMPLE TLS from a sidecar to a STRICT server fails with 503 (rule 12)',
    rule: 'R12',
    yaml: `${STRICT_FOO}---${MUTUAL_FOO.replace('ISTIO_MUTUAL', 'SIMPLE')}`,
    from: 'sleep.bar',
    url: 'http://httpbin.foo:8000/ip',
    expect: '503',
  },
  {
    name: 'allowTls (1.0) lets SIMPLE TLS through the handshake, then the peer check answers 401 (rules 12, 15)',
    rule: 'R15',
    yaml: `${STRICT_FOO.replace('mtls: {}', 'mtls: {allowTls: true}')}---${MUTUAL_FOO.replace('ISTIO_MUTUAL', 'SIMPLE')}`,
    from: 'sleep.bar',
    url: 'http://httpbin.foo:8000/ip',
    expect: '401',
  },
  {
    name: 'the Kubernetes API over https through a sidecar with ISTIO_MUTUAL fails the TLS handshake (rule 13)',
    rule: 'R13',
    yaml: `
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: default, namespace: default}
spec:
  host: "*.local"
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
`,
    from: 'sleep.foo',
    url: 'https://kubernetes.default/api',
    expect: '000/35',
  },
  {
    name: 'no policy means no authentication filter: the app answers (rule 14)',
    rule: 'R14',
    from: 'sleep.foo',
    url: 'http://httpbin.bar:8000/ip',
    expect: '200',
  },
  {
    name: 'USE_ORIGIN without origins fails origin authentication (rule 16)',
    rule: 'R16',
    yaml: `${STRICT_FOO}  principalBinding: USE_ORIGIN
---${MUTUAL_FOO}`,
    from: 'sleep.bar',
    url: 'http://httpbin.foo:8000/ip',
    expect: '401',
  },
  {
    name: 'originIsOptional lets a request without token through (rule 16)',
    rule: 'R16',
    yaml: `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:
  originIsOptional: true${JWT_ORIGIN}`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '200',
  },
  {
    name: 'an origin rejects a request without token with 401 (rule 16)',
    rule: 'R16',
    yaml: `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:${JWT_ORIGIN}`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '401',
  },
  {
    name: 'the demo token satisfies the sample issuer (rule 17)',
    rule: 'R16',
    yaml: `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:${JWT_ORIGIN}`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    token: ISTIO_DEMO_JWT,
    expect: '200',
  },
  {
    name: 'an unknown jwksUri makes every token fail (rule 17)',
    rule: 'R16',
    yaml: `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:${JWT_ORIGIN.replace(ISTIO_SAMPLE_JWKS_URI, 'https://example.com/jwks.json')}`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    token: ISTIO_DEMO_JWT,
    expect: '401',
  },
  {
    name: 'a 1.1 trigger rule that excludes the path skips the JWT (rule 18)',
    rule: 'R16',
    options: { profile: '1.1' },
    yaml: `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:${JWT_ORIGIN}      trigger_rules:
      - excluded_paths:
        - exact: /ip
`,
    from: 'sleep.legacy',
    url: 'http://httpbin.foo:8000/ip',
    expect: '200',
  },
  {
    name: 'without a Gateway nothing listens on the ingress: 000 with exit 7 (rule 20)',
    rule: 'R20',
    from: 'external',
    url: 'http://$INGRESS_HOST/headers',
    expect: '000/7',
  },
  {
    name: 'a path no route matches gets 404 from the gateway (rule 20)',
    rule: 'R20',
    yaml: GATEWAY,
    from: 'external',
    url: 'http://$INGRESS_HOST/status/200',
    expect: '404',
  },
  {
    name: 'a policy on the ingress gateway service enforces its JWT at the gateway (rule 20)',
    rule: 'R20',
    yaml: `${GATEWAY}---
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: ingress-jwt, namespace: istio-system}
spec:
  targets: [{name: istio-ingressgateway}]${JWT_ORIGIN}`,
    from: 'external',
    url: 'http://$INGRESS_HOST/headers',
    expect: '401',
  },
  {
    name: 'a pod that declares no ports listens on every targetPort (rule 24): sleep answers on 80',
    rule: 'R14',
    from: 'sleep.legacy',
    url: 'http://sleep.foo:80/ip',
    expect: '200',
  },
]

describe('rules of section 12, one request each', () => {
  for (const c of cases) {
    it(`${c.name}`, async () => {
      expect(await run(c)).toEqual({ code: c.expect, rule: c.rule })
    })
  }
})

describe('rule 19: time', () => {
  it('accepts the demo token until its exp (2118) and rejects it from that second on', async () => {
    const model = buildModel([...workloads, ...objects(`
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:${JWT_ORIGIN}`)], DEFAULT_OPTIONS)
    const at = async (now: number) => (await probeUrl(model, { from: 'sleep.legacy', url: 'http://httpbin.foo:8000/ip', token: ISTIO_DEMO_JWT, now }, new Map(), DEFAULT_OPTIONS)).code
    expect(await at(4685989699)).toBe('200')
    expect(await at(4685989700)).toBe('401')
  })
})

describe('explanations (rule 21)', () => {
  it('name the deciding policy and DestinationRule, the transport and the server mode', async () => {
    const model = buildModel([...workloads, ...objects(`${STRICT_FOO}---${MUTUAL_FOO}`)], DEFAULT_OPTIONS)
    const ctx = await prepareEvaluation(model.mesh, { path: '/ip', headers: {}, now: NOW }, new Map(), DEFAULT_OPTIONS)
    const client = model.mesh.workloads.find((w) => w.name === 'sleep' && w.namespace === 'bar')
    const target = resolveTarget(model.mesh, 'httpbin.foo:8000', 'bar')
    if (!client || !target.ok) throw new Error('fixture')
    const e = explainWorkloadCell(ctx, client, target.target)
    expect(e.verdict.code).toBe('200')
    expect(e.policy).toMatchObject({ key: 'Policy/foo/default', level: 'namespace' })
    expect(e.destinationRule).toMatchObject({ key: 'DestinationRule/foo/default', stage: 'global', tlsMode: 'ISTIO_MUTUAL' })
    expect(e.transport).toBe('IMTLS')
    expect(e.serverMode).toBe('STRICT')
    expect(e.command).toContain('kubectl exec $(kubectl get pod -l app=sleep -n bar')
    expect(e.steps.map((s) => s.rule)).toEqual(expect.arrayContaining(['R2', 'R5', 'R6', 'R9', 'R10']))
  })
})

describe('the default grid (rows and columns)', () => {
  it('shows the seed as three clients by three httpbin ports', () => {
    const model = buildModel(workloads, DEFAULT_OPTIONS)
    expect(listClients(model.mesh).map((w) => `${w.name}.${w.namespace}`)).toEqual(['sleep.foo', 'sleep.bar', 'sleep.legacy'])
    expect(listTargets(model.mesh).map((t) => `${t.service.name}.${t.service.namespace}:${t.port.number}`)).toEqual(['httpbin.foo:8000', 'httpbin.bar:8000', 'httpbin.legacy:8000'])
  })
})

describe('tls-check (rule 22)', () => {
  it('prints the 1.0 table with name/namespace columns and CONFLICT where server and client differ', () => {
    const model = buildModel([...workloads, ...objects(STRICT_FOO)], DEFAULT_OPTIONS)
    const out = formatTlsCheck(tlsCheckRows(model.mesh, listTargets(model.mesh), '1.0', 'default'))
    const lines = out.trim().split('\n')
    expect(lines[0]).toMatch(/^HOST:PORT\s+STATUS\s+SERVER\s+CLIENT\s+AUTHN POLICY\s+DESTINATION RULE$/)
    expect(lines.find((l) => l.startsWith('httpbin.foo.svc.cluster.local:8000'))).toMatch(/CONFLICT\s+mTLS\s+HTTP\s+default\/foo\s+-$/)
    expect(lines.find((l) => l.startsWith('httpbin.bar.svc.cluster.local:8000'))).toMatch(/OK\s+HTTP\s+HTTP\s+-\s+-$/)
  })

  it('in 1.1 treats PERMISSIVE as compatible with both', () => {
    const model = buildModel([...workloads, ...objects(STRICT_FOO.replace('mtls: {}', 'mtls: {mode: PERMISSIVE}'))], { profile: '1.1', r11: 'documented' })
    const rows = tlsCheckRows(model.mesh, listTargets(model.mesh), '1.1', 'bar')
    expect(rows.find((r) => r.hostPort.startsWith('httpbin.foo'))).toMatchObject({ status: 'OK', server: 'HTTP/mTLS', client: 'HTTP' })
  })
})
