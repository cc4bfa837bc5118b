/**
 * The written form of client and target sets, as people say them (intent.yaml, the CLI, grid labels):
 *
 *   from: `sleep.foo` (one workload), `*.foo` (every workload of namespace foo), `sidecar-less`,
 *         `with-sidecar`, `external` (through the ingress gateway), `*` (every client)
 *   to:   `httpbin.foo:8000` (one port, by number or name), `httpbin.foo` (every port of the service),
 *         `*.foo` (every service of namespace foo), `*` (everything)
 */
import type { ClientSet, ExpectedOutcome, TargetSet } from './types'

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

function dotted(text: string): { name: string; namespace: string } | undefined {
  const parts = text.split('.')
  if (parts.length !== 2) return undefined
  const [name = '', namespace = ''] = parts
  if (!(name === '*' || NAME.test(name)) || !NAME.test(namespace)) return undefined
  return { name, namespace }
}

export function parseClientSet(text: string): Parsed<ClientSet> {
  const t = text.trim()
  if (t === '*') return { ok: true, value: { kind: 'all' } }
  if (t === 'external') return { ok: true, value: { kind: 'external' } }
  if (t === 'sidecar-less') return { ok: true, value: { kind: 'sidecar', sidecar: false } }
  if (t === 'with-sidecar') return { ok: true, value: { kind: 'sidecar', sidecar: true } }
  const d = dotted(t)
  if (!d) return { ok: false, message: `"${text}" is not a client set: write NAME.NAMESPACE, *.NAMESPACE, sidecar-less, with-sidecar, external or *` }
  return { ok: true, value: d.name === '*' ? { kind: 'namespace', namespace: d.namespace } : { kind: 'workload', ...d } }
}

export function parseTargetSet(text: string): Parsed<TargetSet> {
  const t = text.trim()
  if (t === '*') return { ok: true, value: { kind: 'all' } }
  const colon = t.indexOf(':')
  const host = colon < 0 ? t : t.slice(0, colon)
  const port = colon < 0 ? undefined : t.slice(colon + 1)
  const d = dotted(host)
  const bad = { ok: false as const, message: `"${text}" is not a target set: write SERVICE.NAMESPACE:PORT, SERVICE.NAMESPACE, *.NAMESPACE or *` }
  if (!d) return bad
  if (d.name === '*') return port === undefined ? { ok: true, value: { kind: 'namespace', namespace: d.namespace } } : bad
  if (port === undefined) return { ok: true, value: { kind: 'service', ...d } }
  if (/^[0-9]{1,5}$/.test(port)) return { ok: true, value: { kind: 'port', ...d, port: Number(port) } }
  if (NAME.test(port)) return { ok: true, value: { kind: 'port', ...d, port } }
  return bad
}

export function formatClientSet(set: ClientSet): string {
  switch (set.kind) {
    case 'all':
      return '*'
    case 'external':
      return 'external'
    case 'sidecar':
      return set.sidecar ? 'with-sidecar' : 'sidecar-less'
    case 'namespace':
      return `*.${set.namespace}`
    case 'workload':
      return `${set.name}.${set.namespace}`
  }
}

export function formatTargetSet(set: TargetSet): string {
  switch (set.kind) {
    case 'all':
      return '*'
    case 'namespace':
      return `*.${set.namespace}`
    case 'service':
      return `${set.name}.${set.namespace}`
    case 'port':
      return `${set.name}.${set.namespace}:${set.port}`
  }
}

/** `allow`, `deny`, `200`, `403`, `000`, `000/56` (also `000 (56)`, as the grid prints it). */
export function parseOutcome(text: string): Parsed<ExpectedOutcome> {
  const t = text.trim()
  if (t === 'allow' || t === 'deny') return { ok: true, value: { kind: t } }
  const m = /^(000)\s*(?:\/\s*|\(\s*)([0-9]{1,3})\s*\)?$/.exec(t)
  if (m) return { ok: true, value: { kind: 'code', code: '000', exit: Number(m[2]) } }
  if (/^[0-9]{3}$/.test(t)) return { ok: true, value: { kind: 'code', code: t } }
  return { ok: false, message: `"${text}" is not an outcome: write allow, deny, an HTTP code such as 403, or 000/EXIT such as 000/56` }
}

export function formatOutcome(o: ExpectedOutcome): string {
  if (o.kind !== 'code') return o.kind
  return o.exit === undefined ? o.code : `${o.code}/${o.exit}`
}
