/**
 * Property: the modern grid's sharing (identical clients copied, identity-dependent columns computed
 * once per class of clients, rows patched for their own namespace and DestinationRules) gives the
 * same cells as computing every cell of every row on its own (modernRowByCell), on generated designs
 * whose AuthorizationPolicies read principals, namespaces and service accounts through exact values,
 * prefixes, suffixes, `*`, inner wildcards, not-fields and `when` conditions.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildModel, computeGrid, listClients, listTargets, prepareEvaluation, type EngineOptions, type IstioProfile, type KubeObject } from '..'
import { columnFacts } from '../evaluate/columns'
import { ISTIO_DEMO_JWT } from '../jwt/samples'
import { modernRowByCell } from './grid'
import { buildPeerTable, columnProbes, peerClasses } from './peerClasses'
import { ap, dr, pa } from './fixtures'

const NAMESPACES = ['a', 'b', 'team-a', 'team-b', 'istio-system'] as const
const ACCOUNTS = ['sleep', 'curl', 'default', 'other'] as const

const PRINCIPALS = ['cluster.local/ns/a/sa/sleep', 'cluster.local/ns/team-a/sa/curl', 'cluster.local/ns/team-*', 'cluster.local/ns/b/sa/*', '*/sa/curl', '*', 'cluster.local/ns/istio-system/sa/default', 'cluster.local/ns/a/sa/s*p']
const NAMESPACE_VALUES = ['a', 'b', 'team-*', '*-a', '*', 'te*-b', 'istio-system', 'c']
const ACCOUNT_VALUES = ['a/sleep', 'sleep', 'team-b/curl', 'default', 'b/default']
const CONDITIONS: readonly [string, readonly string[]][] = [
  ['source.principal', PRINCIPALS],
  ['source.namespace', NAMESPACE_VALUES],
  ['source.serviceAccount', ACCOUNT_VALUES],
  ['connection.sni', ['*', 'outbound_.8000_._.httpbin.a.svc.cluster.local']],
  ['source.ip', ['10.0.0.0/8']],
  ['source.trustDomain', ['cluster.local', 'other']],
]

const pick = <T,>(list: readonly T[]) => fc.constantFrom(...list)
const someOf = <T,>(list: readonly T[]) => fc.uniqueArray(pick(list), { minLength: 1, maxLength: 3 })

// Admission allows serviceAccounts (1.25+) only without principals and namespaces in the same source.
const identitySource = fc.record(
  {
    principals: someOf(PRINCIPALS),
    notPrincipals: someOf(PRINCIPALS),
    namespaces: someOf(NAMESPACE_VALUES),
    notNamespaces: someOf(NAMESPACE_VALUES),
    requestPrincipals: someOf(['testing@secure.istio.io/*', '*']),
  },
  { requiredKeys: [] },
)
const accountSource = fc.record(
  { serviceAccounts: someOf(ACCOUNT_VALUES), notServiceAccounts: someOf(ACCOUNT_VALUES), notRequestPrincipals: someOf(['*']) },
  { requiredKeys: [] },
)
/** One field alone (most of the time: so no other field hides a value the classes would miss), or several. */
const singleField = fc.oneof(
  ...(['principals', 'notPrincipals'] as const).map((k) => someOf(PRINCIPALS).map((v) => ({ [k]: v }))),
  ...(['namespaces', 'notNamespaces'] as const).map((k) => someOf(NAMESPACE_VALUES).map((v) => ({ [k]: v }))),
  ...(['serviceAccounts', 'notServiceAccounts'] as const).map((k) => someOf(ACCOUNT_VALUES).map((v) => ({ [k]: v }))),
)
const source = fc.oneof({ arbitrary: singleField, weight: 3 }, { arbitrary: identitySource, weight: 2 }, { arbitrary: accountSource, weight: 1 }).filter((s) => Object.keys(s).length > 0)

const condition = fc.constantFrom(...CONDITIONS).chain(([key, values]) =>
  fc.record({ key: fc.constant(key), values: someOf(values), notValues: someOf(values) }, { requiredKeys: ['key'] }).filter((c) => c.values !== undefined || c.notValues !== undefined),
)

const rule = fc.oneof(
  fc.record({ from: fc.tuple(fc.record({ source })) }),
  fc.record({ when: fc.tuple(condition) }),
  fc.record(
    {
      from: fc.array(fc.record({ source }), { minLength: 1, maxLength: 2 }),
      to: fc.constant([{ operation: { methods: ['GET'], paths: ['/ip', '/headers'] } }]),
      when: fc.array(condition, { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
)

const policy = (namespaces: readonly string[]) =>
  fc.record({
    namespace: pick(namespaces),
    action: pick(['ALLOW', 'DENY', 'ALLOW']),
    selected: fc.boolean(),
    rules: fc.array(rule, { minLength: 1, maxLength: 2 }),
  })

const namespace = fc.record({
  name: pick(NAMESPACES),
  injected: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  tcp: fc.boolean(),
  clients: fc.array(fc.record({ account: pick(ACCOUNTS), sidecar: fc.constantFrom('namespace', 'namespace', 'on', 'off') }), { minLength: 1, maxLength: 4 }),
  mtls: pick(['none', 'STRICT', 'PERMISSIVE', 'DISABLE']),
})

const design = fc.uniqueArray(namespace, { minLength: 1, maxLength: 5, selector: (n) => n.name }).chain((namespaces) =>
  fc.record({
    profile: pick<IstioProfile>(['1.5', '1.12', '1.21', '1.25', '1.30']),
    token: fc.boolean(),
    namespaces: fc.constant(namespaces),
    // Policies where the design has workloads (and the root namespace: mesh-wide).
    policies: fc.array(policy([...namespaces.map((n) => n.name), 'istio-system']), { minLength: 1, maxLength: 3 }),
    rules: fc.array(fc.record({ namespace: pick(NAMESPACES), host: pick(['*', '*.a.svc.cluster.local', 'httpbin', 'httpbin.b.svc.cluster.local', '*.local']), mode: pick(['DISABLE', 'ISTIO_MUTUAL']) }), { maxLength: 3 }),
  }),
)

type Design = typeof design extends fc.Arbitrary<infer D> ? D : never

function deployment(namespace: string, name: string, account: string, sidecar: string, ports: number[]): KubeObject {
  const annotations = sidecar === 'namespace' ? undefined : { 'sidecar.istio.io/inject': sidecar === 'on' ? 'true' : 'false' }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name }, ...(annotations ? { annotations } : {}) },
        spec: { serviceAccountName: account, containers: [{ name, image: name, ...(ports.length > 0 ? { ports: ports.map((containerPort) => ({ containerPort })) } : {}) }] },
      },
    },
  }
}

function objectsOf(d: Design): KubeObject[] {
  const out: KubeObject[] = []
  for (const n of d.namespaces) {
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n.name, ...(n.injected ? { labels: { 'istio-injection': 'enabled' } } : {}) } })
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'httpbin', namespace: n.name }, spec: { selector: { app: 'httpbin' }, ports: [{ name: n.tcp ? 'tcp' : 'http', port: 8000, targetPort: 80 }] } })
    out.push(deployment(n.name, 'httpbin', 'httpbin', 'namespace', [80]))
    n.clients.forEach((c, k) => out.push(deployment(n.name, `client-${k}`, c.account, c.sidecar, [])))
    if (n.mtls !== 'none') out.push(pa(n.name, 'default', { mtls: { mode: n.mtls } }))
  }
  d.policies.forEach((p, k) =>
    out.push(ap(p.namespace, `policy-${k}`, { ...(p.selected ? { selector: { matchLabels: { app: 'httpbin' } } } : {}), action: p.action, rules: p.rules })),
  )
  d.rules.forEach((r, k) => out.push(dr(r.namespace, `rule-${k}`, r.host, { tls: { mode: r.mode } })))
  return out
}

const RUNS = 600

/** How often the generated designs reached the shared paths (so the property is not vacuous). */
const reached = { designs: 0, identityColumns: 0, sharedClasses: 0 }

describe('modern grid sharing = cell-by-cell evaluation', () => {
  it('on generated designs, every cell of computeGrid equals modernRowByCell', async () => {
    await fc.assert(
      fc.asyncProperty(design, async (d) => {
        const options: EngineOptions = { profile: d.profile, r11: 'documented' }
        const model = buildModel(objectsOf(d), options)
        const headers: Record<string, string> = d.token ? { Authorization: `Bearer ${ISTIO_DEMO_JWT}` } : {}
        const ctx = await prepareEvaluation(model.mesh, { path: '/ip', headers, now: 1_795_000_000 }, new Map(), options)
        const clients = listClients(model.mesh)
        const targets = listTargets(model.mesh)
        const grid = computeGrid(ctx, clients, targets)
        // The reference gets its own column facts, so no memo is shared with the grid.
        const columns = targets.map((t) => columnFacts(ctx, t))
        const expected = new Uint8Array(clients.length * targets.length)
        clients.forEach((w, i) => modernRowByCell(ctx, w, columns, expected, i * targets.length))
        expect(Array.from(grid.cells)).toEqual(Array.from(expected))
        reached.designs++
        const peers = new Map(clients.filter((w) => w.sidecar).map((w) => [`${w.namespace}/${w.serviceAccount}`, { principal: `cluster.local/ns/${w.namespace}/sa/${w.serviceAccount}`, namespace: w.namespace, serviceAccount: w.serviceAccount }]))
        const table = buildPeerTable([...peers.values()])
        for (const c of columns) {
          if (!c.modern!.authz.connectionDependent) continue
          reached.identityColumns++
          if (peerClasses(table, columnProbes(c.modern!.authz)).count < table.size) reached.sharedClasses++
        }
      }),
      { numRuns: RUNS },
    )
    // Many designs have identity-dependent columns, and in many of those some clients share a class.
    expect(reached.designs).toBe(RUNS)
    expect(reached.identityColumns).toBeGreaterThan(120)
    expect(reached.sharedClasses).toBeGreaterThan(8)
  }, 60_000)
})
