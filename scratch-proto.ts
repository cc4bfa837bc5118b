import { runPipeline } from './src/engine/hostile/pipeline'
import { readFileSync } from 'node:fs'
const seed = readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')
const names = Object.getOwnPropertyNames(Object.prototype)
const templates: [string, (n: string) => string][] = [
  ['kind', (n) => `apiVersion: v1\nkind: ${JSON.stringify(n)}\nmetadata: {name: x, namespace: foo}\n`],
  ['ns name', (n) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${JSON.stringify(n)}, labels: {istio-injection: enabled}}\n`],
  ['svc name', (n) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${JSON.stringify(n)}, namespace: foo}\nspec: {selector: {app: httpbin}, ports: [{name: http, port: 8000}]}\n`],
  ['label key', (n) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: zz, labels: {${JSON.stringify(n)}: a}}\n`],
  ['selector key', (n) => `apiVersion: v1\nkind: Service\nmetadata: {name: s2, namespace: foo}\nspec: {selector: {${JSON.stringify(n)}: httpbin}, ports: [{name: http, port: 8000}]}\n`],
  ['policy target', (n) => `apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata: {name: p, namespace: foo}\nspec: {targets: [{name: ${JSON.stringify(n)}}], peers: [{mtls: {}}]}\n`],
  ['dr host', (n) => `apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata: {name: d, namespace: foo}\nspec: {host: ${JSON.stringify(n)}, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}\n`],
  ['spec key', (n) => `apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata: {name: default, namespace: foo}\nspec: {${JSON.stringify(n)}: 1}\n`],
  ['apiVersion', (n) => `apiVersion: ${JSON.stringify(n)}\nkind: Policy\nmetadata: {name: default, namespace: foo}\nspec: {}\n`],
  ['deployment name', (n) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${JSON.stringify(n)}, namespace: foo}\nspec: {selector: {matchLabels: {app: q}}, template: {metadata: {labels: {app: q}}, spec: {containers: [{name: c, image: i}]}}}\n`],
  ['enum', (n) => `apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\nmetadata: {name: d, namespace: foo}\nspec: {host: a, trafficPolicy: {tls: {mode: ${JSON.stringify(n)}}}}\n`],
]
for (const [what, make] of templates) for (const n of names) {
  try { await runPipeline(`${seed}\n---\n${make(n)}`, 2) } catch (e) { console.log(what, n, String(e).slice(0, 150)) }
}
console.log('done')
