/** One-line summaries of objects for node faces, read through the commands' form models. */
import type { KubeObject } from '../../engine'
import { readGatewayForm, readPolicyForm, readRuleForm, readVirtualServiceForm } from '../../store/commands'
import { modernSummary } from '../modern/modernSummary'
import type { PolicyData, ResourceData, RuleData } from './flowTypes'

const SUFFIX = '.svc.cluster.local'

/** `httpbin.foo.svc.cluster.local` reads as `httpbin.foo` on a small node. */
export function shortHost(host: string): string {
  return host.endsWith(SUFFIX) ? host.slice(0, -SUFFIX.length) : host
}

export function policyFace(object: KubeObject): Pick<PolicyData, 'mtls' | 'origins'> {
  const form = readPolicyForm(object)
  return { mtls: form.mtls, origins: form.origins.length }
}

export function ruleFace(object: KubeObject): Pick<RuleData, 'host' | 'tls' | 'portLevel'> {
  const form = readRuleForm(object)
  return { host: form.host, tls: form.tls, portLevel: form.portLevel.length }
}

export function resourceSummary(object: KubeObject): ResourceData['summary'] {
  if (object.kind === 'Gateway') {
    const form = readGatewayForm(object)
    return `${form.protocol} :${form.port} · ${form.hosts.join(', ') || 'no hosts'}`
  }
  if (object.kind === 'VirtualService') {
    const routes = readVirtualServiceForm(object).routes
    const first = routes[0]
    if (!first) return 'no routes'
    const more = routes.length > 1 ? ` +${routes.length - 1}` : ''
    return `${first.prefix || '*'} → ${shortHost(first.host)}${first.port ? `:${first.port}` : ''}${more}`
  }
  return modernSummary(object) ?? object.apiVersion ?? ''
}
