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
