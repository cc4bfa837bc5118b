/**
 * DestinationRules: the client side's TLS (istio-semantics.md 3). The host decides what a rule
 * acts on; where the rule lives matters for 1.1's visibility (3.3), so attaching moves it too.
 */
import type { IstioProfile, KubeObject, ResourceKey } from '../../engine'
import { hostFor, type AttachTarget } from './hosts'
import { asArray, asRecord, clone, findByKey, NETWORKING_API, replaceByKey, specOf, uniqueName, withMeta, type Json } from './objects'
import { fail, type EditResult } from './result'

/** Where a mesh-wide rule lives: 1.0 sees every namespace (the seed uses `default`); 1.1 only the root. */
export function meshRuleNamespace(profile: IstioProfile): string {
  return profile === '1.1' ? 'istio-system' : 'default'
}

function namespaceFor(target: AttachTarget, profile: IstioProfile): string {
  return target.kind === 'mesh' ? meshRuleNamespace(profile) : target.ns
}

function baseName(target: AttachTarget): string {
  return target.kind === 'service' || target.kind === 'port' ? target.service : 'default'
}

/** Port-level settings replace the whole top-level policy for that port (3.4): ensure one entry. */
function withPortSetting(trafficPolicy: Json, port: number): Json {
  const settings = asArray(trafficPolicy.portLevelSettings).map(asRecord)
  if (settings.some((s) => asRecord(s.port).number === port)) return trafficPolicy
  const tls = asRecord(trafficPolicy.tls).mode ? clone(trafficPolicy.tls) : { mode: 'ISTIO_MUTUAL' }
  return { ...trafficPolicy, portLevelSettings: [...settings, { port: { number: port }, tls }] }
}

/**
 * A rule sending Istio mTLS (ISTIO_MUTUAL) to `at`.
 * @example addDestinationRule(resources, { kind: 'mesh' }, '1.0') // DestinationRule/default/default, host *.local
 */
export function addDestinationRule(resources: readonly KubeObject[], at: AttachTarget, profile: IstioProfile): EditResult {
  const namespace = namespaceFor(at, profile)
  const name = uniqueName(resources, 'DestinationRule', namespace, baseName(at))
  let trafficPolicy: Json = { tls: { mode: 'ISTIO_MUTUAL' } }
  if (at.kind === 'port') trafficPolicy = withPortSetting(trafficPolicy, at.port)
  const rule: KubeObject = { apiVersion: NETWORKING_API, kind: 'DestinationRule', metadata: { name, namespace }, spec: { host: hostFor(at), trafficPolicy } }
  return [...resources, rule]
}

/** Points the rule at `target` (new host, moved to the target's namespace). In place. */
export function attachDestinationRule(resources: readonly KubeObject[], ruleKey: ResourceKey, target: AttachTarget, profile: IstioProfile): EditResult {
  const rule = findByKey(resources, ruleKey)
  if (!rule || rule.kind !== 'DestinationRule') return fail(`There is no DestinationRule ${ruleKey}.`)
  const namespace = namespaceFor(target, profile)
  const spec: Json = { ...asRecord(clone(rule.spec)), host: hostFor(target) }
  if (target.kind === 'port') spec.trafficPolicy = withPortSetting(asRecord(spec.trafficPolicy), target.port)
  const keepName = rule.metadata.name !== 'default' || target.kind === 'mesh' || target.kind === 'namespace'
  const name = uniqueName(resources, 'DestinationRule', namespace, keepName ? rule.metadata.name : baseName(target), ruleKey)
  return replaceByKey(resources, ruleKey, { ...withMeta(rule, { name, namespace }), spec })
}

/**
 * A rule always has a host, so only a port edge can be detached: that removes the port's
 * settings (the port then follows the top-level policy).
 */
export function detachDestinationRule(resources: readonly KubeObject[], ruleKey: ResourceKey, target?: AttachTarget): EditResult {
  const rule = findByKey(resources, ruleKey)
  if (!rule) return fail(`There is no DestinationRule ${ruleKey}.`)
  if (target?.kind !== 'port') return fail(`A DestinationRule always names a host. Drag its edge to another service or namespace, or delete "${rule.metadata.name}".`)
  const spec = asRecord(clone(rule.spec))
  const trafficPolicy = asRecord(spec.trafficPolicy)
  const settings = asArray(trafficPolicy.portLevelSettings).filter((s) => asRecord(asRecord(s).port).number !== target.port)
  if (settings.length > 0) trafficPolicy.portLevelSettings = settings
  else delete trafficPolicy.portLevelSettings
  return replaceByKey(resources, ruleKey, { ...clone(rule), spec: { ...spec, trafficPolicy } })
}

export function ruleHost(rule: KubeObject): string {
  return typeof specOf(rule).host === 'string' ? (specOf(rule).host as string) : ''
}

