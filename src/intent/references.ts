/**
 * Expectations that name nothing in the design (a typo, a deleted workload) would hold silently:
 * they get a warning at the place they were written.
 */
import type { Mesh } from '../engine'
import type { ClientSet, TargetSet } from '../engine/intent/types'
import type { IntentProblem, ParsedIntent } from './parseIntent'

function clientProblem(set: ClientSet, mesh: Mesh): string | undefined {
  if (set.kind === 'namespace' && !mesh.namespaces.has(set.namespace)) return `there is no namespace ${set.namespace}`
  if (set.kind === 'workload' && !mesh.workloads.some((w) => w.name === set.name && w.namespace === set.namespace)) return `there is no workload ${set.name}.${set.namespace}`
  return undefined
}

function targetProblem(set: TargetSet, mesh: Mesh): string | undefined {
  if (set.kind === 'namespace' && !mesh.namespaces.has(set.namespace)) return `there is no namespace ${set.namespace}`
  if (set.kind !== 'service' && set.kind !== 'port') return undefined
  const service = mesh.services.find((s) => s.name === set.name && s.namespace === set.namespace)
  if (!service) return `there is no service ${set.name}.${set.namespace}`
  if (set.kind === 'port' && !service.ports.some((p) => p.number === set.port || p.name === set.port)) return `service ${set.name}.${set.namespace} has no port ${set.port}`
  return undefined
}

export function checkIntentReferences(parsed: ParsedIntent, mesh: Mesh): IntentProblem[] {
  const out: IntentProblem[] = []
  const seen = new Set<string>()
  parsed.expectations.forEach((e, i) => {
    const source = parsed.sources[i]
    if (!source) return
    const from = clientProblem(e.from, mesh)
    const to = targetProblem(e.to, mesh)
    for (const [message, where] of [[from, source.from], [to, source.to]] as const) {
      if (!message) continue
      const key = `${where.line}:${where.column}:${message}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push({ ...where, severity: 'warning', code: 'INT007', message: `${message}: this expectation checks nothing` })
    }
  })
  return out
}
