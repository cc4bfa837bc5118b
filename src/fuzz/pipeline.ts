/**
 * Test support: one manifest text through everything the page does with it (parse, admission,
 * model, grid, explanations), so hostile-input tests and the fuzz suite check the same path.
 */
import { buildModel, computeGrid, explainWorkloadCell, listClients, listTargets, prepareEvaluation, type EngineOptions } from '../engine'
import { ISTIO_DEMO_JWT } from '../engine/jwt/samples'
import { parseManifests } from '../yaml'

export interface PipelineResult {
  objects: number
  findings: string[]
  cells: number
}

const OPTIONS: EngineOptions[] = [
  { profile: '1.0', r11: 'documented' },
  { profile: '1.1', r11: 'implemented' },
]

export interface PipelineOptions {
  explainCells?: number
  /** Which profiles to run (default both). */
  profiles?: readonly EngineOptions[]
  /** Send Istio's demo token (its signature is checked with WebCrypto, the slow part). */
  token?: boolean
}

export const PROFILES = OPTIONS

/** Runs the pipeline; throws only when something in it throws. */
export async function runPipeline(text: string, explainCells = 4, options: PipelineOptions = {}): Promise<PipelineResult> {
  const parsed = parseManifests(text, 'fuzz.yaml')
  const findings = parsed.diagnostics.map((d) => d.code)
  let cells = 0
  const headers: Record<string, string> = options.token === false ? {} : { Authorization: `Bearer ${ISTIO_DEMO_JWT}` }
  for (const profile of options.profiles ?? OPTIONS) {
    const model = buildModel(parsed.objects, profile)
    findings.push(...model.diagnostics.map((d) => d.code))
    const ctx = await prepareEvaluation(model.mesh, { path: '/ip', headers, now: 1_795_000_000 }, new Map(), profile)
    const clients = listClients(model.mesh)
    const targets = listTargets(model.mesh)
    const grid = computeGrid(ctx, clients, targets)
    cells += grid.cells.length
    let explained = 0
    for (const client of clients) {
      for (const target of targets) {
        if (explained++ >= explainCells) break
        explainWorkloadCell(ctx, client, target)
      }
    }
  }
  return { objects: parsed.objects.length, findings, cells }
}
