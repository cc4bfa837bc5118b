/**
 * Synthetic meshes for the modern profiles' benchmark (issue 10): N namespaces, each with a server
 * (`web`, Service port 8000 -> workload port 8080) and a client, sidecars in two namespaces out of three,
 * PeerAuthentications at every level (mesh, namespace, workload, port; a conflicting younger one),
 * RequestAuthentications, ALLOW and DENY AuthorizationPolicies with principals, namespaces, paths and
 * methods, and DestinationRules, so that every step of the modern pipeline runs.
 */
import type { KubeObject } from '../../engine'

const JWKS = 'https://raw.githubusercontent.com/istio/istio/release-1.30/security/tools/jwt/samples/jwks.json'

function ns(i: number): string {
  return `ns-${i}`
}

const sec = (kind: string, namespace: string, name: string, spec: Record<string, unknown>, created?: string): KubeObject => ({
  apiVersion: 'security.istio.io/v1beta1',
  kind,
  metadata: { name, namespace, ...(created ? { creationTimestamp: created } : {}) },
  spec,
})

export function syntheticModernMesh(namespaces: number): KubeObject[] {
  const out: KubeObject[] = [
    sec('PeerAuthentication', 'istio-system', 'default', { mtls: { mode: 'PERMISSIVE' } }),
    { apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', metadata: { name: 'default', namespace: 'istio-system' }, spec: { host: '*.local', trafficPolicy: { loadBalancer: { simple: 'ROUND_ROBIN' } } } },
  ]
  const web = { matchLabels: { app: 'web' } }
  for (let i = 0; i < namespaces; i++) {
    const name = ns(i)
    const sidecar = i % 3 !== 2
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(sidecar ? { labels: { 'istio-injection': 'enabled' } } : {}) } })
    out.push(...serverAndClient(name))
    if (i % 4 === 0) out.push(sec('PeerAuthentication', name, 'default', { mtls: { mode: 'STRICT' } }, '2024-01-01T00:00:00Z'))
    if (i % 8 === 0) out.push(sec('PeerAuthentication', name, 'younger', { mtls: { mode: 'DISABLE' } }, '2024-02-01T00:00:00Z'))
    if (i % 4 === 1) out.push(sec('PeerAuthentication', name, 'web', { selector: web, mtls: { mode: 'STRICT' }, portLevelMtls: { 8080: { mode: 'PERMISSIVE' } } }))
    if (i % 4 === 3) out.push(sec('PeerAuthentication', name, 'web', { selector: web, mtls: { mode: 'UNSET' } }))
    if (i % 3 === 0) out.push(sec('RequestAuthentication', name, 'jwt', { selector: web, jwtRules: [{ issuer: 'testing@secure.istio.io', jwksUri: JWKS }] }))
    if (i % 4 === 2) {
      out.push(sec('AuthorizationPolicy', name, 'allow', {
        selector: web,
        rules: [
          { from: [{ source: { principals: [`cluster.local/ns/${ns(i - 1)}/sa/client`, `cluster.local/ns/${name}/sa/*`] } }], to: [{ operation: { methods: ['GET'], paths: ['/ip', '/headers'] } }] },
          { from: [{ source: { namespaces: [ns(i + 1), 'ns-1*'] } }], to: [{ operation: { paths: ['/ip'] } }] },
          { from: [{ source: { requestPrincipals: ['testing@secure.istio.io/*'] } }] },
        ],
      }))
    }
    if (i % 5 === 0) {
      out.push(sec('AuthorizationPolicy', name, 'deny', {
        action: 'DENY',
        rules: [
          { from: [{ source: { namespaces: [ns(i + 2)] } }] },
          { from: [{ source: { notPrincipals: ['*'] } }], to: [{ operation: { paths: ['/admin*'] } }] },
          { to: [{ operation: { methods: ['DELETE'] } }] },
        ],
      }))
    }
    if (i % 5 === 0) out.push({ apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', metadata: { name: 'default', namespace: name }, spec: { host: `*.${name}.svc.cluster.local`, trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } } })
    if (i % 7 === 0) out.push({ apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', metadata: { name: 'web', namespace: name }, spec: { host: 'web', trafficPolicy: { tls: { mode: 'DISABLE' }, portLevelSettings: [{ port: { number: 8000 }, tls: { mode: 'ISTIO_MUTUAL' } }] } } })
  }
  return out
}

function serverAndClient(namespace: string): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 8000, targetPort: 8080 }] } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { serviceAccountName: 'web', containers: [{ name: 'web', image: 'httpbin', ports: [{ containerPort: 8080 }] }] } } },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'client', namespace },
      spec: { selector: { matchLabels: { app: 'client' } }, template: { metadata: { labels: { app: 'client' } }, spec: { serviceAccountName: 'client', containers: [{ name: 'client', image: 'curl' }] } } },
    },
  ]
}
