/** Single-object checks of a VirtualService. */
import type { IstioProfile, ObjectPath } from '../../types'
import type { CDestination, CRouteDestination, CVirtualService } from '../canonical'
import { hostProblem, isIPv4, isIstioLabel } from '../names'
import type { Report } from '../walk'
import { checkExportTo } from './destinationRule'
import { checkPortSelector, checkRegex } from './shared'

function checkDestination(destination: CDestination | undefined, path: ObjectPath, profile: IstioProfile, report: Report): void {
  if (!destination) return report('IST0163', path, 'a route entry needs a `destination`')
  const host = destination.host ?? ''
  const problem = host === '*' ? 'a destination must name one service' : hostProblem(host)
  if (problem) report('IST0163', [...path, 'host'], host ? `destination host "${host}" is not valid: ${problem}` : 'a destination needs a `host`')
  const port = destination.port
  if (!port) return
  if (port.name !== undefined && profile !== '1.0') {
    report('IST0115', [...path, 'port', 'name'], 'Istio 1.1 no longer accepts a port name in a route destination; use `number`')
  } else {
    checkPortSelector(port, [...path, 'port'], report)
  }
}

function checkWeights(route: CRouteDestination[], path: ObjectPath, report: Report): void {
  let total = 0
  route.forEach((r, i) => {
    const weight = r.weight ?? 0
    if (weight < 0 || weight > 100) report('IST0164', [...path, i, 'weight'], `weight ${weight} is outside 0-100`)
    total += weight
  })
  if (route.length > 1 && total !== 100) report('IST0164', path, `the destination weights add up to ${total}, not 100`)
}

/** `mesh`, `name`/FQDN (same namespace) or, from 1.1, `namespace/name`. */
function gatewayRefProblem(ref: string): string | undefined {
  if (ref === 'mesh') return undefined
  const parts = ref.split('/')
  if (parts.length === 2) return parts.every((p) => isIstioLabel(p)) ? undefined : 'namespace and name must be DNS-1123 labels'
  return parts.length === 1 ? hostProblem(ref) : 'use `name` or `namespace/name`'
}

function checkHosts(spec: CVirtualService, report: Report): void {
  const hosts = spec.hosts ?? []
  if (hosts.length === 0) report('IST0160', ['spec', 'hosts'], 'a VirtualService needs at least one host')
  const gateways = spec.gateways ?? []
  const forSidecars = gateways.length === 0 || gateways.includes('mesh')
  hosts.forEach((host, i) => {
    const problem = isIPv4(host) ? undefined : hostProblem(host)
    if (problem) report('IST0160', ['spec', 'hosts', i], `host "${host}" is not valid: ${problem}`)
    else if (host === '*' && forSidecars) {
      report('IST0160', ['spec', 'hosts', i], 'host "*" is only allowed when the VirtualService is bound to gateways (not to `mesh`)')
    }
  })
  gateways.forEach((ref, i) => {
    const problem = gatewayRefProblem(ref)
    if (problem) report('IST0165', ['spec', 'gateways', i], `gateway "${ref}" is not valid: ${problem}`)
  })
}

/** @example checkVirtualServiceRules({ hosts: ['*'], gateways: ['gw'], http: [{}] }, '1.0', report) // IST0162 */
export function checkVirtualServiceRules(spec: CVirtualService, profile: IstioProfile, report: Report): void {
  checkHosts(spec, report)
  const http = spec.http ?? []
  if (http.length === 0 && (spec.tcp ?? []).length === 0 && (spec.tls ?? []).length === 0) {
    report('IST0161', ['spec'], 'a VirtualService needs an `http`, `tcp` or `tls` section')
  }
  http.forEach((rule, i) => {
    const at = ['spec', 'http', i]
    const route = rule.route ?? []
    if (rule.redirect !== undefined && route.length > 0) report('IST0162', [...at, 'redirect'], 'an HTTP route cannot have both `route` and `redirect`')
    if (rule.redirect === undefined && route.length === 0) report('IST0162', at, 'an HTTP route needs `route` destinations (or a `redirect`)')
    route.forEach((r, j) => checkDestination(r.destination, [...at, 'route', j, 'destination'], profile, report))
    checkWeights(route, [...at, 'route'], report)
    rule.match?.forEach((m, j) => {
      if (typeof m.uri?.regex === 'string') checkRegex(m.uri.regex, [...at, 'match', j, 'uri', 'regex'], report)
    })
  })
  checkExportTo(spec.exportTo, report)
}
