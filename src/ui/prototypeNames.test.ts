/**
 * Every Object.prototype member name (`constructor`, `toString`, `__proto__`, `valueOf`...) in every
 * name-like field of every kind: parsed, admitted, modelled, evaluated, drawn, saved, shared and
 * opened again without an exception, and never read as the built-in member.
 */
import { describe, expect, it } from 'vitest'
import { buildModel, DEFAULT_OPTIONS, type KubeObject } from '../engine'
import { parseJwks } from '../engine/jwt/keySets'
import { runPipeline } from '../fuzz/pipeline'
import seedYaml from '../scenarios/seed/workloads.yaml?raw'
import { toFlow } from './canvas/toFlow'
import { parseManifests } from '../yaml'
import { readSavedEntry, STORAGE_KEY } from '../store/autosave'
import { autosaveOf } from '../store/designerStore'
import { keyOf } from '../store/keys'
import { decodeShareLink, encodeShareLink } from '../store/share'
import { memoryStorage, testStore } from '../store/testing'

const MEMBER_NAMES = Object.getOwnPropertyNames(Object.prototype)
const q = (n: string) => JSON.stringify(n)

/** One template per name-like field: the name goes where `n` is. */
const FIELDS: [string, (n: string) => string][] = [
  ['kind', (n) => `apiVersion: v1\nkind: ${q(n)}\nmetadata: {name: x, namespace: foo}\n`],
  ['apiVersion', (n) => `apiVersion: ${q(n)}\nkind: Policy\nmetadata: {name: default, namespace: foo}\nspec: {peers: [{mtls: {}}]}\n`],
  ['metadata.name of a Namespace', (n) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${q(n)}, labels: {istio-injection: enabled}}\n`],
  ['metadata.namespace', (n) => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: ${q(n)}}\n`],
  ['metadata.name of a Service', (n) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${q(n)}, namespace: foo}\nspec: {selector: {app: httpbin}, ports: [{name: http, port: 8000}]}\n`],
  ['metadata.name of a Deployment', (n) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${q(n)}, namespace: foo}\nspec: {selector: {matchLabels: {app: q}}, template: {metadata: {labels: {app: q}}, spec: {containers: [{name: c, image: i, ports: [{containerPort: 80}]}]}}}\n`],
  ['a label key', (n) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: zz, labels: {${q(n)}: a}}\n`],
  ['a label value', (n) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: zz, labels: {istio-injection: ${q(n)}}}\n`],
  ['an annotation key', (n) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: zz, annotations: {${q(n)}: a}}\n`],
  ['a selector key', (n) => `apiVersion: v1\nkind: Service\nmetadata: {name: s2, namespace: foo}\nspec: {selector: {${q(n)}: httpbin}, ports: [{name: http, port: 8000}]}\n`],
  ['a Service port name', (n) => `apiVersion: v1\nkind: Service\nmetadata: {name: s3, namespace: foo}\nspec: {selector: {app: httpbin}, ports: [{name: ${q(n)}, port: 8000, targetPort: ${q(n)}}]}\n`],
  ['a Policy target', (n) => `apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata: {name: p, namespace: foo}\nspec: {targets: [{name: ${q(n)}, ports: [{name: ${q(n)}}]}], peers: [{mtls: {}}]}\n`],
  ['a Policy spec key', (n) => `apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata: {name: default, namespace: foo}\nspec: {${q(n)}: 1}\n`],
  ['a JWT issuer and header', (n) =>
    `apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata: {name: default, namespace: foo}\nspec: {origins: [{jwt: {issuer: ${q(n)}, jwksUri: "https://example.com/${n}", jwtHeaders: [${q(n)}]}}], principalBinding: USE_ORIGIN}\n`],
  ['an enum value', (n) => `apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata: {name: d, namespace: foo}\nspec: {host: a, trafficPolicy: {tls: {mode: ${q(n)}}}}\n`],
  ['a DestinationRule host and subset', (n) =>
    `apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata: {name: d, namespace: foo}\nspec: {host: ${q(n)}, subsets: [{name: ${q(n)}, labels: {${q(n)}: a}}]}\n`],
  ['a Gateway selector and server', (n) =>
    `apiVersion: networking.istio.io/v1alpha3\nkind: Gateway\nmetadata: {name: g, namespace: foo}\nspec: {selector: {${q(n)}: ingressgateway}, servers: [{port: {number: 80, name: ${q(n)}, protocol: ${q(n)}}, hosts: [${q(n)}]}]}\n`],
  ['a VirtualService gateway and host', (n) =>
    `apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata: {name: v, namespace: foo}\nspec: {hosts: [${q(n)}], gateways: [${q(n)}], http: [{route: [{destination: {host: ${q(n)}, subset: ${q(n)}}}]}]}\n`],
  ['a List item kind', (n) => `apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: ${q(n)}, metadata: {name: ${q(n)}}}]\n`],
]

const cases = FIELDS.flatMap(([field, make]) => MEMBER_NAMES.map((name) => [field, name, `${seedYaml}\n---\n${make(name)}`] as const))

describe('Object.prototype member names as user text', () => {
  it(`covers ${MEMBER_NAMES.length} member names in ${FIELDS.length} fields`, () => {
    expect(MEMBER_NAMES).toEqual(expect.arrayContaining(['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty']))
    expect(cases.length).toBe(MEMBER_NAMES.length * FIELDS.length)
  })

  it.each(FIELDS.map(([field]) => field))('%s: parse, admission, model, grid and canvas never throw', async (field) => {
    for (const [, name, text] of cases.filter(([f]) => f === field)) {
      const result = await runPipeline(text, 2).catch((error: unknown) => `${name}: ${String(error)}`)
      expect(typeof result === 'string' ? result : 'ok').toBe('ok')
      const objects = parseManifests(text).objects
      expect(() => toFlow(objects, { positions: {}, namespaces: {} }, buildModel(objects, DEFAULT_OPTIONS))).not.toThrow()
    }
  })

  it.each(MEMBER_NAMES)('%s as namespace, name, label key and kind is saved, shared and opened again as it was', async (name) => {
    const objects: KubeObject[] = [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { [name]: name, 'istio-injection': 'enabled' } } },
      { apiVersion: 'v1', kind: name, metadata: { name, namespace: 'foo' } },
    ]
    // Built with defineProperty semantics, as JSON.parse and the YAML reader do.
    const labels = JSON.parse(`{${q(name)}: ${q(name)}, "istio-injection": "enabled"}`) as Record<string, string>
    objects[0]!.metadata.labels = labels
    const layout = { positions: {}, namespaces: JSON.parse(`{${q(name)}: {"x": 1, "y": 2, "width": 300, "height": 200}}`) as Record<string, never> }
    const storage = memoryStorage()
    const store = testStore({ storage, elkLayout: false, initial: { resources: objects, layout, options: DEFAULT_OPTIONS } })
    await store.getState().settled()
    store.getState().setOptions({ profile: '1.1' })
    autosaveOf(store)!.autosave.flush()
    await autosaveOf(store)!.autosave.idle()
    const saved = storage.data.get(STORAGE_KEY)
    if (name === '__proto__') {
      // The one key whose assignment reaches a prototype is refused on load, so it is set aside, not lost.
      expect(readSavedEntry(storage, { path: '/ip', headers: {} }).kind).toBe('unreadable')
      return
    }
    expect(saved).toBeDefined()
    const reopened = testStore({ storage, elkLayout: false })
    expect(reopened.getState().lastOrigin).toBe('restore')
    expect(reopened.getState().resources.map(keyOf)).toEqual(objects.map(keyOf))
    expect(Object.hasOwn(reopened.getState().resources[0]!.metadata.labels!, name)).toBe(true)
    await reopened.getState().settled()

    const shared = decodeShareLink(encodeShareLink(store.getState()))
    expect(shared.ok).toBe(true)
    expect(shared.ok && shared.design.resources.map(keyOf)).toEqual(objects.map(keyOf))
    expect(shared.ok && Object.hasOwn(shared.design.layout.namespaces, name)).toBe(true)
  })

  it.each(MEMBER_NAMES)('a key set with kty %s is refused or accepted, never thrown on', (name) => {
    expect(() => parseJwks(JSON.stringify({ keys: [{ kty: name, kid: name }] }))).not.toThrow()
  })
})
