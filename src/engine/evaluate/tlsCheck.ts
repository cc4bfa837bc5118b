/**
 * Rule 22: `istioctl authn tls-check` as Istio 1.0 and 1.1 print it (section 7). Neither version
 * looks at sidecars or JWT, so "OK" here does not promise a 200.
 */
import { selectDestinationRule } from '../client/selectDestinationRule'
import { tlsForPort } from '../client/clientTransport'
import type { Mesh } from '../mesh/model'
import { selectPolicy } from '../server/selectPolicy'
import type { IstioProfile } from '../types'
import type { Target } from './targets'

export interface TlsCheckRow {
  hostPort: string
  status: 'OK' | 'CONFLICT'
  server: 'mTLS' | 'HTTP' | 'HTTP/mTLS'
  client: 'mTLS' | 'HTTP'
  authnPolicy: string
  destinationRule: string
}

const BITS = { HTTP: 1, mTLS: 2, 'HTTP/mTLS': 3 } as const

export function tlsCheckRow(mesh: Mesh, target: Target, profile: IstioProfile, clientNamespace: string): TlsCheckRow {
  const { policy } = selectPolicy(mesh, target.service, target.port)
  const mtls = policy?.peers.find((p) => p.kind === 'mtls')
  const server: TlsCheckRow['server'] =
    profile === '1.0' ? (mtls ? 'mTLS' : 'HTTP') : !mtls ? 'HTTP' : mtls.mode === 'PERMISSIVE' ? 'HTTP/mTLS' : 'mTLS'
  const ruleChoice = selectDestinationRule(mesh, clientNamespace, target.service, profile)
  const tls = tlsForPort(ruleChoice.resolved, target.port)
  const client: TlsCheckRow['client'] = tls.mode === 'ISTIO_MUTUAL' ? 'mTLS' : 'HTTP'
  const ok = profile === '1.0' ? server === client : (BITS[server] & BITS[client]) !== 0
  const rule = ruleChoice.resolved?.rule
  return {
    hostPort: `${target.service.fqdn}:${target.port.number}`,
    status: ok ? 'OK' : 'CONFLICT',
    server,
    client,
    // istioctl prints name/namespace; a MeshPolicy has no namespace, hence `default/`.
    authnPolicy: policy ? `${policy.name}/${policy.namespace}` : '-',
    destinationRule: rule ? `${rule.name}/${rule.namespace}` : '-',
  }
}

export function tlsCheckRows(mesh: Mesh, targets: readonly Target[], profile: IstioProfile, clientNamespace: string): TlsCheckRow[] {
  return targets
    .map((t) => ({ t, row: tlsCheckRow(mesh, t, profile, clientNamespace) }))
    .sort((a, b) => (a.t.service.fqdn < b.t.service.fqdn ? -1 : a.t.service.fqdn > b.t.service.fqdn ? 1 : a.t.port.number - b.t.port.number))
    .map((x) => x.row)
}

const HEADER = ['HOST:PORT', 'STATUS', 'SERVER', 'CLIENT', 'AUTHN POLICY', 'DESTINATION RULE']

/** A tab-writer table: every column padded to its widest cell plus five spaces, as istioctl does. */
export function formatTlsCheck(rows: readonly TlsCheckRow[]): string {
  const table = [HEADER, ...rows.map((r) => [r.hostPort, r.status, r.server, r.client, r.authnPolicy, r.destinationRule])]
  const widths = HEADER.map((_, i) => Math.max(...table.map((cells) => (cells[i] ?? '').length)) + 5)
  return table.map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('')).join('\n') + '\n'
}
