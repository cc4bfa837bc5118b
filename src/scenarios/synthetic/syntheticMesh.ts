/**
 * Synthetic meshes for the benchmark: N namespaces, each with a server (httpbin-like) and a client
 * (sleep-like), sidecars in two namespaces out of three, and policies and DestinationRules at every
 * level (mesh, namespace, service, port) so that every rule path is exercised.
 */
import type { KubeObject } from '../../engine'

function ns(i: number): string {
  return `ns-${i}`
}

/** `appsPerNamespace` servers and as many clients in each namespace (the grid is N*apps square). */
export function syntheticMesh(namespaces: number, appsPerNamespace = 1): KubeObject[] {
  const out: KubeObject[] = [
    { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default' }, spec: { peers: [{ mtls: { mode: 'PERMISSIVE' } }] } },
    { apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'default', namespace: 'istio-system' }, spec: { host: '*.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } } },
  ]
  for (let i = 0; i < namespaces; i++) {
    const name = ns(i)
    const sidecar = i % 3 !== 2
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(sidecar ? { labels: { 'istio-injection': 'enabled' } } : {}) } })
    for (let a = 0; a < appsPerNamespace; a++) out.push(...serverAndClient(name, a === 0 ? '' : `-${a}`))
    if (i % 4 === 0) out.push({ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'default', namespace: name }, spec: { peers: [{ mtls: {} }] } })
    if (i % 4 === 1) out.push({ apiVersion: 'authentication.istio.io/v1alpha1', kind: 'Policy', metadata: { name: 'web', namespace: name }, spec: { targets: [{ name: 'web', ports: [{ number: 8000 }] }], peers: [{ mtls: {} }], origins: [{ jwt: { issuer: 'testing@secure.istio.io', jwksUri: 'https://raw.githubusercontent.com/istio/istio/release-1.0/security/tools/jwt/samples/jwks.json' } }] } })
    if (i % 5 === 0) out.push({ apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'default', namespace: name }, spec: { host: `*.${name}.svc.cluster.local`, trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } } })
    if (i % 7 === 0) out.push({ apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'web', namespace: name }, spec: { host: 'web', trafficPolicy: { tls: { mode: 'DISABLE' }, portLevelSettings: [{ port: { number: 8000 }, tls: { mode: 'ISTIO_MUTUAL' } }] } } })
  }
  return out
}

function serverAndClient(namespace: string, suffix: string): KubeObject[] {
  const web = `web${suffix}`
  const client = `client${suffix}`
  return [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: web, namespace }, spec: { selector: { app: web }, ports: [{ name: 'http', port: 8000 }] } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: web, namespace },
      spec: { selector: { matchLabels: { app: web } }, template: { metadata: { labels: { app: web } }, spec: { containers: [{ name: 'web', image: 'httpbin', ports: [{ containerPort: 8000 }] }] } } },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: client, namespace },
      spec: { selector: { matchLabels: { app: client } }, template: { metadata: { labels: { app: client } }, spec: { containers: [{ name: 'client', image: 'curl' }] } } },
    },
  ]
}

const JWT_ORIGIN = { jwt: { issuer: 'testing@secure.istio.io', jwksUri: 'https://raw.githubusercontent.com/istio/istio/release-1.0/security/tools/jwt/samples/jwks.json' } }

/** Namespace `i`'s authentication Policy: six shapes in turn (namespace-wide, per service, per port, with origins, none). */
function variedPolicy(i: number, name: string): KubeObject[] {
  const meta = (n: string) => ({ name: n, namespace: name })
  const api = 'authentication.istio.io/v1alpha1'
  switch (i % 6) {
    case 0:
      return [{ apiVersion: api, kind: 'Policy', metadata: meta('default'), spec: { peers: [{ mtls: {} }] } }]
    case 1:
      return [{ apiVersion: api, kind: 'Policy', metadata: meta('default'), spec: { peers: [{ mtls: { mode: 'PERMISSIVE' } }] } }]
    case 2:
      return [{ apiVersion: api, kind: 'Policy', metadata: meta('web'), spec: { targets: [{ name: 'web', ports: [{ number: 8000 }] }], peers: [{ mtls: {} }], origins: [JWT_ORIGIN], principalBinding: 'USE_ORIGIN' } }]
    case 3:
      return [{ apiVersion: api, kind: 'Policy', metadata: meta('web'), spec: { targets: [{ name: 'web' }], origins: [JWT_ORIGIN] } }]
    case 4:
      return []
    default:
      return [{ apiVersion: api, kind: 'Policy', metadata: meta('web-port'), spec: { targets: [{ name: 'web', ports: [{ number: 9000 }] }], peers: [{ mtls: {} }] } }]
  }
}

/** Namespace `i`'s DestinationRules: each names another namespace's host, with its own TLS mode, so client rows differ (Istio 1.1 looks rules up in the client's namespace). */
function variedRules(i: number, name: string, namespaces: number): KubeObject[] {
  const api = 'networking.istio.io/v1alpha3'
  const other = `ns-${(i * 7 + 3) % namespaces}`
  const modes = ['ISTIO_MUTUAL', 'DISABLE', 'ISTIO_MUTUAL', 'DISABLE', 'ISTIO_MUTUAL']
  const out: KubeObject[] = [
    { apiVersion: api, kind: 'DestinationRule', metadata: { name: `to-${other}`, namespace: name }, spec: { host: `web.${other}.svc.cluster.local`, trafficPolicy: { tls: { mode: modes[i % modes.length] } } } },
  ]
  if (i % 4 === 1) out.push({ apiVersion: api, kind: 'DestinationRule', metadata: { name: 'wide', namespace: name }, spec: { host: `*.ns-${(i + 1) % namespaces}.svc.cluster.local`, trafficPolicy: { tls: { mode: 'DISABLE' } } } })
  if (i % 5 === 2) out.push({ apiVersion: api, kind: 'DestinationRule', metadata: { name: 'own', namespace: name }, spec: { host: 'web', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' }, portLevelSettings: [{ port: { number: 9000 }, tls: { mode: 'DISABLE' } }] } } })
  return out
}

/**
 * A mesh whose namespaces really differ, for benchmarks that must not measure row copies: sidecars
 * vary per namespace and per workload (injection label, inject annotation), policies take six shapes,
 * every namespace has DestinationRules of its own towards another namespace, and some services have
 * a second port. Deterministic: the same arguments give the same objects.
 */
export function variedMesh(namespaces: number, appsPerNamespace = 1): KubeObject[] {
  const out: KubeObject[] = [
    { apiVersion: 'authentication.istio.io/v1alpha1', kind: 'MeshPolicy', metadata: { name: 'default' }, spec: { peers: [{ mtls: { mode: 'PERMISSIVE' } }] } },
    { apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'default', namespace: 'istio-system' }, spec: { host: '*.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } } },
  ]
  for (let i = 0; i < namespaces; i++) {
    const name = ns(i)
    const injected = i % 3 !== 2
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(injected ? { labels: { 'istio-injection': 'enabled' } } : {}) } })
    for (let a = 0; a < appsPerNamespace; a++) {
      const suffix = a === 0 ? '' : `-${a}`
      const objects = serverAndClient(name, suffix)
      // Every third app (shifted per namespace) has a second port; every fifth client opts out of injection.
      if ((i + a) % 3 === 0) addSecondPort(objects)
      if (injected && (i + a) % 5 === 0) optOut(objects[2] as KubeObject)
      out.push(...objects)
    }
    out.push(...variedPolicy(i, name), ...variedRules(i, name, namespaces))
  }
  return out
}

function addSecondPort([service, server]: KubeObject[]): void {
  const spec = (service as KubeObject).spec as { ports: unknown[] }
  spec.ports.push({ name: 'http-alt', port: 9000 })
  const container = ((server as KubeObject).spec as { template: { spec: { containers: { ports: unknown[] }[] } } }).template.spec.containers[0]
  container?.ports.push({ containerPort: 9000 })
}

function optOut(client: KubeObject): void {
  const template = (client.spec as { template: { metadata: Record<string, unknown> } }).template
  template.metadata.annotations = { 'sidecar.istio.io/inject': 'false' }
}
