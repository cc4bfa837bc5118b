/**
 * Admission of one object: metadata, apiVersion, then the kind's own checks. Istio specs go through
 * the strict field walk first; the semantic rules and normalisation run only on a spec that walked
 * cleanly, as Galley validates only what Pilot could decode.
 */
import type { IstioResource } from '../istio'
import { describeProfiles, isModernProfile, servedApiVersions } from '../profile'
import type { SecurityResource } from '../security'
import {
  normalizeAuthorizationPolicy, normalizePeerAuthentication, normalizeRequestAuthentication,
  type CAuthorizationPolicy, type CPeerAuthentication, type CRequestAuthentication,
} from './normalize/security'
import { checkAuthorizationPolicyRules, checkPeerAuthenticationRules, checkRequestAuthenticationRules } from './rules/security'
import type { IstioProfile, KubeObject } from '../types'
import type { CDestinationRule, CGateway, CPolicy, CVirtualService } from './canonical'
import { checkMetadata } from './kube/metadata'
import { checkPod, checkService, checkWorkload } from './kube/workloads'
import { ISTIO_KINDS, KUBE_KINDS, WORKLOAD_KINDS, isClusterScoped, isIstioKind, type IstioKind } from './kinds'
import { normalizePolicy, type Identity } from './normalize/authn'
import { normalizeDestinationRule, normalizeGateway, normalizeVirtualService } from './normalize/networking'
import { checkPolicyRules } from './rules/authn'
import { checkDestinationRuleRules } from './rules/destinationRule'
import { checkGatewayRules } from './rules/gateway'
import { checkVirtualServiceRules } from './rules/virtualService'
import { checkMessage, type Report } from './walk'

const TOP_LEVEL = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'status'])

function checkApiVersion(object: KubeObject, served: readonly string[], code: 'IST0106' | 'K8S105', report: Report): void {
  const want = served.join(' or ')
  if (object.apiVersion === undefined || object.apiVersion === null) {
    report(code, ['apiVersion'], `apiVersion is missing; ${object.kind} needs ${want}`)
  } else if (typeof object.apiVersion !== 'string' || !served.includes(object.apiVersion)) {
    report(code, ['apiVersion'], `${JSON.stringify(object.apiVersion)} does not serve ${object.kind}; use ${want}`)
  }
}

/** Rules by kind, on a spec that walked without errors. */
function checkIstioRules(kind: IstioKind, id: Identity, spec: Record<string, unknown>, profile: IstioProfile, report: Report): void {
  const name = id.name
  if (kind === 'PeerAuthentication') checkPeerAuthenticationRules(spec as CPeerAuthentication, id.namespace, ROOT, profile, report)
  else if (kind === 'RequestAuthentication') checkRequestAuthenticationRules(spec as CRequestAuthentication, id.namespace, profile, report)
  else if (kind === 'AuthorizationPolicy') checkAuthorizationPolicyRules(spec as CAuthorizationPolicy, name, id.namespace, profile, report)
  else if (kind === 'Policy' || kind === 'MeshPolicy') checkPolicyRules(kind, name, spec as CPolicy, report)
  else if (kind === 'DestinationRule') checkDestinationRuleRules(spec as CDestinationRule, report, isModernProfile(profile))
  else if (kind === 'Gateway') checkGatewayRules(name, spec as CGateway, profile, report)
  else checkVirtualServiceRules(spec as CVirtualService, profile, report)
}

const ROOT = 'istio-system'

function normalize(kind: IstioKind, spec: Record<string, unknown>, id: Identity, object: KubeObject): IstioResource | SecurityResource {
  if (kind === 'PeerAuthentication') return normalizePeerAuthentication(object, spec as CPeerAuthentication, id)
  if (kind === 'RequestAuthentication') return normalizeRequestAuthentication(object, spec as CRequestAuthentication, id)
  if (kind === 'AuthorizationPolicy') return normalizeAuthorizationPolicy(object, spec as CAuthorizationPolicy, id)
  if (kind === 'Policy' || kind === 'MeshPolicy') return normalizePolicy(kind, spec as CPolicy, id)
  if (kind === 'DestinationRule') return normalizeDestinationRule(spec as CDestinationRule, id)
  if (kind === 'Gateway') return normalizeGateway(spec as CGateway, id)
  return normalizeVirtualService(spec as CVirtualService, id)
}

export interface CheckContext {
  profile: IstioProfile
  report: Report
  /** Errors `report` has received so far for this object. */
  errorCount: () => number
}

/** Checks an Istio object; returns its normalised form when nothing was wrong with it. */
function checkIstioObject(object: KubeObject, kind: IstioKind, id: Identity, ctx: CheckContext): IstioResource | SecurityResource | undefined {
  const served = servedApiVersions(kind, ctx.profile)
  if (served.length === 0) {
    const when = kind === 'Policy' || kind === 'MeshPolicy' ? 'authentication.istio.io/v1alpha1 was removed in Istio 1.6 (use PeerAuthentication and RequestAuthentication)' : 'it arrived in Istio 1.5 (security.istio.io/v1beta1)'
    ctx.report('IST0170', ['kind'], `no matches for kind "${kind}" in Istio ${ctx.profile}: ${when}; profiles: ${describeProfiles()}`)
    return undefined
  }
  checkApiVersion(object, served, 'IST0106', ctx.report)
  for (const key of Object.keys(object)) {
    if (!TOP_LEVEL.has(key)) ctx.report('IST0107', [key], `top-level field "${key}" is ignored by Istio; did you mean to put it under spec?`)
  }
  const before = ctx.errorCount()
  const spec = checkMessage(object.spec ?? {}, ISTIO_KINDS[kind].spec, ['spec'], ctx)
  if (ctx.errorCount() > before || !spec) return undefined
  checkIstioRules(kind, id, spec, ctx.profile, ctx.report)
  return ctx.errorCount() > 0 ? undefined : normalize(kind, spec, id, object)
}

/**
 * All single-object checks for `object`; findings go to `ctx.report`. Returns the normalised Istio
 * resource for an accepted Istio kind.
 */
export function checkObject(object: KubeObject, id: Identity, ctx: CheckContext): IstioResource | SecurityResource | undefined {
  checkMetadata(object, isClusterScoped(object.kind), ctx.report)
  const kind = object.kind
  if (isIstioKind(kind)) return checkIstioObject(object, kind, id, ctx)
  // Own properties only: a kind named `constructor` or `toString` is just an unknown kind.
  const served = Object.hasOwn(KUBE_KINDS, kind) ? KUBE_KINDS[kind] : undefined
  if (!served) {
    ctx.report('K8S100', ['kind'], `kind ${kind} is not modelled; kept as is`)
    return undefined
  }
  checkApiVersion(object, served, 'K8S105', ctx.report)
  if (kind === 'Service') checkService(object, ctx.report)
  else if (kind === 'Pod') checkPod(object, ctx.report)
  else if (WORKLOAD_KINDS.has(kind)) checkWorkload(object, ctx.report)
  return undefined
}
