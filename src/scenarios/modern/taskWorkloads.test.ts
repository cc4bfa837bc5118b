import { describe, expect, it } from 'vitest'
import type { IstioProfile, KubeObject } from '../../engine/types'
import { istioSampleWorkloads } from './istioSamples'
import { modernTaskWorkloads } from './taskWorkloads'

/** Fields of samples/httpbin/httpbin.yaml and samples/sleep/sleep.yaml read at istio/istio's release tags. */
const AT_TAG: [IstioProfile, { httpbinImage: string; targetPort: number; clientImage: string; sleepArg: string; httpbinAccount: boolean; deploymentApi: string; serviceLabel: boolean }][] = [
  ['1.1', { httpbinImage: 'docker.io/kennethreitz/httpbin', targetPort: 80, clientImage: 'pstauffer/curl', sleepArg: '3650d', httpbinAccount: false, deploymentApi: 'extensions/v1beta1', serviceLabel: false }],
  ['1.5', { httpbinImage: 'docker.io/kennethreitz/httpbin', targetPort: 80, clientImage: 'governmentpaas/curl-ssl', sleepArg: '3650d', httpbinAccount: true, deploymentApi: 'apps/v1', serviceLabel: false }],
  ['1.9', { httpbinImage: 'docker.io/kennethreitz/httpbin', targetPort: 80, clientImage: 'curlimages/curl', sleepArg: '3650d', httpbinAccount: true, deploymentApi: 'apps/v1', serviceLabel: true }],
  ['1.15', { httpbinImage: 'docker.io/kennethreitz/httpbin', targetPort: 80, clientImage: 'curlimages/curl', sleepArg: 'infinity', httpbinAccount: true, deploymentApi: 'apps/v1', serviceLabel: true }],
  ['1.18', { httpbinImage: 'docker.io/kong/httpbin', targetPort: 80, clientImage: 'curlimages/curl', sleepArg: 'infinity', httpbinAccount: true, deploymentApi: 'apps/v1', serviceLabel: true }],
  ['1.21', { httpbinImage: 'docker.io/kong/httpbin', targetPort: 8080, clientImage: 'curlimages/curl', sleepArg: 'infinity', httpbinAccount: true, deploymentApi: 'apps/v1', serviceLabel: true }],
  ['1.24', { httpbinImage: 'docker.io/mccutchen/go-httpbin:v2.15.0', targetPort: 8080, clientImage: 'curlimages/curl', sleepArg: 'infinity', httpbinAccount: true, deploymentApi: 'apps/v1', serviceLabel: true }],
  ['1.28', { httpbinImage: 'docker.io/mccutchen/go-httpbin:v2.15.0', targetPort: 8080, clientImage: 'curlimages/curl:8.16.0', sleepArg: 'infinity', httpbinAccount: true, deploymentApi: 'apps/v1', serviceLabel: true }],
  ['1.30', { httpbinImage: 'docker.io/mccutchen/go-httpbin:v2.15.0', targetPort: 8080, clientImage: 'docker.io/curlimages/curl:8.16.0', sleepArg: 'infinity', httpbinAccount: true, deploymentApi: 'apps/v1', serviceLabel: true }],
]

function find(objects: KubeObject[], kind: string, name: string): KubeObject & { spec?: any } {
  const hit = objects.find((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === 'foo')
  if (!hit) throw new Error(`no ${kind} ${name}`)
  return hit as KubeObject & { spec?: any }
}

describe('the istio.io tasks\' workloads follow Istio\'s samples at each tag', () => {
  it.each(AT_TAG)('%s', (profile, want) => {
    const objects = modernTaskWorkloads(profile)
    const httpbin = find(objects, 'Deployment', 'httpbin')
    const sleep = find(objects, 'Deployment', 'sleep')
    expect(httpbin.apiVersion).toBe(want.deploymentApi)
    expect(httpbin.spec.template.spec.containers[0]).toMatchObject({ image: want.httpbinImage, ports: [{ containerPort: want.targetPort }] })
    expect(find(objects, 'Service', 'httpbin').spec.ports).toEqual([{ name: 'http', port: 8000, targetPort: want.targetPort }])
    expect(find(objects, 'Service', 'httpbin').metadata.labels?.service === 'httpbin').toBe(want.serviceLabel)
    expect(sleep.spec.template.spec.containers[0]).toMatchObject({ image: want.clientImage, command: ['/bin/sleep', want.sleepArg] })
    expect(sleep.spec.template.spec.containers[0].ports).toBeUndefined()
    expect(objects.some((o) => o.kind === 'ServiceAccount' && o.metadata.name === 'httpbin')).toBe(want.httpbinAccount)
    expect(httpbin.spec.template.metadata.labels).toEqual({ app: 'httpbin', version: 'v1' })
  })

  it('names the client curl from 1.24, as the docs do, and loads the seed for 1.0', () => {
    expect(istioSampleWorkloads('1.23').some((o) => o.metadata.name === 'sleep')).toBe(true)
    expect(istioSampleWorkloads('1.24').some((o) => o.metadata.name === 'sleep')).toBe(false)
    expect(istioSampleWorkloads('1.24').filter((o) => o.metadata.name === 'curl').map((o) => o.kind)).toEqual(
      ['ServiceAccount', 'Service', 'Deployment', 'ServiceAccount', 'Service', 'Deployment', 'ServiceAccount', 'Service', 'Deployment'],
    )
    expect(istioSampleWorkloads('1.0').find((o) => o.kind === 'Deployment' && o.metadata.name === 'httpbin')?.apiVersion).toBe('extensions/v1beta1')
  })
})
