/**
 * A realistic application as a cluster prints it (`kubectl get ... -o yaml`, a List with every
 * server-populated field): bookinfo, productpage -> reviews -> ratings and details, named and
 * numeric targetPorts, a ServiceAccount per workload, reviews without containerPort, injected
 * sidecars on the Pods, ReplicaSets and Pods owned by the Deployments, a ConfigMap and a Secret.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildModel, clientLabel, DEFAULT_OPTIONS, listClients, listTargets, targetLabel } from '../engine'
import { runInProcess } from './testing'
import { exportAllYaml, exportKubectlApply, importYamlText } from '../store/io'
import { keyOf } from '../store/keys'
import { parseManifests } from '../yaml'

const FIXTURE = 'src/yaml/fixtures/bookinfo-kubectl-get.yaml'
const text = readFileSync(FIXTURE, 'utf8')
const imported = importYamlText(text, 'bookinfo.yaml')

/** Every key path in an object, e.g. `metadata.uid`, `spec.template.metadata.creationTimestamp`. */
function paths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return []
  if (Array.isArray(value)) return value.flatMap((v, i) => paths(v, `${prefix}${i}.`))
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...paths(v, `${prefix}${k}.`)])
}

describe('importing bookinfo from kubectl get -o yaml', () => {
  it('parses without problems', () => {
    expect(imported.problems).toEqual([])
  })

  it('makes every workload a row and every Service port a column', () => {
    const model = buildModel(imported.objects, DEFAULT_OPTIONS)
    expect(model.diagnostics.filter((d) => d.severity !== 'info')).toEqual([])
    expect(listClients(model.mesh, { allWorkloads: true }).map(clientLabel)).toEqual([
      'productpage-v1.bookinfo',
      'details-v1.bookinfo',
      'reviews-v1.bookinfo',
      'reviews-v2.bookinfo',
      'ratings-v1.bookinfo',
    ])
    expect(listTargets(model.mesh, { includeUnserved: true }).map(targetLabel)).toEqual([
      'productpage.bookinfo:9080',
      'details.bookinfo:9080',
      'reviews.bookinfo:9080',
      'ratings.bookinfo:9080',
    ])
  })

  it('keeps what the engine needs: labels, selectors, ports, service accounts, the sidecar', () => {
    const model = buildModel(imported.objects, DEFAULT_OPTIONS)
    const byName = new Map(model.mesh.workloads.filter((w) => !w.builtin).map((w) => [w.name, w]))
    expect(byName.get('productpage-v1')).toMatchObject({ serviceAccount: 'bookinfo-productpage', sidecar: true, labels: { app: 'productpage', version: 'v1' }, containerPorts: [{ number: 9080, name: 'http' }] })
    expect(byName.get('reviews-v2')).toMatchObject({ serviceAccount: 'bookinfo-reviews', sidecar: true, containerPorts: [] })
    const details = model.mesh.services.find((s) => s.name === 'details')
    expect(details?.ports).toEqual([{ number: 9080, name: 'http', targetPort: 'http', protocol: 'HTTP' }])
    expect(details?.workloads.map((w) => w.name)).toEqual(['details-v1'])
    expect(model.mesh.services.find((s) => s.name === 'reviews')?.workloads.map((w) => w.name)).toEqual(['reviews-v1', 'reviews-v2'])
  })

  it('keeps nothing the cluster owns', () => {
    const kinds = imported.objects.map((o) => o.kind)
    expect(kinds).not.toContain('ReplicaSet')
    expect(kinds).not.toContain('Pod')
    expect(kinds).not.toContain('Secret')
    const all = imported.objects.flatMap((o) => paths(o))
    for (const owned of ['status', 'metadata.uid', 'metadata.resourceVersion', 'metadata.generation', 'metadata.managedFields', 'metadata.selfLink', 'metadata.creationTimestamp', 'spec.clusterIP', 'spec.clusterIPs', 'secrets']) {
      expect(all.filter((p) => p === owned)).toEqual([])
    }
    expect(all.filter((p) => p.endsWith('template.metadata.creationTimestamp'))).toEqual([])
    expect(all.filter((p) => p.includes('last-applied-configuration') || p.includes('deployment.kubernetes.io/revision'))).toEqual([])
    expect(JSON.stringify(imported.objects)).not.toContain('c3VwZXItc2VjcmV0LXBhc3N3b3Jk')
    expect(JSON.stringify(imported.objects)).not.toContain('NaN')
  })

  it('says what it dropped in one line, listing ignored kinds once', () => {
    expect(imported.summary).toBeDefined()
    expect(imported.summary?.split('\n')).toHaveLength(1)
    expect(imported.summary).toContain('dropped server-populated fields: status (10), metadata.uid (15)')
    expect(imported.summary).toContain('folded into their workloads: ReplicaSet (5), Pod (6)')
    expect(imported.summary).toContain('ignored kinds: ConfigMap (1), Secret (1, data not kept)')
  })

  it('exports apps/v1 Deployments and a quoted kubectl block that imports back to the same objects', () => {
    const state = { resources: imported.objects, options: DEFAULT_OPTIONS }
    const again = importYamlText(exportAllYaml(state), 'again.yaml')
    expect(again.summary).toBe('ignored kinds: ConfigMap (1)')
    const sorted = (list: typeof imported.objects) => [...list].sort((a, b) => keyOf(a).localeCompare(keyOf(b)))
    expect(sorted(again.objects)).toEqual(sorted(imported.objects))
    const block = exportKubectlApply(state)
    expect(block.split('\n')[0]).toBe("cat <<'EOF' | kubectl apply -f -")
    expect(block).toContain('apiVersion: apps/v1\nkind: Deployment\n')
  })

  it('runs through the CLI: 5 x 4 probes, the summary on stderr, status 0', async () => {
    const out = await runInProcess([FIXTURE], { command: 'mesh-auth grid' })
    expect(out.code).toBe(0)
    expect(out.stdout.trim().split('\n')).toHaveLength(20)
    expect(out.stdout).toContain('productpage-v1.bookinfo to reviews.bookinfo:9080: 200\n')
    expect(out.stdout).toContain('reviews-v2.bookinfo to ratings.bookinfo:9080: 200\n')
    expect(out.stderr).toMatch(/^mesh-auth grid: dropped server-populated fields: .*; ignored kinds: ConfigMap \(1\), Secret \(1, data not kept\)\n$/)
  })
})

describe('creation order', () => {
  it('puts policies listed by name back in creation order (rule 5 takes the oldest of equals)', () => {
    const policy = (name: string, at: string) =>
      `- apiVersion: authentication.istio.io/v1alpha1\n  kind: Policy\n  metadata:\n    name: ${name}\n    namespace: foo\n    creationTimestamp: "${at}"\n    uid: u-${name}\n  spec:\n    targets: [{name: httpbin}]\n`
    const text = `apiVersion: v1\nkind: List\nitems:\n${policy('a-newer', '2024-03-02T00:00:00Z')}${policy('b-older', '2024-03-01T00:00:00Z')}`
    const { objects } = importYamlText(text, 'policies.yaml')
    expect(objects.map((o) => [o.metadata.name, o.metadata.creationTimestamp, 'uid' in o.metadata])).toEqual([
      ['b-older', '2024-03-01T00:00:00Z', false],
      ['a-newer', '2024-03-02T00:00:00Z', false],
    ])
  })
})

describe('workload kinds as a cluster prints them', () => {
  const deployment = (name: string, containers: string) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: plain}\nspec:\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec:\n      containers: ${containers}\n`

  it('injected istio-proxy and istio-init become the sidecar switch', () => {
    const text = `${deployment('web', '[{name: web, image: w}, {name: istio-proxy, image: proxyv2}]')}      initContainers: [{name: istio-init, image: proxyv2}]\n`
    const { objects, summary } = importYamlText(text, 'injected.yaml')
    const spec = (objects[0]?.spec as { template: { metadata: { annotations: Record<string, string> }; spec: Record<string, unknown> } }).template
    expect(spec.spec.containers).toEqual([{ name: 'web', image: 'w' }])
    expect(spec.spec.initContainers).toBeUndefined()
    expect(Object.keys(spec.metadata.annotations)).toEqual(['sidecar.istio.io/status'])
    expect(buildModel(objects, DEFAULT_OPTIONS).mesh.workloads.find((w) => w.name === 'web')?.sidecar).toBe(true)
    expect(summary).toContain('spec.template.spec.containers[istio] (1)')
  })

  it('a CronJob is a workload; its Jobs and their Pods fold into it; replicas of a missing owner are one', () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: jobs}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: report}}
        spec: {restartPolicy: Never, containers: [{name: report, image: r}]}
---
apiVersion: batch/v1
kind: Job
metadata:
  name: report-2890
  namespace: jobs
  ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: report, controller: true, uid: x}]
spec:
  template:
    metadata: {labels: {app: report}}
    spec: {restartPolicy: Never, containers: [{name: report, image: r}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: report-2890-abcde
  namespace: jobs
  ownerReferences: [{apiVersion: batch/v1, kind: Job, name: report-2890, controller: true, uid: y}]
spec: {containers: [{name: report, image: r}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: api-7d9f-aaaaa
  namespace: jobs
  labels: {app: api}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-7d9f, controller: true, uid: z}]
spec: {containers: [{name: api, image: a}]}
---
apiVersion: v1
kind: Pod
metadata:
  name: api-7d9f-bbbbb
  namespace: jobs
  labels: {app: api}
  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: api-7d9f, controller: true, uid: z}]
spec: {containers: [{name: api, image: a}]}
`
    const model = buildModel(importYamlText(text, 'jobs.yaml').objects, DEFAULT_OPTIONS)
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(listClients(model.mesh, { allWorkloads: true }).map(clientLabel)).toEqual(['report.jobs', 'api-7d9f-aaaaa.jobs'])
    // The engine folds the same way when the copies are typed in rather than imported.
    expect(listClients(buildModel(parseManifests(text).objects, DEFAULT_OPTIONS).mesh, { allWorkloads: true }).map(clientLabel)).toEqual(['report.jobs', 'api-7d9f-aaaaa.jobs'])
  })
})
