/**
 * Galley's admission rules for Policy and MeshPolicy (istio-semantics.md 2.1, rule 4), plus the
 * warnings about `mtls: null` and empty methods (1.3).
 */
import type { ObjectPath } from '../../types'
import type { CJwt, CPolicy, CTarget } from '../canonical'
import { isIstioLabel } from '../names'
import type { Report } from '../walk'
import { checkPortSelector, checkStringMatch } from './shared'

function targetNameHint(name: string): string {
  const [service, namespace] = name.split('.')
  if (!name.includes('.') || !service) return ''
  const where = namespace ? ` and put the policy in namespace "${namespace}"` : ''
  return `: targets take the short service name, resolved in the policy's namespace; write "${service}"${where}`
}

function checkTarget(target: CTarget, path: ObjectPath, report: Report): void {
  const name = target.name ?? ''
  if (!isIstioLabel(name)) {
    const what = name === '' ? 'a target needs a `name`' : `target name "${name}" is not a DNS-1123 label`
    report('IST0114', [...path, 'name'], what + targetNameHint(name))
  }
  target.ports?.forEach((p, i) => checkPortSelector(p, [...path, 'ports', i], report))
}

/** Shape of a URL Pilot could fetch keys from. */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

function checkJwt(jwt: CJwt, path: ObjectPath, report: Report): void {
  if (!jwt.issuer) report('IST0120', [...path, 'issuer'], 'a JWT rule needs an `issuer`')
  jwt.audiences?.forEach((a, i) => {
    if (a === '') report('IST0121', [...path, 'audiences', i], 'an audience must not be an empty string')
  })
  if (jwt.jwksUri && !isHttpUrl(jwt.jwksUri)) {
    report('IST0122', [...path, 'jwksUri'], `jwksUri "${jwt.jwksUri}" is not an http:// or https:// URL`)
  }
  for (const key of ['jwtHeaders', 'jwtParams'] as const) {
    jwt[key]?.forEach((name, i) => {
      if (name === '') report('IST0123', [...path, key, i], `${key} entries must not be empty`)
    })
  }
  jwt.triggerRules?.forEach((rule, i) => {
    for (const key of ['excludedPaths', 'includedPaths'] as const) {
      rule[key]?.forEach((m, j) => checkStringMatch(m, [...path, 'triggerRules', i, key, j], report))
    }
  })
}

/** Every JWT of the policy with its path: hidden peer JWTs count too for the duplicate-issuer rule. */
function jwtsOf(spec: CPolicy, report: Report): { jwt: CJwt; path: ObjectPath }[] {
  const found: { jwt: CJwt; path: ObjectPath }[] = []
  spec.peers?.forEach((peer, i) => {
    const path = ['spec', 'peers', i]
    if (peer.mtls === null) {
      report('IST0116', [...path, 'mtls'], '`mtls` is empty (null); it is read as `mtls: {}` (STRICT), but write `mtls: {}` to say so')
    }
    if (peer.jwt) found.push({ jwt: peer.jwt, path: [...path, 'jwt'] })
    else if (peer.mtls === undefined) report('IST0117', path, 'this peer method sets neither `mtls` nor `jwt`; Pilot ignores it')
  })
  spec.origins?.forEach((origin, i) => {
    const path = ['spec', 'origins', i]
    if (origin.jwt) found.push({ jwt: origin.jwt, path: [...path, 'jwt'] })
    else report('IST0118', path, 'an origin method needs a `jwt`')
  })
  return found
}

/** The name/target rules that decide which Policy can exist where. */
function checkNaming(kind: 'Policy' | 'MeshPolicy', name: string, targets: CTarget[], report: Report): void {
  if (kind === 'MeshPolicy') {
    if (name !== 'default') report('IST0112', ['metadata', 'name'], `a MeshPolicy must be named "default", not "${name}"`)
    if (targets.length > 0) report('IST0113', ['spec', 'targets'], 'a MeshPolicy applies to the whole mesh and must not have targets')
    return
  }
  if (targets.length === 0 && name !== 'default') {
    report('IST0110', ['metadata', 'name'], `a Policy without targets covers the whole namespace and must be named "default", not "${name}"; add targets or rename it`)
  }
  if (targets.length > 0 && name === 'default') {
    report('IST0111', ['spec', 'targets'], 'the Policy named "default" is the namespace-wide one and must not have targets; give this policy another name')
  }
}

/** @example checkPolicyRules('Policy', 'httpbin', { peers: [{ mtls: {} }] }, report) // IST0110 */
export function checkPolicyRules(kind: 'Policy' | 'MeshPolicy', name: string, spec: CPolicy, report: Report): void {
  const targets = spec.targets ?? []
  checkNaming(kind, name, targets, report)
  targets.forEach((t, i) => checkTarget(t, ['spec', 'targets', i], report))
  const issuers = new Map<string, ObjectPath>()
  for (const { jwt, path } of jwtsOf(spec, report)) {
    checkJwt(jwt, path, report)
    if (!jwt.issuer) continue
    if (issuers.has(jwt.issuer)) {
      report('IST0124', [...path, 'issuer'], `issuer "${jwt.issuer}" is already used by another JWT rule of this policy`)
    } else {
      issuers.set(jwt.issuer, path)
    }
  }
}
