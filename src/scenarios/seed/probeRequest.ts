/**
 * Runs one request of the seed's tables (`from`, a curl URL, a token name, a time) through the engine.
 * Used by the engine's seed tests, the CLI tests and the built-in lesson.
 */
import {
  computeGrid,
  evaluateExternal,
  prepareEvaluation,
  resolveTarget,
  verdictById,
  type EngineOptions,
  type Model,
  type RequestProfile,
  type Verdict,
} from '../../engine'
import type { KeySets } from '../../engine/jwt/keySets'

export interface ParsedUrl {
  external: boolean
  host: string
  port: number | undefined
  path: string
}

/** `http://httpbin.foo:8000/ip`, `https://kubernetes.default/api`, `http://$INGRESS_HOST/headers`. */
export function parseCurlUrl(url: string): ParsedUrl {
  const match = /^(https?):\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url)
  if (!match) throw new Error(`not a curl URL: ${url}`)
  const [, scheme, host = '', port, path = '/'] = match
  const external = host === '$INGRESS_HOST'
  return { external, host, port: port ? Number(port) : external ? undefined : scheme === 'https' ? 443 : 80, path }
}

export interface ProbeInput {
  from: string
  url: string
  /** The raw token to send as `Authorization: Bearer`, if any. */
  token?: string
  now: number
}

export async function probeUrl(model: Model, input: ProbeInput, keySets: KeySets, options: EngineOptions): Promise<Verdict> {
  const url = parseCurlUrl(input.url)
  const request: RequestProfile = {
    path: url.path,
    headers: input.token ? { Authorization: `Bearer ${input.token}` } : {},
    now: input.now,
  }
  const ctx = await prepareEvaluation(model.mesh, request, keySets, options)
  if (input.from === 'external') return verdictOf(evaluateExternal(ctx).verdict)
  const client = model.mesh.workloads.find((w) => `${w.name}.${w.namespace}` === input.from)
  if (!client) throw new Error(`no client ${input.from}`)
  const resolved = resolveTarget(model.mesh, `${url.host}:${url.port}`, client.namespace)
  if (!resolved.ok) throw new Error(resolved.message)
  const grid = computeGrid(ctx, [client], [resolved.target])
  return verdictOf(grid.cells[0] ?? 0)
}

function verdictOf(id: number): Verdict {
  const verdict = verdictById(id)
  if (!verdict) throw new Error(`no verdict ${id}`)
  return verdict
}
