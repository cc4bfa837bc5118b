/**
 * M35-M38: what the API server (CRD schema and, 1.23+, CEL rules) and istiod's validating webhook reject
 * in PeerAuthentication, RequestAuthentication and AuthorizationPolicy, on a spec that walked cleanly.
 * Messages follow Istio's where the spec quotes them, so a user can search for them.
 */
import { parseJwks } from '../../jwt/keySets'
import { atLeast } from '../../profile'
import type { IstioProfile, ObjectPath } from '../../types'
import type { CAuthorizationPolicy, CPeerAuthentication, CRequestAuthentication, CSelector, CTargetRef } from '../normalize/security'
import type { Report } from '../walk'

type Path = ObjectPath

function checkSelector(selector: CSelector | undefined, path: Path, report: Report): void {
  if (!selector) return
  const labels = selector.matchLabels ?? {}
  if (Object.keys(labels).length === 0) {
    report('IST0173', path, 'workload selector specified without labels: the policy applies to every workload in its scope')
    return
  }
  for (const [k, v] of Object.entries(labels)) {
    if (k === '') report('IST0172', [...path, 'matchLabels'], `empty key is not supported in selector: "${k}=${v}"`)
    else if (k.includes('*') || v.includes('*')) report('IST0172', [...path, 'matchLabels', k], `wildcard is not supported in selector: "${k}=${v}"`)
  }
}

function checkTargets(spec: { selector?: CSelector; targetRef?: CTargetRef; targetRefs?: CTargetRef[] }, namespace: string, profile: IstioProfile, report: Report): void {
  const refs: [CTargetRef, Path][] = [
    ...(spec.targetRef ? [[spec.targetRef, ['spec', 'targetRef']] as [CTargetRef, Path]] : []),
    ...(spec.targetRefs ?? []).map((r, i): [CTargetRef, Path] => [r, ['spec', 'targetRefs', i]]),
  ]
  if (refs.length === 0) return
  if (spec.selector && atLeast(profile, '1.22')) report('IST0183', ['spec', 'selector'], 'only one of targetRefs or workloadSelector can be set')
  for (const [r, path] of refs) {
    if (!r.name) report('IST0183', [...path, 'name'], 'targetRef name must be set')
    if (r.namespace !== undefined && r.namespace !== '' && r.namespace !== namespace) report('IST0183', [...path, 'namespace'], 'cross namespace referencing is not currently supported')
  }
}

/** M36. */
export function checkPeerAuthenticationRules(spec: CPeerAuthentication, namespace: string, root: string, profile: IstioProfile, report: Report): void {
  checkSelector(spec.selector, ['spec', 'selector'], report)
  const hasSelector = Object.keys(spec.selector?.matchLabels ?? {}).length > 0
  if (spec.portLevelMtls !== undefined) {
    if (!hasSelector) report('IST0171', ['spec', 'portLevelMtls'], atLeast(profile, '1.23') ? 'portLevelMtls requires selector' : 'mesh/namespace peer authentication cannot have port level mTLS')
    else if (Object.keys(spec.portLevelMtls).length === 0) report('IST0171', ['spec', 'portLevelMtls'], 'port level mTLS, if defined, must have at least one element')
    for (const port of Object.keys(spec.portLevelMtls)) {
      const n = Number(port)
      if (!/^[0-9]+$/.test(port) || n < 1 || n > 65535) {
        report('IST0171', ['spec', 'portLevelMtls', port], profile === '1.5' && n === 0 ? 'port cannot be 0' : `port must be in range 1..65535, got ${port}`)
      }
    }
  }
  if (hasSelector && namespace === root) {
    report('IST0174', ['spec', 'selector'], `PeerAuthentication policies with workload selectors are ignored in the root namespace ${root} (M1): this one affects no workload`)
  }
}

const URL_SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/

/** M37. */
export function checkRequestAuthenticationRules(spec: CRequestAuthentication, namespace: string, profile: IstioProfile, report: Report): void {
  checkSelector(spec.selector, ['spec', 'selector'], report)
  checkTargets(spec, namespace, profile, report)
  ;(spec.jwtRules ?? []).forEach((r, i) => {
    const path: Path = ['spec', 'jwtRules', i]
    if (atLeast(profile, '1.27')) {
      if (!r.issuer && !r.jwksUri) report('IST0180', [...path, 'issuer'], 'issuer or jwksUri must be non-empty string')
    } else if (!r.issuer) report('IST0180', [...path, 'issuer'], 'issuer must be set')
    ;(r.audiences ?? []).forEach((a, j) => {
      if (a === '') report('IST0181', [...path, 'audiences', j], 'audience must be non-empty string')
    })
    if (r.jwksUri) {
      const scheme = URL_SCHEME.exec(r.jwksUri)?.[1]?.toLowerCase()
      if (scheme !== 'http' && scheme !== 'https') report('IST0182', [...path, 'jwksUri'], `URI scheme "${scheme ?? ''}" is not supported`)
    }
    if (r.jwks && r.jwksUri && atLeast(profile, '1.23')) report('IST0182', [...path, 'jwks'], 'only one of jwks or jwksUri can be set')
    if (r.jwks && atLeast(profile, '1.11')) {
      const parsed = parseJwks(r.jwks)
      if (!parsed.ok) report('IST0182', [...path, 'jwks'], `jwks parse error: ${parsed.message}`)
    }
    ;(r.fromHeaders ?? []).forEach((h, j) => {
      if (!h.name) report('IST0181', [...path, 'fromHeaders', j, 'name'], 'location header name must be non-empty string')
    })
    ;(r.fromParams ?? []).forEach((p, j) => {
      if (p === '') report('IST0181', [...path, 'fromParams', j], 'location query must be non-empty string')
    })
    ;(r.fromCookies ?? []).forEach((c, j) => {
      if (c === '') report('IST0181', [...path, 'fromCookies', j], 'cookie name must be non-empty string')
    })
    ;(r.outputClaimToHeaders ?? []).forEach((c, j) => {
      if (!c.header || !c.claim) report('IST0181', [...path, 'outputClaimToHeaders', j], 'outputClaimToHeaders header and claim value must be non-empty string')
    })
  })
}

const SOURCE_FIELDS_NOT_FOR_CUSTOM = ['principals', 'notPrincipals', 'namespaces', 'notNamespaces', 'requestPrincipals', 'notRequestPrincipals', 'serviceAccounts', 'notServiceAccounts', 'trustDomains', 'notTrustDomains'] as const
const IDENTITY_KEYS_NOT_FOR_CUSTOM = ['source.namespace', 'source.principal', 'source.serviceAccount', 'source.trustDomain']

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d{1,2}))?$/

function ipProblem(v: string): string | undefined {
  const slash = v.includes('/')
  const m = IPV4_CIDR.exec(v)
  if (m) {
    if (m.slice(1, 5).some((p) => Number(p) > 255)) return slash ? `bad CIDR range (${v})` : `bad IP address (${v})`
    if (m[6] !== undefined && Number(m[6]) > 32) return `bad CIDR range (${v})`
    return undefined
  }
  // IPv6: accepted when it looks like one (hex groups and colons), as the engine compares it literally.
  if (/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(v) && v.includes(':')) return undefined
  return slash ? `bad CIDR range (${v})` : `bad IP address (${v})`
}

/** Attribute keys the webhook knows (M30), with the release they arrived in. */
function attributeProblem(key: string, profile: IstioProfile): string | undefined {
  const simple: Record<string, IstioProfile> = {
    'source.ip': '1.5', 'source.namespace': '1.5', 'source.principal': '1.5', 'request.auth.principal': '1.5', 'request.auth.audiences': '1.5',
    'request.auth.presenter': '1.5', 'destination.ip': '1.5', 'destination.port': '1.5', 'connection.sni': '1.5', 'remote.ip': '1.8',
    'source.serviceAccount': '1.25', 'source.trustDomain': '1.30',
  }
  const since = simple[key]
  if (since) return atLeast(profile, since) ? undefined : `unknown attribute: ${key}`
  if (key.startsWith('experimental.envoy.filters.')) return undefined
  if (key.startsWith('request.headers')) return /^request\.headers\[[^\]]+\]$/.test(key) ? undefined : `invalid attribute ${key}: expected request.headers[<name>]`
  if (key.startsWith('request.auth.claims')) return /^request\.auth\.claims(\[[^\]]+\])+$/.test(key) ? undefined : `invalid attribute ${key}: expected request.auth.claims[<claim>]`
  if (key === 'destination.namespace') return 'attribute destination.namespace is replaced by the metadata.namespace'
  if (key.startsWith('destination.labels')) return `attribute ${key} is replaced by the workload selector`
  if (key === 'destination.name' || key === 'destination.user') return `deprecated attribute ${key}: only supported in v1alpha1`
  return `unknown attribute: ${key}`
}

const PATH_TEMPLATE = /\{\*\*?\}/

/** M38. */
export function checkAuthorizationPolicyRules(spec: CAuthorizationPolicy, name: string, namespace: string, profile: IstioProfile, report: Report): void {
  checkSelector(spec.selector, ['spec', 'selector'], report)
  checkTargets(spec, namespace, profile, report)
  const action = spec.action ?? 'ALLOW'
  const where = `${name}.${namespace}`
  if ((action === 'AUDIT' || action === 'CUSTOM') && !atLeast(profile, '1.8')) {
    report('IST0195', ['spec', 'action'], `"${action}" is not a value of AuthorizationPolicy.Action in Istio ${profile} (ALLOW, DENY; AUDIT and CUSTOM arrived in 1.8)`)
  }
  const rules = spec.rules ?? []
  if (rules.length === 0 && action === 'DENY') {
    report('IST0190', ['spec'], atLeast(profile, '1.9')
      ? 'DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request'
      : `a deny policy without \`rules\` is meaningless and has no effect, found in ${where}`)
  }
  if (rules.length === 0 && action === 'CUSTOM' && atLeast(profile, '1.9')) {
    report('IST0190', ['spec'], 'CUSTOM action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request')
  }
  if (action === 'CUSTOM' && !spec.provider?.name) report('IST0191', ['spec', 'provider'], '`provider.name` must not be empty')
  if (action !== 'CUSTOM' && spec.provider) report('IST0191', ['spec', 'provider'], `\`provider\` must not be with non CUSTOM action, found ${action}`)
  const suffix = atLeast(profile, '1.10') ? '' : ` in ${where}`
  rules.forEach((rule, i) => {
    const rp: Path = ['spec', 'rules', i]
    if (rule.from !== undefined && rule.from.length === 0) report('IST0192', [...rp, 'from'], `\`from\` must not be empty, found at rule ${i}${suffix}`)
    if (rule.to !== undefined && rule.to.length === 0) report('IST0192', [...rp, 'to'], `\`to\` must not be empty, found at rule ${i}${suffix}`)
    ;(rule.from ?? []).forEach((f, j) => {
      const fp: Path = [...rp, 'from', j]
      if (!f.source) return report('IST0192', fp, `\`from.source\` must not be nil, found at rule ${i}${suffix}`)
      const entries = Object.entries(f.source).filter(([, v]) => v !== undefined)
      if (entries.length === 0) return report('IST0192', [...fp, 'source'], `\`from.source\` must not be empty, found at rule ${i}${suffix}`)
      for (const [field, values] of entries) {
        const vp: Path = [...fp, 'source', field]
        ;(values ?? []).forEach((v, k) => {
          if (v === '') report('IST0193', [...vp, k], `empty value not allowed, found in ${field[0]?.toUpperCase()}${field.slice(1)}`)
          else if (/ipblocks$/i.test(field)) {
            const problem = ipProblem(v)
            if (problem) report('IST0193', [...vp, k], problem)
          } else if (/serviceaccounts$/i.test(field)) {
            if (v.includes('*')) report('IST0193', [...vp, k], 'wildcard not allowed, found in ServiceAccounts')
            else if (v.split('/').length > 2) report('IST0193', [...vp, k], `expected format 'serviceAccount' or 'namespace/serviceAccount', found ${v}`)
          } else if (/trustdomains$/i.test(field)) {
            const stars = v.split('*').length - 1
            if (stars > 1) report('IST0193', [...vp, k], `at most one wildcard is allowed, found ${v}`)
            else if (stars === 1 && !v.startsWith('*') && !v.endsWith('*')) report('IST0193', [...vp, k], `wildcard is only allowed at the start or end, found ${v}`)
            else if (v.includes('/')) report('IST0193', [...vp, k], `trust domain must not contain '/', found ${v}`)
          }
        })
        if (/serviceaccounts$/i.test(field) && (values ?? []).length > 16) report('IST0193', vp, 'may not have more than 16 values')
        if (action === 'CUSTOM' && (SOURCE_FIELDS_NOT_FOR_CUSTOM as readonly string[]).includes(field)) {
          report('IST0191', vp, `From.${field[0]?.toUpperCase()}${field.slice(1)} is currently not supported with CUSTOM action`)
        }
      }
      if ((f.source.serviceAccounts || f.source.notServiceAccounts) && (f.source.namespaces || f.source.principals || f.source.notNamespaces || f.source.notPrincipals)) {
        report('IST0193', [...fp, 'source'], `cannot set serviceAccounts with namespaces or principals, found at rule ${i}`)
      }
    })
    ;(rule.to ?? []).forEach((t, j) => {
      const tp: Path = [...rp, 'to', j]
      if (!t.operation) return report('IST0192', tp, `\`to.operation\` must not be nil, found at rule ${i}${suffix}`)
      const entries = Object.entries(t.operation).filter(([, v]) => v !== undefined)
      if (entries.length === 0) return report('IST0192', [...tp, 'operation'], `\`to.operation\` must not be empty, found at rule ${i}${suffix}`)
      for (const [field, values] of entries) {
        const vp: Path = [...tp, 'operation', field]
        ;(values ?? []).forEach((v, k) => {
          if (v === '') report('IST0193', [...vp, k], `empty value not allowed, found in ${field[0]?.toUpperCase()}${field.slice(1)}`)
          else if (/ports$/i.test(field) && !(/^[0-9]+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535)) report('IST0193', [...vp, k], `bad port (${v}): not a port number`)
          else if (/paths$/i.test(field) && v.includes('{')) {
            if (!atLeast(profile, '1.22') || !validTemplate(v)) report('IST0193', [...vp, k], `invalid or unsupported path ${v}, found in Paths.${atLeast(profile, '1.22') ? ' Contains {*} or {**} in an unsupported position' : ' Path templates arrived in Istio 1.22'}`)
          }
        })
      }
    })
    ;(rule.when ?? []).forEach((w, j) => {
      const wp: Path = [...rp, 'when', j]
      if (!w.key) return report('IST0194', [...wp, 'key'], '`key` must not be empty')
      if ((w.values ?? []).length === 0 && (w.notValues ?? []).length === 0) report('IST0194', wp, `at least one of \`values\` or \`notValues\` must be set for key ${w.key}`)
      const problem = attributeProblem(w.key, profile)
      if (problem) report('IST0194', [...wp, 'key'], `invalid \`${(w.values ?? []).length > 0 ? 'value' : 'notValue'}\` for \`key\` ${w.key}: ${problem}`)
      if (action === 'CUSTOM' && (IDENTITY_KEYS_NOT_FOR_CUSTOM.includes(w.key) || w.key.startsWith('request.auth.'))) report('IST0191', [...wp, 'key'], `${w.key} is currently not supported with CUSTOM action`)
    })
  })
  if (action === 'DENY' && atLeast(profile, '1.17') && rules.some((r) => onlyHttp(r))) {
    report('IST0196', ['spec', 'rules'], 'configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port')
  }
}

function validTemplate(path: string): boolean {
  if (!PATH_TEMPLATE.test(path)) return false
  // {**} only as the last segment; every template fills a whole segment.
  const segments = path.split('/')
  return segments.every((s, i) => !s.includes('{') || s === '{*}' || (s === '{**}' && i === segments.length - 1))
}

function onlyHttp(rule: NonNullable<CAuthorizationPolicy['rules']>[number]): boolean {
  const http = ['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths', 'requestPrincipals', 'notRequestPrincipals']
  const fields = [...(rule.from ?? []).flatMap((f) => Object.keys(f.source ?? {})), ...(rule.to ?? []).flatMap((t) => Object.keys(t.operation ?? {}))]
  const keys = (rule.when ?? []).map((w) => w.key ?? '')
  const any = fields.length + keys.length > 0
  return any && fields.every((f) => http.includes(f)) && keys.every((k) => k.startsWith('request.'))
}
