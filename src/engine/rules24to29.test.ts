/**
 * Rules R24-R29 of section 12 (the decisions that settle what the first version left open), one
 * case each at least, on the seed's workloads plus a few edits. Each explanation names its rule.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  buildModel,
  clientLabel,
  computeGrid,
  DEFAULT_OPTIONS,
  explainExternal,
  explainWorkloadCell,
  listClients,
  listTargets,
  prepareEvaluation,
  resolveTarget,
  verdictById,
  type KubeObject,
  type Model,
} from '.'
import { ISTIO_DEMO_JWT, ISTIO_SAMPLE_JWKS_URI } from './jwt/samples'
import { parseManifests } from '../yaml'

const SEED = readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')
const NOW = 1_795_000_000

function objects(yaml: string): KubeObject[] {
  const parsed = parseManifests(yaml)
  expect(parsed.diagnostics).toEqual([])
  return parsed.objects
}

/** The seed with httpbin declaring 9000 while its Services target 8000 (the issue's own example). */
const SEED_9000 = SEED.replaceAll('containerPort: 8000', 'containerPort: 9000')

async function probe(model: Model, from: string, to: string, token?: string): Promise<{ code: string; rule: string; steps: string[] }> {
  const ctx = await prepareEvaluation(model.mesh, { path: from === 'external' ? to : '/ip', headers: token ? { Authorization: `Bearer ${token}` } : {}, now: NOW }, new Map(), DEFAULT_OPTIONS)
  if (from === 'external') {
    const e = explainExternal(ctx)
    return { code: e.verdict.code === '000' ? `000/${e.verdict.exit}` : e.verdict.code, rule: e.verdict.rule, steps: e.steps.map((s) => s.rule) }
  }
  const client = model.mesh.workloads.find((w) => clientLabel(w) === from)
  const target = resolveTarget(model.mesh, to, client?.namespace ?? 'default')
  if (!client || !target.ok) throw new Error(`fixture: ${from} -> ${to}`)
  const grid = computeGrid(ctx, [client], [target.target])
  const v = verdictById(grid.cells[0] ?? 0)
  const e = explainWorkloadCell(ctx, client, target.target)
  // The grid and the explanation must agree.
  expect(e.verdict).toEqual(v)
  return { code: v?.code === '000' ? `000/${v.exit}` : (v?.code ?? ''), rule: v?.rule ?? '', steps: e.steps.map((s) => s.rule) }
}

const STRICT_FOO = `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:
  peers:
  - mtls: {}
`
const JWT_FOO = `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:
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

describe('R24 listening ports', () => {
  it('a pod that declares no ports listens on every targetPort: sleep.foo:80 answers', async () => {
    const model = buildModel(objects(SEED), DEFAULT_OPTIONS)
    expect(await probe(model, 'sleep.legacy', 'sleep.foo:80')).toMatchObject({ code: '200' })
  })

  it('declared ports without the target: a sidecar client gets 503 (upstream connect error)', async () => {
    const r = await probe(buildModel(objects(SEED_9000), DEFAULT_OPTIONS), 'sleep.foo', 'httpbin.foo:8000')
    expect(r).toMatchObject({ code: '503', rule: 'R24' })
    expect(r.steps).toContain('R24')
  })

  it('a client without sidecar to a server without sidecar: refused, 000 with exit 7', async () => {
    expect(await probe(buildModel(objects(SEED_9000), DEFAULT_OPTIONS), 'sleep.legacy', 'httpbin.legacy:8000')).toMatchObject({ code: '000/7', rule: 'R24' })
  })

  it('a client without sidecar to a server with sidecar: its inbound Envoy accepts, then answers 503', async () => {
    expect(await probe(buildModel(objects(SEED_9000), DEFAULT_OPTIONS), 'sleep.legacy', 'httpbin.foo:8000')).toMatchObject({ code: '503', rule: 'R24' })
  })

  it('transport rules first: STRICT still resets plaintext (000/56, rule 12)', async () => {
    const model = buildModel([...objects(SEED_9000), ...objects(STRICT_FOO)], DEFAULT_OPTIONS)
    expect(await probe(model, 'sleep.legacy', 'httpbin.foo:8000')).toMatchObject({ code: '000/56', rule: 'R12' })
  })

  it('the HTTP filters run before the upstream connection: 401 wins over the refusal', async () => {
    const model = buildModel([...objects(SEED_9000), ...objects(JWT_FOO)], DEFAULT_OPTIONS)
    expect(await probe(model, 'sleep.foo', 'httpbin.foo:8000')).toMatchObject({ code: '401', rule: 'R16' })
    expect(await probe(model, 'sleep.foo', 'httpbin.foo:8000', ISTIO_DEMO_JWT)).toMatchObject({ code: '503', rule: 'R24' })
  })

  it('a named targetPort that no container declares is the same refusal', async () => {
    const text = SEED.replace('name: http\n    port: 8000', 'name: http\n    port: 8000\n    targetPort: web')
    expect(await probe(buildModel(objects(text), DEFAULT_OPTIONS), 'sleep.bar', 'httpbin.foo:8000')).toMatchObject({ code: '503', rule: 'R24' })
  })

  it('a Service that selects no pod: 503 through a sidecar client, 000/7 without', async () => {
    const extra = objects('apiVersion: v1\nkind: Service\nmetadata: {name: ghost, namespace: foo}\nspec:\n  selector: {app: ghost}\n  ports:\n  - {name: http, port: 80}\n')
    const model = buildModel([...objects(SEED), ...extra], DEFAULT_OPTIONS)
    expect(await probe(model, 'sleep.foo', 'ghost.foo:80')).toMatchObject({ code: '503', rule: 'R24' })
    expect(await probe(model, 'sleep.legacy', 'ghost.foo:80')).toMatchObject({ code: '000/7', rule: 'R24' })
  })

  it('on a TCP-family port a refusal behind an Envoy is a reset (000/56), with none a refusal (000/7)', async () => {
    const text = SEED_9000.replaceAll('name: http\n    port: 8000', 'name: tcp-web\n    port: 8000')
    const model = buildModel(objects(text), DEFAULT_OPTIONS)
    const behindEnvoy = await probe(model, 'sleep.foo', 'httpbin.legacy:8000')
    expect(behindEnvoy).toMatchObject({ code: '000/56', rule: 'R24' })
    expect(await probe(model, 'sleep.legacy', 'httpbin.legacy:8000')).toMatchObject({ code: '000/7', rule: 'R24' })
  })

  it('the port stays a column with every Service port, and carries a finding at the Service port', () => {
    const model = buildModel(objects(SEED_9000), DEFAULT_OPTIONS)
    const columns = listTargets(model.mesh, { includeUnserved: true }).map((t) => `${t.service.name}.${t.service.namespace}:${t.port.number}`)
    expect(columns).toContain('httpbin.foo:8000')
    const finding = model.diagnostics.find((d) => d.code === 'MESH009' && d.resource === 'Service/foo/httpbin')
    expect(finding?.message).toBe('targetPort 8000 matches no container port of the pods app=httpbin')
    expect(finding?.path).toEqual(['spec', 'ports', 0, 'port'])
  })
})

describe('R25 every workload can be a client', () => {
  it('rows are all workloads, with or without ports of their own', async () => {
    const model = buildModel(objects(SEED), DEFAULT_OPTIONS)
    expect(listClients(model.mesh, { allWorkloads: true }).map(clientLabel)).toEqual(['httpbin.foo', 'sleep.foo', 'httpbin.bar', 'sleep.bar', 'httpbin.legacy', 'sleep.legacy'])
    expect(await probe(model, 'httpbin.foo', 'httpbin.bar:8000')).toMatchObject({ code: '200', rule: 'R14' })
  })
})

describe('R26 duplicates', () => {
  it('the later object replaces the earlier, with a warning at the first one', async () => {
    const model = buildModel([...objects(SEED), ...objects(`${STRICT_FOO}---\n${STRICT_FOO.replace('  peers:\n  - mtls: {}\n', '  peers: []\n')}`)], DEFAULT_OPTIONS)
    const first = objects(SEED).length
    expect(await probe(model, 'sleep.legacy', 'httpbin.foo:8000')).toMatchObject({ code: '200' })
    const warning = model.diagnostics.find((d) => d.code === 'K8S106')
    expect(warning).toMatchObject({ severity: 'warning', index: first, resource: 'Policy/foo/default', path: ['metadata', 'name'] })
    expect(warning?.message).toMatch(/^R26: /)
  })
})

describe('R27 rejected objects do not stop the others', () => {
  it('a rejected Policy is left out, the DestinationRule next to it still applies', async () => {
    const model = buildModel(
      [
        ...objects(SEED),
        ...objects(`${STRICT_FOO.replace('mtls:', 'mTLS:')}---
apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: foo, namespace: foo}
spec:
  host: "*.foo.svc.cluster.local"
  trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}
`),
      ],
      DEFAULT_OPTIONS,
    )
    expect(model.admission.rejected).toHaveLength(1)
    expect(model.diagnostics.some((d) => d.severity === 'error' && d.resource === 'Policy/foo/default')).toBe(true)
    // The DR was admitted: mutual TLS towards a plaintext-only sidecar fails (rule 12).
    expect(await probe(model, 'sleep.bar', 'httpbin.foo:8000')).toMatchObject({ code: '503', rule: 'R12' })
  })

  it.each([
    ['no host', 'trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}', 'IST0140'],
    ['an empty trafficPolicy', 'host: httpbin.foo.svc.cluster.local\n  trafficPolicy: {}', 'IST0142'],
    ['a port-level entry without port', 'host: httpbin.foo.svc.cluster.local\n  trafficPolicy:\n    portLevelSettings:\n    - tls: {mode: DISABLE}', 'IST0143'],
    ['a port-level entry with nothing else', 'host: httpbin.foo.svc.cluster.local\n  trafficPolicy:\n    portLevelSettings:\n    - port: {number: 8000}', 'IST0142'],
    ['MUTUAL without certificates', 'host: httpbin.foo.svc.cluster.local\n  trafficPolicy: {tls: {mode: MUTUAL}}', 'IST0144'],
  ])('rejects a DestinationRule with %s', (_, spec, code) => {
    const dr = objects(`apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata: {name: r, namespace: foo}\nspec:\n  ${spec}\n`)
    const model = buildModel([...objects(SEED), ...dr], DEFAULT_OPTIONS)
    expect(model.admission.rejected.map((r) => r.object.kind)).toEqual(['DestinationRule'])
    expect(model.diagnostics.map((d) => d.code)).toContain(code)
  })

  it('admits SIMPLE and MUTUAL with caCertificates, subjectAltNames and sni', () => {
    const dr = objects(`apiVersion: networking.istio.io/v1alpha3
kind: DestinationRule
metadata: {name: r, namespace: foo}
spec:
  host: httpbin.foo.svc.cluster.local
  trafficPolicy:
    tls: {mode: MUTUAL, clientCertificate: /c.pem, privateKey: /k.pem, caCertificates: /ca.pem, subjectAltNames: [a], sni: x}
`)
    expect(buildModel([...objects(SEED), ...dr], DEFAULT_OPTIONS).admission.rejected).toEqual([])
  })
})

describe('R28 order at the ingress gateway', () => {
  const GATEWAY_JWT = `
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: ingress, namespace: istio-system}
spec:
  targets: [{name: istio-ingressgateway}]
  origins:
  - jwt:
      issuer: testing@secure.istio.io
      jwksUri: ${ISTIO_SAMPLE_JWKS_URI}
`
  it('401 before 404: the gateway JWT is checked before routing', async () => {
    const model = buildModel([...objects(SEED), ...objects(`${GATEWAY}---${GATEWAY_JWT}`)], DEFAULT_OPTIONS)
    const r = await probe(model, 'external', '/status/200')
    expect(r).toMatchObject({ code: '401', rule: 'R28' })
    expect(r.steps).toContain('R28')
    expect(await probe(model, 'external', '/status/200', ISTIO_DEMO_JWT)).toMatchObject({ code: '404', rule: 'R20' })
  })

  it('a jwt peer in the gateway policy is checked like an origin; mtls peers are dropped', async () => {
    const jwtPeer = GATEWAY_JWT.replace('  origins:\n  - jwt:', '  peers:\n  - mtls: {}\n  - jwt:')
    const model = buildModel([...objects(SEED), ...objects(`${GATEWAY}---${jwtPeer}`)], DEFAULT_OPTIONS)
    expect(await probe(model, 'external', '/headers')).toMatchObject({ code: '401', rule: 'R28' })
    expect(await probe(model, 'external', '/headers', ISTIO_DEMO_JWT)).toMatchObject({ code: '200' })
  })

  it('with no ingress gateway in the input, the default install routes the request', async () => {
    const model = buildModel([...objects(SEED), ...objects(GATEWAY)], DEFAULT_OPTIONS)
    expect(model.mesh.workloads.some((w) => w.isIngressGateway && w.builtin)).toBe(true)
    expect(await probe(model, 'external', '/headers')).toMatchObject({ code: '200' })
  })
})

describe('R29 TCP-family ports', () => {
  it('an accepted connection is "open (TCP)", never an invented HTTP code, and the explanation says R29', async () => {
    const text = SEED.replaceAll('name: http\n    port: 8000', 'name: tcp-web\n    port: 8000')
    const model = buildModel(objects(text), DEFAULT_OPTIONS)
    const r = await probe(model, 'sleep.foo', 'httpbin.legacy:8000')
    expect(r).toMatchObject({ code: 'open', rule: 'R29' })
    expect(r.steps).toContain('R29')
  })

  it('a reset stays 000/56 (STRICT, plaintext)', async () => {
    const text = SEED.replaceAll('name: http\n    port: 8000', 'name: tcp-web\n    port: 8000')
    const model = buildModel([...objects(text), ...objects(STRICT_FOO)], DEFAULT_OPTIONS)
    expect(await probe(model, 'sleep.legacy', 'httpbin.foo:8000')).toMatchObject({ code: '000/56' })
  })
})
