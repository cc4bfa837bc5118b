/**
 * Objects every cluster of the seed has without anyone applying them (rule "built-ins exist unless
 * defined"): the Kubernetes API service and Istio's ingress gateway.
 */
import type { KubeObject } from '../types'

export const KUBERNETES_API_SERVICE: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'kubernetes', namespace: 'default' },
  spec: { ports: [{ name: 'https', port: 443, targetPort: 443 }] },
}

export const INGRESS_GATEWAY_LABELS: Record<string, string> = { istio: 'ingressgateway', app: 'istio-ingressgateway' }

export const INGRESS_GATEWAY_SERVICE: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'istio-ingressgateway', namespace: 'istio-system', labels: { ...INGRESS_GATEWAY_LABELS } },
  spec: { selector: { istio: 'ingressgateway' }, ports: [{ name: 'http2', port: 80, targetPort: 80 }] },
}

export const INGRESS_GATEWAY_DEPLOYMENT: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'istio-ingressgateway', namespace: 'istio-system' },
  spec: {
    selector: { matchLabels: { istio: 'ingressgateway' } },
    template: {
      metadata: { labels: { ...INGRESS_GATEWAY_LABELS }, annotations: { 'sidecar.istio.io/inject': 'false' } },
      spec: {
        serviceAccountName: 'istio-ingressgateway-service-account',
        containers: [{ name: 'istio-proxy', ports: [{ containerPort: 80 }] }],
      },
    },
  },
}
