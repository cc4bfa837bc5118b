/**
 * The seed's `for i in 1..10; do curl ...; sleep 1; done` against one cell: the same request at
 * successive instants of the simulated clock, each with its code and the reason the token gave.
 */
import type { KeySets } from '../jwt/keySets'
import type { Mesh, Workload } from '../mesh/model'
import type { EngineOptions, RequestProfile, Verdict } from '../types'
import { explainExternal, explainWorkloadCell } from './explain'
import { prepareEvaluation } from './prepare'
import type { Target } from './targets'

export interface LoopProbe {
  at: number
  verdict: Verdict
  /** The last step of the explanation: for JWT cases, what the token did. */
  reason: string
}

export interface LoopSpec {
  client: Workload | 'external'
  target?: Target
  request: Omit<RequestProfile, 'now'>
  start: number
  count: number
  intervalSeconds: number
}

export async function runRequestLoop(mesh: Mesh, options: EngineOptions, keySets: KeySets, spec: LoopSpec): Promise<LoopProbe[]> {
  const probes: LoopProbe[] = []
  for (let i = 0; i < spec.count; i++) {
    const at = spec.start + i * spec.intervalSeconds
    const ctx = await prepareEvaluation(mesh, { ...spec.request, now: at }, keySets, options)
    const explanation =
      spec.client === 'external'
        ? explainExternal(ctx)
        : spec.target
          ? explainWorkloadCell(ctx, spec.client, spec.target)
          : undefined
    if (!explanation) throw new Error('a workload client needs a target')
    const origin = [...explanation.steps].reverse().find((s) => s.text.startsWith('origin:') || s.text.includes('token'))
    probes.push({ at, verdict: explanation.verdict, reason: origin?.text ?? explanation.steps.at(-1)?.text ?? '' })
  }
  return probes
}
