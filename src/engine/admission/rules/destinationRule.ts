/**
 * Single-object checks of a DestinationRule. Whether its host matches a service, or another rule has
 * the same host, needs the whole mesh and is the mesh builder's job (MESH001, MESH004).
 */
import type { ObjectPath } from '../../types'
import type { CDestinationRule, CTls, CTrafficPolicy } from '../canonical'
import { hostProblem, isIstioLabel } from '../names'
import type { Report } from '../walk'
import { checkPortSelector } from './shared'

function checkTls(tls: CTls | undefined, path: ObjectPath, report: Report): void {
  if (tls?.mode !== 'MUTUAL') return
  for (const key of ['clientCertificate', 'privateKey'] as const) {
    if (!tls[key]) report('IST0144', [...path, 'mode'], `TLS mode MUTUAL needs \`${key}\` (for sidecar certificates use ISTIO_MUTUAL)`)
  }
}

/** Keys that make a (port-level) traffic policy do something. */
const TUNING_KEYS = ['loadBalancer', 'connectionPool', 'outlierDetection', 'tls'] as const

function checkTrafficPolicy(policy: CTrafficPolicy, path: ObjectPath, report: Report): void {
  if (TUNING_KEYS.every((k) => policy[k] === undefined) && policy.portLevelSettings === undefined) {
    report('IST0142', path, 'the traffic policy sets nothing; remove it or add e.g. `tls: {mode: ISTIO_MUTUAL}`')
  }
  checkTls(policy.tls, [...path, 'tls'], report)
  policy.portLevelSettings?.forEach((setting, i) => {
    const at = [...path, 'portLevelSettings', i]
    if (setting.port === undefined) report('IST0143', at, 'a port-level setting needs a `port`')
    else checkPortSelector(setting.port, [...at, 'port'], report)
    if (TUNING_KEYS.every((k) => setting[k] === undefined)) {
      report('IST0142', at, 'this port-level setting sets nothing besides its port')
    }
    checkTls(setting.tls, [...at, 'tls'], report)
  })
}

/** Pilot 1.1 reads one entry only, and knows two values. */
export function checkExportTo(exportTo: string[] | undefined, report: Report): void {
  if (!exportTo || exportTo.length === 0) return
  if (exportTo.length > 1) report('IST0145', ['spec', 'exportTo'], 'exportTo takes a single entry in Istio 1.1 (`.` or `*`)')
  exportTo.forEach((v, i) => {
    if (v !== '.' && v !== '*') report('IST0145', ['spec', 'exportTo', i], `exportTo "${v}" is not supported; use "." (this namespace) or "*" (everywhere)`)
  })
}

/** @example checkDestinationRuleRules({ host: '' }, report) // IST0140 */
/** `modern` (1.5+): exportTo takes several entries, namespace names included (M8). */
export function checkDestinationRuleRules(spec: CDestinationRule, report: Report, modern = false): void {
  if (!spec.host) {
    report('IST0140', ['spec', 'host'], 'a DestinationRule needs a `host`, e.g. "httpbin.foo.svc.cluster.local" or "*.local"')
  } else {
    const problem = hostProblem(spec.host)
    if (problem) report('IST0141', ['spec', 'host'], `host "${spec.host}" is not valid: ${problem}`)
  }
  if (spec.trafficPolicy) checkTrafficPolicy(spec.trafficPolicy, ['spec', 'trafficPolicy'], report)
  const names = new Set<string>()
  spec.subsets?.forEach((subset, i) => {
    const at = ['spec', 'subsets', i]
    const name = subset.name ?? ''
    if (!isIstioLabel(name)) report('IST0146', [...at, 'name'], name ? `subset name "${name}" is not a DNS-1123 label` : 'a subset needs a `name`')
    else if (names.has(name)) report('IST0146', [...at, 'name'], `subset name "${name}" is used twice`)
    names.add(name)
    if (subset.trafficPolicy) checkTrafficPolicy(subset.trafficPolicy, [...at, 'trafficPolicy'], report)
  })
  if (!modern) checkExportTo(spec.exportTo, report)
}
