/**
 * `npm run bench`: how fast the engine fills a grid, on synthetic meshes from 10 to 1,000
 * namespaces, against a floor loop that only writes one code per cell. Prints a table; never fails.
 * Target (issue 2): >= 5 million cells/s on the 1,000 x 1,000 grid, within 20x of the floor.
 */
import { buildModel, computeGrid, listClients, listTargets, prepareEvaluation, type EngineOptions, type IstioProfile } from '../src/engine'
import { ISTIO_DEMO_JWT } from '../src/engine/jwt/samples'
import { syntheticMesh } from '../src/scenarios/synthetic/syntheticMesh'

const SIZES = [10, 100, 300, 1000]
const NOW = 1_795_000_000

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function timeIt(runs: number, fn: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return median(times)
}

/** The floor: the cheapest possible grid, one constant byte per cell. */
function floorLoop(rows: number, cols: number): Uint8Array {
  const cells = new Uint8Array(rows * cols)
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) cells[i * cols + j] = 1
  return cells
}

async function benchProfile(profile: IstioProfile): Promise<void> {
  const options: EngineOptions = { profile, r11: 'documented' }
  console.log(`\nIstio ${profile} profile`)
  console.log('namespaces  cells       model ms  tokens ms  grid ms   cells/s        floor ms  ratio')
  for (const n of SIZES) {
    const objects = syntheticMesh(n)
    let model = buildModel(objects, options)
    const modelMs = timeIt(3, () => {
      model = buildModel(objects, options)
    })
    const request = { path: '/ip', headers: { Authorization: `Bearer ${ISTIO_DEMO_JWT}` }, now: NOW }
    const t = performance.now()
    const ctx = await prepareEvaluation(model.mesh, request, new Map(), options)
    const tokenMs = performance.now() - t
    const clients = listClients(model.mesh)
    const targets = listTargets(model.mesh)
    const cells = clients.length * targets.length
    const runs = n >= 1000 ? 5 : 20
    const gridMs = timeIt(runs, () => computeGrid(ctx, clients, targets))
    const floorMs = Math.max(timeIt(runs, () => floorLoop(clients.length, targets.length)), 0.001)
    const perSecond = cells / (gridMs / 1000)
    console.log(
      `${String(n).padEnd(12)}${String(cells).padEnd(12)}${modelMs.toFixed(1).padEnd(10)}${tokenMs.toFixed(1).padEnd(11)}${gridMs.toFixed(2).padEnd(10)}${Math.round(perSecond).toLocaleString('en-US').padEnd(15)}${floorMs.toFixed(2).padEnd(10)}${(gridMs / floorMs).toFixed(1)}x`,
    )
  }
}

if (!process.argv.includes('--modern-only')) await benchProfile('1.0')
if (!process.argv.includes('--modern-only')) await benchProfile('1.1')

/** min / median / max of `runs` timings, in ms. */
function timeRange(runs: number, fn: () => void): { min: number; median: number; max: number } {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return { min: Math.min(...times), median: median(times), max: Math.max(...times) }
}

/**
 * Modern profiles (issue 10): the synthetic mesh with PeerAuthentications at every level,
 * RequestAuthentications and ALLOW/DENY AuthorizationPolicies; grid time min/median/max after a warm-up.
 */
async function benchModernProfile(profile: IstioProfile): Promise<void> {
  const { syntheticModernMesh } = await import('../src/scenarios/synthetic/syntheticModernMesh')
  const options: EngineOptions = { profile, r11: 'documented' }
  console.log(`\nIstio ${profile} profile (PeerAuthentication, RequestAuthentication, AuthorizationPolicy)`)
  console.log('namespaces  cells       model ms  tokens ms  grid ms min/median/max     cells/s (median)  floor ms  ratio')
  for (const n of SIZES) {
    const objects = syntheticModernMesh(n)
    let model = buildModel(objects, options)
    const rejected = model.admission.rejected.length
    if (rejected > 0) throw new Error(`${rejected} synthetic objects rejected: ${model.admission.diagnostics.find((d) => d.severity === 'error')?.message}`)
    const modelMs = timeIt(3, () => {
      model = buildModel(objects, options)
    })
    const request = { path: '/ip', headers: { Authorization: `Bearer ${ISTIO_DEMO_JWT}` }, now: NOW }
    const t = performance.now()
    const ctx = await prepareEvaluation(model.mesh, request, new Map(), options)
    const tokenMs = performance.now() - t
    const clients = listClients(model.mesh)
    const targets = listTargets(model.mesh)
    const cells = clients.length * targets.length
    const runs = n >= 1000 ? 5 : 20
    computeGrid(ctx, clients, targets) // warm-up
    const grid = timeRange(runs, () => computeGrid(ctx, clients, targets))
    const floorMs = Math.max(timeIt(runs, () => floorLoop(clients.length, targets.length)), 0.001)
    const perSecond = cells / (grid.median / 1000)
    const range = `${grid.min.toFixed(1)}/${grid.median.toFixed(1)}/${grid.max.toFixed(1)}`
    console.log(
      `${String(n).padEnd(12)}${String(cells).padEnd(12)}${modelMs.toFixed(1).padEnd(10)}${tokenMs.toFixed(1).padEnd(11)}${range.padEnd(25)}${Math.round(perSecond).toLocaleString('en-US').padEnd(18)}${floorMs.toFixed(2).padEnd(10)}${(grid.median / floorMs).toFixed(1)}x`,
    )
  }
}

for (const profile of ['1.5', '1.12', '1.30'] as IstioProfile[]) await benchModernProfile(profile)
