/**
 * Which expectation governs a cell. Several may cover it; the most specific wins:
 *   specificity = rank(from) + rank(to), ties broken by rank(to), then the one written last.
 *   from: `*` 0, `sidecar-less`/`with-sidecar` 1, `*.ns` 2, `name.ns` and `external` 3
 *   to:   `*` 0, `*.ns` 1, `svc.ns` 2, `svc.ns:port` 3
 * Expectations that carry a request are only compared with those carrying the same request.
 */
import type { ClientRef, ClientSet, Expectation, IntentRequest, TargetRef, TargetSet } from './types'

export function clientMatches(set: ClientSet, client: ClientRef): boolean {
  switch (set.kind) {
    case 'all':
      return true
    case 'external':
      return client.kind === 'external'
    case 'sidecar':
      return client.kind === 'workload' && client.sidecar === set.sidecar
    case 'namespace':
      return client.kind === 'workload' && client.namespace === set.namespace
    case 'workload':
      return client.kind === 'workload' && client.namespace === set.namespace && client.name === set.name
  }
}

export function targetMatches(set: TargetSet, target: TargetRef): boolean {
  switch (set.kind) {
    case 'all':
      return true
    case 'namespace':
      return target.namespace === set.namespace
    case 'service':
      return target.namespace === set.namespace && target.service === set.name
    case 'port':
      return target.namespace === set.namespace && target.service === set.name && (set.port === target.port || set.port === target.portName)
  }
}

const CLIENT_RANK: Record<ClientSet['kind'], number> = { all: 0, sidecar: 1, namespace: 2, workload: 3, external: 3 }
const TARGET_RANK: Record<TargetSet['kind'], number> = { all: 0, namespace: 1, service: 2, port: 3 }

export function specificity(e: Pick<Expectation, 'from' | 'to'>): number {
  return CLIENT_RANK[e.from.kind] + TARGET_RANK[e.to.kind]
}

/** A stable key for a request override; '' for the current request. */
export function requestKey(request: IntentRequest | undefined): string {
  if (!request) return ''
  const { method, path, token } = request
  if (method === undefined && path === undefined && token === undefined) return ''
  return JSON.stringify([method ?? null, path ?? null, token ?? null])
}

/** True when `a` beats `b` (both cover the cell); `ia`/`ib` are their positions in the list. */
function beats(a: Expectation, ia: number, b: Expectation, ib: number): boolean {
  const sa = specificity(a)
  const sb = specificity(b)
  if (sa !== sb) return sa > sb
  const ta = TARGET_RANK[a.to.kind]
  const tb = TARGET_RANK[b.to.kind]
  if (ta !== tb) return ta > tb
  return ia > ib
}

/** Index of the expectation that governs (client, target) for the request `key`, or -1. */
export function governingExpectation(expectations: readonly Expectation[], client: ClientRef, target: TargetRef, key = ''): number {
  let best = -1
  expectations.forEach((e, i) => {
    if (requestKey(e.request) !== key) return
    if (!clientMatches(e.from, client) || !targetMatches(e.to, target)) return
    if (best < 0 || beats(e, i, expectations[best] as Expectation, best)) best = i
  })
  return best
}
