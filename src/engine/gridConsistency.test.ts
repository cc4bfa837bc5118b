/**
 * The grid's shortcuts (rows shared per client class, 1.1 rows patched only where a namespace's own
 * rules reach) must give exactly what the step-by-step explanation of each cell gives.
 */
import { describe, expect, it } from 'vitest'
import { buildModel, computeGrid, explainWorkloadCell, listClients, listTargets, prepareEvaluation, verdictById, type IstioProfile } from '.'
import { ISTIO_DEMO_JWT } from './jwt/samples'
import { syntheticMesh } from '../scenarios/synthetic/syntheticMesh'

describe('grid shortcuts agree with cell-by-cell explanations', () => {
  for (const profile of ['1.0', '1.1'] as IstioProfile[]) {
    for (const token of [undefined, ISTIO_DEMO_JWT]) {
      it(`on a 36-namespace synthetic mesh, Istio ${profile}, ${token ? 'with' : 'without'} a token`, async () => {
        const options = { profile, r11: 'documented' as const }
        const model = buildModel(syntheticMesh(36), options)
        expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
        const ctx = await prepareEvaluation(model.mesh, { path: '/ip', headers: token ? { Authorization: `Bearer ${token}` } : {}, now: 1_795_000_000 }, new Map(), options)
        const clients = listClients(model.mesh)
        const targets = listTargets(model.mesh)
        const grid = computeGrid(ctx, clients, targets)
        const mismatches: string[] = []
        const seen = new Set<string>()
        clients.forEach((client, i) =>
          targets.forEach((target, j) => {
            const fromGrid = verdictById(grid.cells[i * targets.length + j] ?? 0)
            const explained = explainWorkloadCell(ctx, client, target).verdict
            seen.add(`${explained.code}/${explained.exit}`)
            if (fromGrid?.code !== explained.code || fromGrid.exit !== explained.exit) mismatches.push(`${client.name}.${client.namespace} -> ${target.service.fqdn}`)
          }),
        )
        expect(mismatches).toEqual([])
        // The mesh is built to reach several outcomes, not one.
        expect(seen.size).toBeGreaterThanOrEqual(3)
      })
    }
  }
})
