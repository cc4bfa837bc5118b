/**
 * The request loop tool: the seed's `for i in 1..10; curl; sleep 1` against one cell, on the
 * simulated clock (computed at once for start, start + interval, ...; nothing waits).
 */
import { listTargets, runRequestLoop, type EngineOptions, type LoopProbe, type Mesh, type ResourceKey, type Target } from '../../engine'
import type { RequestSettings } from '../types'
import { findToken, loopRequest } from './profile'

/** Which cell: the external client through the ingress, or a workload to a service port. */
export type LoopCell = { kind: 'external' } | { kind: 'workload'; workloadKey: ResourceKey; serviceKey: ResourceKey; port: number }

export interface LoopSetup {
  cell: LoopCell
  /** A token id (tokenEntries), or undefined for no token. */
  tokenId: string | undefined
  count: number
  intervalSeconds: number
  start: number
}

export interface LoopRun {
  setup: LoopSetup
  probes: LoopProbe[]
  /** The request as sent (path with any query token, headers with any token), for the curl line. */
  path: string
  headers: Record<string, string>
  jwt: string | undefined
}

export const MAX_LOOP_COUNT = 100

export function loopSetupProblem(setup: Pick<LoopSetup, 'count' | 'intervalSeconds'>): string | undefined {
  if (!Number.isInteger(setup.count) || setup.count < 1 || setup.count > MAX_LOOP_COUNT) return `Send between 1 and ${MAX_LOOP_COUNT} requests.`
  if (!Number.isFinite(setup.intervalSeconds) || setup.intervalSeconds < 0 || setup.intervalSeconds > 86400) return 'The interval is between 0 s and one day.'
  return undefined
}

export function targetOf(mesh: Mesh, serviceKey: ResourceKey, port: number): Target | undefined {
  return listTargets(mesh, { includeUnserved: true }).find((t) => t.service.key === serviceKey && t.port.number === port)
}

/** Throws with a sentence when the cell is no longer in the design or the setup is out of range. */
export async function runLoop(mesh: Mesh, options: EngineOptions, request: RequestSettings, setup: LoopSetup): Promise<LoopRun> {
  const problem = loopSetupProblem(setup)
  if (problem) throw new Error(problem)
  const jwt = findToken(request, setup.tokenId)?.jwt
  const keySets = new Map(Object.entries(request.keySets ?? {}))
  const { cell } = setup
  const sent = loopRequest(request, cell.kind === 'external' ? 'ingress' : 'client', jwt)
  const spec = { request: sent, start: setup.start, count: setup.count, intervalSeconds: setup.intervalSeconds }
  if (cell.kind === 'external') {
    if (mesh.gateways.length === 0) throw new Error('The design has no Gateway: nothing listens for external requests.')
    return { setup, path: sent.path, headers: sent.headers, jwt, probes: await runRequestLoop(mesh, options, keySets, { ...spec, client: 'external' }) }
  }
  const client = mesh.workloads.find((w) => w.key === cell.workloadKey)
  const target = targetOf(mesh, cell.serviceKey, cell.port)
  if (!client || !target) throw new Error('That cell is no longer in the design.')
  return { setup, path: sent.path, headers: sent.headers, jwt, probes: await runRequestLoop(mesh, options, keySets, { ...spec, client, target }) }
}

/**
 * The seed's shell loop for a run, the token shown as $TOKEN:
 * `for i in $(seq 1 10); do curl "$INGRESS_HOST/headers" --header "Authorization: Bearer $TOKEN" -s -o /dev/null -w "%{http_code}\n"; sleep 1; done`
 */
export function loopShellCommand(input: { base: string; path: string; headers: Readonly<Record<string, string>>; jwt: string | undefined; count: number; intervalSeconds: number }): string {
  const hide = (text: string) => (input.jwt ? text.split(input.jwt).join('$TOKEN') : text)
  const headers = Object.entries(input.headers)
    .map(([name, value]) => ` --header "${name}: ${hide(value)}"`)
    .join('')
  const curl = `curl "${input.base}${hide(input.path)}"${headers} -s -o /dev/null -w "%{http_code}\\n"`
  return `for i in $(seq 1 ${input.count}); do ${curl}; sleep ${input.intervalSeconds}; done`
}

/** "5 × 200, then 5 × 401" */
export function summarizeCodes(codes: readonly string[]): string {
  const runs: { code: string; n: number }[] = []
  for (const code of codes) {
    const last = runs.at(-1)
    if (last && last.code === code) last.n++
    else runs.push({ code, n: 1 })
  }
  return runs.map((r, i) => `${i > 0 ? (i === runs.length - 1 ? 'then ' : '') : ''}${r.n} × ${r.code}`).join(', ')
}
