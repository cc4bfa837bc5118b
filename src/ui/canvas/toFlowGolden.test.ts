/**
 * toFlow's output (nodes, edges, in order, every field) for synthetic designs is what main's
 * quadratic derivation produced before the indexes of issue 12: fingerprints printed from main with
 * `GOLDEN_PRINT=1 npx vitest run src/ui/canvas/toFlowGolden.test.ts`. Reprinted once after the merge of
 * issues 8, 9 and 11, whose features change the nodes on purpose (R24 port chips, the Mesh marker's
 * layer, modern summaries), and once for the R24 `listening` flag of port chips (identical with it
 * left out); the linear derivation itself did not change them.
 */
import { describe, expect, it } from 'vitest'
import { buildModel, type EngineOptions, type KubeObject } from '../../engine'
import { syntheticMesh, variedMesh } from '../../scenarios/synthetic/syntheticMesh'
import { EMPTY_LAYOUT } from '../../store/placeNodes'
import { parseManifests } from '../../yaml'
import seedYaml from '../../scenarios/seed/workloads.yaml?raw'
import { toFlow } from './toFlow'

function hash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`
}

/** The seed with an ingress: a Gateway and a VirtualService routing to httpbin.foo:8000. */
function seedWithIngress(): KubeObject[] {
  return [
    ...parseManifests(seedYaml).objects,
    { apiVersion: 'networking.istio.io/v1alpha3', kind: 'Gateway', metadata: { name: 'gw', namespace: 'foo' }, spec: { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] } },
    { apiVersion: 'networking.istio.io/v1alpha3', kind: 'VirtualService', metadata: { name: 'vs', namespace: 'foo' }, spec: { hosts: ['*'], gateways: ['gw'], http: [{ match: [{ uri: { prefix: '/' } }], route: [{ destination: { host: 'httpbin.foo.svc.cluster.local', port: { number: 8000 } } }] }] } },
  ]
}

const CASES: [string, () => KubeObject[]][] = [
  ['seed+ingress', seedWithIngress],
  ['synthetic-20x2', () => syntheticMesh(20, 2)],
  ['varied-30x2', () => variedMesh(30, 2)],
]

const GOLDEN: Record<string, string> = {
  'seed+ingress': 'b24b5a46284315c2',
  'synthetic-20x2': '43072400a3aa78f8',
  'varied-30x2': '57b4dbdeedf2427f',
}

const OPTIONS: EngineOptions = { profile: '1.1', r11: 'documented' }

function fingerprint(resources: KubeObject[]): string {
  const flow = toFlow(resources, EMPTY_LAYOUT, buildModel(resources, OPTIONS), { kind: 'resource', key: resources.find((o) => o.kind === 'Service')?.metadata.name ? `Service/${resources.find((o) => o.kind === 'Service')?.metadata.namespace}/${resources.find((o) => o.kind === 'Service')?.metadata.name}` : '' })
  return hash(JSON.stringify(flow))
}

describe('toFlow golden output', () => {
  if ((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.GOLDEN_PRINT === '1') {
    it('prints', () => console.log(CASES.map(([name, make]) => `  '${name}': '${fingerprint(make())}',`).join('\n')))
    return
  }
  for (const [name, make] of CASES) it(name, () => expect(fingerprint(make())).toBe(GOLDEN[name]))
})
