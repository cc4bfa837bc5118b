/** The DestinationRule form: host, top-level TLS mode, and per-port TLS overrides (3.4). */
import type { KubeObject } from '../../../engine'
import { asArray, asRecord, clone, type Json } from '../objects'
import { portSelectorFromText, portSelectorText, setOrDelete, strings } from './fields'

export const TLS_MODES = ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'] as const
/** 'none': no `tls` block, which is plaintext (and, at port level, NOT inherited from the top). */
export type TlsChoice = (typeof TLS_MODES)[number] | 'none'

export interface PortLevelForm {
  /** A port number or name. */
  port: string
  tls: TlsChoice
}

export interface RuleForm {
  host: string
  tls: TlsChoice
  portLevel: PortLevelForm[]
  /** Istio 1.1: `.` keeps the rule private to its namespace; '' = not set (public). */
  exportTo: string
}

function tlsChoice(tls: unknown): TlsChoice {
  const mode = asRecord(tls).mode
  return TLS_MODES.find((m) => m === mode) ?? 'none'
}

export function readRuleForm(rule: KubeObject): RuleForm {
  const spec = asRecord(rule.spec)
  const trafficPolicy = asRecord(spec.trafficPolicy)
  return {
    host: String(spec.host ?? ''),
    tls: 'tls' in trafficPolicy ? tlsChoice(trafficPolicy.tls) : 'none',
    portLevel: asArray(trafficPolicy.portLevelSettings).map(asRecord).map((s) => ({ port: portSelectorText(s.port), tls: s.tls ? tlsChoice(s.tls) : 'none' })),
    exportTo: strings(spec.exportTo)[0] ?? '',
  }
}

function writeTls(owner: Json, choice: TlsChoice): void {
  // Other TLS fields (sni, certificates) stay when only the mode changes.
  setOrDelete(owner, 'tls', { ...asRecord(owner.tls), mode: choice }, choice !== 'none')
}

export function writeRuleForm(rule: KubeObject, form: RuleForm): KubeObject {
  const copy = clone(rule)
  const spec = asRecord(copy.spec)
  spec.host = form.host
  const trafficPolicy = asRecord(spec.trafficPolicy)
  writeTls(trafficPolicy, form.tls)
  const originals = asArray(trafficPolicy.portLevelSettings).map(asRecord)
  const settings = form.portLevel.map((p, i) => {
    const setting: Json = { ...(originals[i] ?? {}), port: portSelectorFromText(p.port) }
    writeTls(setting, p.tls)
    return setting
  })
  setOrDelete(trafficPolicy, 'portLevelSettings', settings, settings.length > 0)
  setOrDelete(spec, 'trafficPolicy', trafficPolicy, Object.keys(trafficPolicy).length > 0)
  setOrDelete(spec, 'exportTo', [form.exportTo], form.exportTo !== '')
  return { ...copy, spec }
}
