/**
 * The modern grid shares rows between clients (fillModernGrid) and memoises per column; the
 * explanation recomputes each cell on its own. Both must agree on every cell of a mesh that exercises
 * every modern rule path (the benchmark's synthetic mesh), at the breakpoint profiles.
 */
import { describe, expect, it } from 'vitest'
import { buildModel, computeGrid, explainWorkloadCell, listClients, listTargets, prepareEvaluation, verdictById, type IstioProfile } from '..'
import { ISTIO_DEMO_JWT } from '../jwt/samples'
import { syntheticModernMesh } from '../../scenarios/synthetic/syntheticModernMesh'

describe('modern grid = per-cell explanation', () => {
  it.each(['1.5', '1.11', '1.12', '1.21', '1.30'] as IstioProfile[])('Istio %s, 24-namespace synthetic mesh, with and without a token', async (profile) => {
    const options = { profile, r11: 'documented' as const }
    const model = buildModel(syntheticModernMesh(24), options)
    expect(model.admission.rejected).toEqual([])
    for (const headers of [{}, { Authorization: `Bearer ${ISTIO_DEMO_JWT}` }] as Record<string, string>[]) {
      const ctx = await prepareEvaluation(model.mesh, { path: '/ip', headers, now: 1_795_000_000 }, new Map(), options)
      const clients = listClients(model.mesh)
      const targets = listTargets(model.mesh)
      const grid = computeGrid(ctx, clients, targets)
      const codes = new Set<string>()
      clients.forEach((c, i) =>
        targets.forEach((t, j) => {
          const fromGrid = verdictById(grid.cells[i * targets.length + j] as number)
          const explained = explainWorkloadCell(ctx, c, t).verdict
          expect({ cell: `${c.namespace} -> ${t.service.namespace}`, v: fromGrid }).toEqual({ cell: `${c.namespace} -> ${t.service.namespace}`, v: explained })
          codes.add(`${fromGrid?.code}/${fromGrid?.exit}`)
        }),
      )
      // The mesh really exercises several outcomes (not a grid of one code).
      expect(codes.size).toBeGreaterThanOrEqual(3)
    }
  })
})
