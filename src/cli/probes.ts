/**
 * The probes the CLI runs and how it prints them: `FROM to TO: CODE`, and after a 000 the line
 * kubectl prints for a failed command, exactly as in the seed.
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
  type Target,
  type Verdict,
  type Workload,
} from '../engine'
import { isModernProfile } from '../engine/profile'
import type { GridArgs } from './args'
import type { LoadedInputs } from './inputs'

type Loaded = Extract<LoadedInputs, { ok: true }>
export type CliResult = { ok: true; output: string } | { ok: false; message: string }

const EXTERNAL = 'external'
const INGRESS_LABEL = 'istio-ingressgateway.istio-system:80'

function findClient(loaded: Loaded, name: string): Workload | undefined {
  return loaded.model.mesh.workloads.find((w) => !w.builtin && clientLabel(w) === name)
}

function defaultClients(loaded: Loaded): Workload[] {
  return loaded.model.mesh.workloads.filter((w) => w.kind === 'Deployment' && !w.builtin && !w.isIngressGateway)
}

function printProbe(from: string, to: string, v: Verdict): string {
  return v.code === '000' ? `${from} to ${to}: 000\ncommand terminated with exit code ${v.exit}\n` : `${from} to ${to}: ${v.code}\n`
}

export async function runProbes(loaded: Loaded, args: GridArgs, now: number): Promise<CliResult> {
  const { mesh } = loaded.model
  const headers: Record<string, string> = loaded.token !== undefined ? { Authorization: `Bearer ${loaded.token}` } : {}
  for (const [name, value] of args.headers ?? []) headers[name] = value
  const request = { path: args.path, headers, now, ...(args.method ? { method: args.method } : {}), ...(args.sourceIp ? { sourceIp: args.sourceIp } : {}) }
  const ctx = await prepareEvaluation(mesh, request, loaded.keySets, loaded.options)
  const fromNames = args.from ?? defaultClients(loaded).map(clientLabel)
  let output = ''
  for (const from of fromNames) {
    if (from === EXTERNAL) {
      const explanation = explainExternal(ctx)
      output += args.json ? `${JSON.stringify({ from, to: INGRESS_LABEL, path: args.path, ...explanation })}\n` : printProbe(from, INGRESS_LABEL, explanation.verdict)
      continue
    }
    const client = findClient(loaded, from)
    if (!client) return { ok: false, message: `no workload ${from} (write DEPLOYMENT.NAMESPACE, or external)` }
    const targets: { label: string; target: Target }[] = []
    if (args.to) {
      for (const spec of args.to) {
        const resolved = resolveTarget(mesh, spec, client.namespace)
        if (!resolved.ok) return { ok: false, message: resolved.message }
        targets.push({ label: spec, target: resolved.target })
      }
    } else for (const target of listTargets(mesh)) targets.push({ label: targetLabel(target), target })
    const grid = computeGrid(ctx, [client], targets.map((t) => t.target))
    targets.forEach(({ label, target }, j) => {
      const verdict = verdictById(grid.cells[j] ?? 0)
      if (!verdict) return
      if (args.json) output += `${JSON.stringify({ from, to: label, path: args.path, ...explainWorkloadCell(ctx, client, target) })}\n`
      else output += printProbe(from, label, verdict)
    })
  }
  return { ok: true, output }
}

export function runTlsCheck(loaded: Loaded, args: GridArgs): CliResult {
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
  if (loaded.options.profile === '1.0') return { ok: true, output: formatTlsCheck(tlsCheckRows(mesh, resolved, '1.0', 'default')) }
  // Istio 1.1's tls-check takes a pod: rule visibility depends on the client's namespace.
  const clients = (args.from ?? defaultClients(loaded).map(clientLabel)).filter((f) => f !== EXTERNAL)
  let output = ''
  for (const name of clients) {
    const client = findClient(loaded, name)
    if (!client) return { ok: false, message: `no workload ${name}` }
    output += `$ istioctl authn tls-check ${client.name}.${client.namespace}\n${formatTlsCheck(tlsCheckRows(mesh, resolved, '1.1', client.namespace))}`
  }
  return { ok: true, output }
}
