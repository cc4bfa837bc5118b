/**
 * The probes the CLI runs and how it prints them: `FROM to TO: CODE`, and after a 000 the line
 * kubectl prints for a failed command, exactly as in the seed. TO is printed exactly as written in
 * --to; without --to, every Service port as SERVICE.NAMESPACE:PORT. One grid is computed for all
 * clients that see the same targets (the engine shares rows between clients of a class), never one
 * grid per client.
 */
import {
  clientLabel,
  computeGrid,
  explainExternal,
  explainWorkloadCell,
  formatTlsCheck,
  listTargets,
  prepareEvaluation,
  resolveTarget,
  targetLabel,
  tlsCheckRows,
  verdictById,
  type EvaluationContext,
  type Target,
  type Verdict,
  type Workload,
} from '../engine'
import { isModernProfile } from '../engine/profile'
import type { GridArgs } from './args'
import type { LoadedInputs } from './inputs'

export type CliResult = { ok: true } | { ok: false; message: string }

/** Where output lines go (buffered by the caller). Each call gets complete lines. */
export interface LineSink {
  line(text: string): void
}

const EXTERNAL = 'external'
const INGRESS_LABEL = 'istio-ingressgateway.istio-system:80'
const INGRESS_SERVICE = 'Service/istio-system/istio-ingressgateway'
/** How many valid names an error message lists before it says how many more there are. */
const LISTED_NAMES = 40

/** R25: every workload can be a client; the ingress gateway and the built-ins are not rows. */
export function clientWorkloads(loaded: LoadedInputs): Workload[] {
  return loaded.model.mesh.workloads.filter((w) => !w.builtin && !w.isIngressGateway)
}

function printProbe(from: string, to: string, v: Verdict): string {
  return v.code === '000' ? `${from} to ${to}: 000\ncommand terminated with exit code ${v.exit}\n` : `${from} to ${to}: ${v.code}\n`
}

function namesList(names: readonly string[]): string {
  const shown = names.slice(0, LISTED_NAMES).join(', ')
  return names.length > LISTED_NAMES ? `${shown}, ... (${names.length - LISTED_NAMES} more)` : shown
}

interface ClientGroup {
  targets: { label: string; target: Target }[]
  clients: Workload[]
}

/** --to resolved from each client's namespace (rule 3: a bare name is in the client's namespace). */
function groupByTargets(ctx: EvaluationContext, clients: readonly Workload[], to: readonly string[] | undefined): ClientGroup[] | string {
  if (!to) {
    const targets = listTargets(ctx.mesh, { includeUnserved: true }).map((target) => ({ label: targetLabel(target), target }))
    return [{ targets, clients: [...clients] }]
  }
  const byNamespace = new Map<string, ClientGroup>()
  const byTargets = new Map<string, ClientGroup>()
  for (const client of clients) {
    let group = byNamespace.get(client.namespace)
    if (!group) {
      const targets: ClientGroup['targets'] = []
      for (const spec of to) {
        const resolved = resolveTarget(ctx.mesh, spec, client.namespace)
        if (!resolved.ok) return resolved.message
        targets.push({ label: spec, target: resolved.target })
      }
      const key = targets.map((t) => `${t.target.service.key}:${t.target.port.number}`).join(',')
      group = byTargets.get(key) ?? { targets, clients: [] }
      byTargets.set(key, group)
      byNamespace.set(client.namespace, group)
    }
    group.clients.push(client)
  }
  return [...byTargets.values()]
}

/** The external client only reaches the ingress gateway: the --to entries naming it, as written. */
function externalLabels(ctx: EvaluationContext, to: readonly string[] | undefined): string[] {
  const named = (to ?? []).filter((spec) => {
    const resolved = resolveTarget(ctx.mesh, spec, 'istio-system')
    return resolved.ok && resolved.target.service.key === INGRESS_SERVICE
  })
  return named.length > 0 ? named : [INGRESS_LABEL]
}

export async function runProbes(loaded: LoadedInputs, args: GridArgs, now: number, out: LineSink): Promise<CliResult> {
  const { mesh } = loaded.model
  const candidates = clientWorkloads(loaded)
  const byLabel = new Map<string, Workload>()
  for (const w of candidates) if (!byLabel.has(clientLabel(w))) byLabel.set(clientLabel(w), w)
  const fromNames = args.from ?? candidates.map(clientLabel)
  const unknown = fromNames.filter((name) => name !== EXTERNAL && !byLabel.has(name))
  if (unknown.length > 0) {
    const valid = [...byLabel.keys(), EXTERNAL]
    return { ok: false, message: `no workload ${unknown.join(', ')} (--from takes WORKLOAD.NAMESPACE or external); valid names: ${namesList(valid)}` }
  }
  const headers: Record<string, string> = loaded.token !== undefined ? { Authorization: `Bearer ${loaded.token}` } : {}
  for (const [name, value] of args.headers ?? []) headers[name] = value
  const request = { path: args.path, headers, now, ...(args.method ? { method: args.method } : {}), ...(args.sourceIp ? { sourceIp: args.sourceIp } : {}) }
  const ctx = await prepareEvaluation(mesh, request, loaded.keySets, loaded.options)
  const clients = [...new Set(fromNames.filter((n) => n !== EXTERNAL).map((n) => byLabel.get(n) as Workload))]
  const groups = groupByTargets(ctx, clients, args.to)
  if (typeof groups === 'string') return { ok: false, message: groups }
  const rowOf = new Map<Workload, { group: ClientGroup; cells: Uint8Array; row: number; width: number }>()
  for (const group of groups) {
    const grid = computeGrid(ctx, group.clients, group.targets.map((t) => t.target))
    group.clients.forEach((client, row) => rowOf.set(client, { group, cells: grid.cells, row, width: group.targets.length }))
  }
  for (const from of fromNames) {
    if (from === EXTERNAL) {
      const explanation = explainExternal(ctx)
      for (const label of externalLabels(ctx, args.to)) {
        out.line(args.json ? `${JSON.stringify({ from, to: label, path: args.path, ...explanation })}\n` : printProbe(from, label, explanation.verdict))
      }
      continue
    }
    const client = byLabel.get(from) as Workload
    const { group, cells, row, width } = rowOf.get(client) as NonNullable<ReturnType<typeof rowOf.get>>
    let text = ''
    group.targets.forEach(({ label, target }, j) => {
      const verdict = verdictById(cells[row * width + j] ?? 0)
      if (!verdict) return
      text += args.json ? `${JSON.stringify({ from, to: label, path: args.path, ...explainWorkloadCell(ctx, client, target) })}\n` : printProbe(from, label, verdict)
    })
    out.line(text)
  }
  return { ok: true }
}

export function runTlsCheck(loaded: LoadedInputs, args: GridArgs, out: LineSink): CliResult {
  if (isModernProfile(loaded.options.profile)) {
    return { ok: false, message: `--tls-check: istioctl authn tls-check was removed in Istio 1.5, so there is no such table for Istio ${loaded.options.profile}; use --json to see, per probe, the server mode, the client transport (auto mTLS or DestinationRule) and the policies that decided it` }
  }
  const { mesh } = loaded.model
  const targets = args.to
    ? args.to.map((spec) => resolveTarget(mesh, spec, 'default'))
    : listTargets(mesh, { includeSystem: true }).map((target) => ({ ok: true as const, target }))
  const resolved: Target[] = []
  for (const t of targets) {
    if (!t.ok) return { ok: false, message: t.message }
    resolved.push(t.target)
  }
  if (loaded.options.profile === '1.0') {
    out.line(formatTlsCheck(tlsCheckRows(mesh, resolved, '1.0', 'default')))
    return { ok: true }
  }
  // Istio 1.1's tls-check takes a pod: rule visibility depends on the client's namespace.
  const candidates = clientWorkloads(loaded)
  const names = (args.from ?? candidates.map(clientLabel)).filter((f) => f !== EXTERNAL)
  for (const name of names) {
    const client = candidates.find((w) => clientLabel(w) === name)
    if (!client) return { ok: false, message: `no workload ${name}; valid names: ${namesList(candidates.map(clientLabel))}` }
    out.line(`$ istioctl authn tls-check ${client.name}.${client.namespace}\n${formatTlsCheck(tlsCheckRows(mesh, resolved, '1.1', client.namespace))}`)
  }
  return { ok: true }
}
