/**
 * The migration checked grid for grid: convert (M40), compute the grid before on the old profile and
 * after on the new one with the same request, and list the cells that differ (M41).
 */
import { buildModel } from '../index'
import { DEFAULT_OPTIONS, type EngineOptions, type IstioProfile, type KubeObject } from '../types'
import { gridDifferences, type CellDifference } from './differences'
import { migrateDesign } from './migrateDesign'
import { labelledGrid, type GridRequest, type LabelledGrid } from './probeGrid'
import type { MigrationOptions, MigrationResult } from './types'

export interface MigrationCheckInput {
  objects: readonly KubeObject[]
  from: EngineOptions
  to: IstioProfile
  request: GridRequest
  /** The objects to compare against `before`, when the user adjusted the converted ones; default: M40's output. */
  adjusted?: readonly KubeObject[]
}

export interface MigrationCheck {
  migration: MigrationResult
  before: LabelledGrid
  after: LabelledGrid
  differences: CellDifference[]
}

function hasToken(request: GridRequest): boolean {
  const all = [request.request, request.ingressRequest].filter((r) => r !== undefined)
  return all.some((r) => Object.keys(r.headers).some((h) => h.toLowerCase() === 'authorization') || /[?&]access_token=/.test(r.path))
}

export async function checkMigration(input: MigrationCheckInput, options: MigrationOptions = {}): Promise<MigrationCheck> {
  const migration = migrateDesign({ objects: input.objects, profile: input.from.profile }, options)
  const afterObjects = input.adjusted ?? migration.objects
  const afterOptions: EngineOptions = { ...DEFAULT_OPTIONS, profile: input.to }
  const before = await labelledGrid(input.objects, input.from, input.request)
  const after = await labelledGrid(afterObjects, afterOptions, input.request)
  const mesh = buildModel(input.objects, input.from).mesh
  const plainClients = new Set(mesh.workloads.filter((w) => !w.sidecar).map((w) => `${w.name}.${w.namespace}`))
  const differences = gridDifferences(before, after, { tokenSent: hasToken(input.request), plainClients })
  return { migration, before, after, differences }
}
