/**
 * The Policy/MeshPolicy form as plain data, and the way back to YAML fields. Fields the form does
 * not show (hidden jwt peers, inline jwks) survive a write.
 */
import type { KubeObject } from '../../../engine'
import { asArray, asRecord, clone, type Json } from '../objects'
import { portSelectorFromText, portSelectorText, setOrDelete, stringMatchFromText, stringMatchText, strings } from './fields'

export type MtlsChoice = 'STRICT' | 'PERMISSIVE' | 'none'

export interface TargetForm {
  name: string
  /** Port selectors as text: a number or a port name. */
  ports: string[]
}

export interface TriggerRuleForm {
  /** StringMatch lines, e.g. `prefix:/api`. */
  includedPaths: string[]
  excludedPaths: string[]
}

export interface OriginForm {
  issuer: string
  audiences: string[]
  jwksUri: string
  jwtHeaders: string[]
  jwtParams: string[]
  /** Istio 1.1 only. */
  triggerRules: TriggerRuleForm[]
}

export interface PolicyForm {
  targets: TargetForm[]
  mtls: MtlsChoice
  /** Istio 1.0: STRICT also accepts TLS without a client certificate. */
  allowTls: boolean
  peerIsOptional: boolean
  origins: OriginForm[]
  originIsOptional: boolean
  principalBinding: 'USE_PEER' | 'USE_ORIGIN'
}

export function emptyOrigin(): OriginForm {
  return { issuer: '', audiences: [], jwksUri: '', jwtHeaders: [], jwtParams: [], triggerRules: [] }
}

function mtlsPeer(spec: Json): Json | undefined {
  return asArray(spec.peers).map(asRecord).find((p) => 'mtls' in p)
}

export function readPolicyForm(policy: KubeObject): PolicyForm {
  const spec = asRecord(policy.spec)
  const peer = mtlsPeer(spec)
  // `mtls: {}` and `mtls: null` both mean STRICT (istio-semantics.md 1.3).
  const mtls = asRecord(peer?.mtls)
  return {
    targets: asArray(spec.targets).map(asRecord).map((t) => ({ name: String(t.name ?? ''), ports: asArray(t.ports).map(portSelectorText) })),
    mtls: peer ? (mtls.mode === 'PERMISSIVE' ? 'PERMISSIVE' : 'STRICT') : 'none',
    allowTls: mtls.allowTls === true,
    peerIsOptional: spec.peerIsOptional === true,
    origins: asArray(spec.origins).map((o) => {
      const jwt = asRecord(asRecord(o).jwt)
      return {
        issuer: String(jwt.issuer ?? ''),
        audiences: strings(jwt.audiences),
        jwksUri: String(jwt.jwksUri ?? ''),
        jwtHeaders: strings(jwt.jwtHeaders),
        jwtParams: strings(jwt.jwtParams),
        triggerRules: asArray(jwt.triggerRules).map(asRecord).map((r) => ({
          includedPaths: asArray(r.includedPaths).map(stringMatchText),
          excludedPaths: asArray(r.excludedPaths).map(stringMatchText),
        })),
      }
    }),
    originIsOptional: spec.originIsOptional === true,
    principalBinding: spec.principalBinding === 'USE_ORIGIN' ? 'USE_ORIGIN' : 'USE_PEER',
  }
}

function writePeers(spec: Json, form: PolicyForm): void {
  const peers = asArray(spec.peers).map(asRecord)
  const at = peers.findIndex((p) => 'mtls' in p)
  const others = peers.filter((p) => !('mtls' in p))
  if (form.mtls !== 'none') {
    const mtls: Json = { ...asRecord(at >= 0 ? peers[at]?.mtls : undefined) }
    // Keep the seed's terse `mtls: {}` for STRICT unless the user had spelled the mode out.
    setOrDelete(mtls, 'mode', form.mtls, form.mtls === 'PERMISSIVE' || 'mode' in mtls)
    setOrDelete(mtls, 'allowTls', true, form.allowTls)
    others.splice(Math.max(at, 0), 0, { mtls })
  }
  setOrDelete(spec, 'peers', others, others.length > 0)
}

function writeOrigin(original: unknown, form: OriginForm): Json {
  const jwt: Json = { ...asRecord(asRecord(original).jwt), issuer: form.issuer }
  setOrDelete(jwt, 'audiences', form.audiences, form.audiences.length > 0)
  setOrDelete(jwt, 'jwksUri', form.jwksUri, form.jwksUri !== '')
  setOrDelete(jwt, 'jwtHeaders', form.jwtHeaders, form.jwtHeaders.length > 0)
  setOrDelete(jwt, 'jwtParams', form.jwtParams, form.jwtParams.length > 0)
  const rules = form.triggerRules.map((r) => {
    const rule: Json = {}
    setOrDelete(rule, 'includedPaths', r.includedPaths.map(stringMatchFromText), r.includedPaths.length > 0)
    setOrDelete(rule, 'excludedPaths', r.excludedPaths.map(stringMatchFromText), r.excludedPaths.length > 0)
    return rule
  })
  setOrDelete(jwt, 'triggerRules', rules, rules.length > 0)
  return { ...asRecord(original), jwt }
}

/** A copy of `policy` with the form's values written into its spec. */
export function writePolicyForm(policy: KubeObject, form: PolicyForm): KubeObject {
  const copy = clone(policy)
  const spec = asRecord(copy.spec)
  const targets = form.targets.map((t) => (t.ports.length > 0 ? { name: t.name, ports: t.ports.map(portSelectorFromText) } : { name: t.name }))
  setOrDelete(spec, 'targets', targets, targets.length > 0)
  writePeers(spec, form)
  setOrDelete(spec, 'peerIsOptional', true, form.peerIsOptional)
  const originals = asArray(spec.origins)
  const origins = form.origins.map((o, i) => writeOrigin(originals[i], o))
  setOrDelete(spec, 'origins', origins, origins.length > 0)
  setOrDelete(spec, 'originIsOptional', true, form.originIsOptional)
  setOrDelete(spec, 'principalBinding', form.principalBinding, form.principalBinding === 'USE_ORIGIN' || 'principalBinding' in spec)
  return { ...copy, spec }
}
