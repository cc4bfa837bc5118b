/**
 * Candidate edits of the modern profiles (1.5+), next to candidates.ts:
 *
 *   PeerAuthentication mtls.mode (STRICT, PERMISSIVE, DISABLE) of the mesh (root namespace, no
 *     selector), of a namespace (`default`, no selector) or of one workload (selector = the service's);
 *   AuthorizationPolicy, derived from the violated cells:
 *     a client that must get through but is refused (403): a rule allowing its source namespace,
 *       its principal (sidecar clients), any request principal (a request with a token), or the
 *       expectation's path / method, added to an ALLOW policy of the target or in a new policy;
 *     a client that must be refused but gets through: a new DENY policy for its source namespace
 *       (sidecar clients) or for requests without an identity (`notPrincipals: ["*"]`).
 */
import { isModernProfile, meshSettings } from '../../profile'
import type { Mesh, Service } from '../../mesh/model'
import type { EngineOptions, KubeObject } from '../../types'
import type { CellCheck } from '../check'
import type { Expectation } from '../types'
import type { CandidateEdit } from './candidates'
import { clone, findKey, put, record } from './objects'

// v1beta1 is served by every modern profile (v1 only from 1.22).
const SECURITY_API = 'security.istio.io/v1beta1'

type PaMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE'

function withMode(base: KubeObject | undefined, fresh: () => KubeObject, mode: PaMode): KubeObject {
  const object = base ? clone(base) : fresh()
  object.spec = { ...record(object.spec), mtls: { mode } }
  return object
}

function rootNamespaceOf(options: EngineOptions): string {
  return meshSettings(options).rootNamespace
}

function peerAuthnCandidates(objects: readonly KubeObject[], mesh: Mesh, options: EngineOptions, namespaces: readonly string[], services: readonly Service[]): CandidateEdit[] {
  const out: CandidateEdit[] = []
  const root = rootNamespaceOf(options)
  const existing = mesh.security.peerAuthentications
  const scopes: { scope: CandidateEdit['scope']; namespace: string; name: string; selector?: Record<string, string>; label: string }[] = []
  const meshWide = existing.find((p) => p.namespace === root && !p.selector)
  scopes.push({ scope: 'mesh', namespace: root, name: meshWide?.name ?? 'default', label: 'the mesh' })
  for (const ns of namespaces) {
    const own = existing.find((p) => p.namespace === ns && !p.selector)
    scopes.push({ scope: 'namespace', namespace: ns, name: own?.name ?? 'default', label: `namespace ${ns}` })
  }
  for (const s of services) {
    if (Object.keys(s.selector).length === 0) continue
    const own = existing.find((p) => p.namespace === s.namespace && p.selector && Object.entries(s.selector).every(([k, v]) => p.selector?.[k] === v))
    const taken = !own && objects.some((o) => o.kind === 'PeerAuthentication' && o.metadata.namespace === s.namespace && o.metadata.name === s.name)
    scopes.push({ scope: 'workload', namespace: s.namespace, name: own?.name ?? (taken ? `${s.name}-mtls` : s.name), selector: s.selector, label: `workloads of ${s.name}.${s.namespace}` })
  }
  for (const sc of scopes) {
    const key = `PeerAuthentication/${sc.namespace}/${sc.name}`
    for (const mode of ['STRICT', 'PERMISSIVE', 'DISABLE'] as const) {
      out.push({
        id: `peerauthn/${sc.scope}/${sc.namespace}/${sc.name}/${mode}`,
        summary: `PeerAuthentication ${sc.name} in ${sc.namespace} (${sc.label}): mutual TLS ${mode}`,
        scope: sc.scope,
        weakens: mode !== 'STRICT',
        touches: key,
        apply: (list) =>
          put(
            list,
            withMode(
              findKey(list, key),
              () => ({ apiVersion: SECURITY_API, kind: 'PeerAuthentication', metadata: { name: sc.name, namespace: sc.namespace }, spec: sc.selector ? { selector: { matchLabels: { ...sc.selector } } } : {} }),
              mode,
            ),
          ),
      })
    }
  }
  return out
}

type Rule = Record<string, unknown>

function addRule(base: KubeObject, rule: Rule): KubeObject {
  const object = clone(base)
  const spec = { ...record(object.spec) }
  spec.rules = [...(Array.isArray(spec.rules) ? spec.rules : []), rule]
  object.spec = spec
  return object
}

function authzCandidates(objects: readonly KubeObject[], mesh: Mesh, options: EngineOptions, violated: readonly CellCheck[], expectations: readonly Expectation[]): CandidateEdit[] {
  const out: CandidateEdit[] = []
  const policies = mesh.security.authorizationPolicies
  for (const v of violated) {
    const e = expectations[v.expectation]
    if (!e || v.client.kind !== 'workload') continue
    const client = v.client
    const service = mesh.services.find((s) => s.name === v.target.service && s.namespace === v.target.namespace)
    if (!service) continue
    const workload = mesh.workloads.find((w) => w.name === client.name && w.namespace === client.namespace)
    const wantsThrough = e.expect.kind === 'allow' || (e.expect.kind === 'code' && e.expect.code.startsWith('2'))
    const selector = Object.keys(service.selector).length > 0 ? { matchLabels: { ...service.selector } } : undefined
    if (wantsThrough && v.got?.code === '403') {
      const rules: { what: string; rule: Rule }[] = [{ what: `source namespace ${client.namespace}`, rule: { from: [{ source: { namespaces: [client.namespace] } }] } }]
      if (client.sidecar && workload) {
        const principal = `cluster.local/ns/${client.namespace}/sa/${workload.serviceAccount}`
        rules.push({ what: `principal ${principal}`, rule: { from: [{ source: { principals: [principal] } }] } })
      }
      if (e.request?.token !== undefined && e.request.token !== 'none') rules.push({ what: 'any request principal', rule: { from: [{ source: { requestPrincipals: ['*'] } }] } })
      if (e.request?.path !== undefined || e.request?.method !== undefined) {
        const operation = { ...(e.request.path !== undefined ? { paths: [e.request.path.split('?')[0]] } : {}), ...(e.request.method !== undefined ? { methods: [e.request.method] } : {}) }
        rules.push({ what: `${e.request.method ?? ''} ${e.request.path ?? ''}`.trim(), rule: { to: [{ operation }] } })
      }
      // Existing ALLOW policies that apply to the target: add the rule there.
      const allows = policies.filter((p) => p.action === 'ALLOW' && (p.namespace === service.namespace || p.namespace === rootNamespaceOf(options)) && (!p.selector || Object.entries(p.selector).every(([k, val]) => service.selector[k] === val)))
      for (const p of allows)
        for (const r of rules)
          out.push({
            id: `authz/add/${p.key}/${JSON.stringify(r.rule)}`,
            summary: `AuthorizationPolicy ${p.name} in ${p.namespace}: allow ${r.what}`,
            scope: p.selector ? 'workload' : p.namespace === rootNamespaceOf(options) ? 'mesh' : 'namespace',
            weakens: true,
            touches: p.key,
            apply: (list) => {
              const current = findKey(list, p.key)
              return current ? put(list, addRule(current, r.rule)) : [...list]
            },
          })
      const name = `allow-${service.name}`
      const key = `AuthorizationPolicy/${service.namespace}/${name}`
      for (const r of rules)
        out.push({
          id: `authz/new-allow/${key}/${JSON.stringify(r.rule)}`,
          summary: `AuthorizationPolicy ${name} in ${service.namespace} (new): allow ${r.what} to ${service.name}`,
          scope: 'workload',
          weakens: true,
          touches: key,
          apply: (list) => {
            const current = findKey(list, key)
            if (current) return put(list, addRule(current, r.rule))
            return put(list, { apiVersion: SECURITY_API, kind: 'AuthorizationPolicy', metadata: { name, namespace: service.namespace }, spec: { ...(selector ? { selector } : {}), action: 'ALLOW', rules: [r.rule] } })
          },
        })
    }
    if (!wantsThrough && v.got?.code.startsWith('2')) {
      const rules: { what: string; rule: Rule; name: string }[] = []
      if (client.sidecar) rules.push({ what: `source namespace ${client.namespace}`, rule: { from: [{ source: { namespaces: [client.namespace] } }] }, name: `deny-${client.namespace}` })
      else rules.push({ what: 'requests without a peer identity', rule: { from: [{ source: { notPrincipals: ['*'] } }] }, name: 'deny-plaintext' })
      for (const r of rules) {
        for (const scope of ['workload', 'namespace'] as const) {
          const name = scope === 'workload' ? `${r.name}-to-${service.name}` : r.name
          const key = `AuthorizationPolicy/${service.namespace}/${name}`
          out.push({
            id: `authz/new-deny/${scope}/${key}/${JSON.stringify(r.rule)}`,
            summary: `AuthorizationPolicy ${name} in ${service.namespace} (new): deny ${r.what}${scope === 'workload' ? ` to ${service.name}` : ''}`,
            scope,
            weakens: false,
            touches: key,
            apply: (list) => {
              const current = findKey(list, key)
              if (current) return put(list, addRule(current, r.rule))
              return put(list, { apiVersion: SECURITY_API, kind: 'AuthorizationPolicy', metadata: { name, namespace: service.namespace }, spec: { ...(scope === 'workload' && selector ? { selector } : {}), action: 'DENY', rules: [r.rule] } })
            },
          })
        }
      }
    }
  }
  return out
}

/** The modern candidates; none under 1.0/1.1. */
export function modernCandidates(objects: readonly KubeObject[], mesh: Mesh, options: EngineOptions, violated: readonly CellCheck[], expectations: readonly Expectation[], namespaces: readonly string[], services: readonly Service[]): CandidateEdit[] {
  if (!isModernProfile(options.profile)) return []
  return [...peerAuthnCandidates(objects, mesh, options, namespaces, services), ...authzCandidates(objects, mesh, options, violated, expectations)]
}
