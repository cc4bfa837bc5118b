/**
 * `npm run bench`: the engine alone, on synthetic meshes whose namespaces really differ (variedMesh:
 * sidecars, policies and DestinationRules vary per namespace and workload, so in Istio 1.1 every
 * namespace's clients are their own row class and rows are computed, not copied), 10 to 1,000
 * namespaces. For each size: the model build, the token checks, the grid, and the whole
 * "edit -> new grid" (a sidecar switched, model rebuilt, tokens checked, grid computed), each after a
 * warm-up, as min/median/max. A floor loop (one constant byte per cell) shows what a cell costs at
 * least. Last, a sensitivity check: the same measurement of doubled work must read about 2x, or the
 * benchmark could not notice a slowdown. Prints tables; never fails.
 * Environment: BENCH_SIZES (e.g. `10,100`), BENCH_PROFILES (e.g. `1.1`).
 */
import { buildModel, computeGrid, listClients, listTargets, prepareEvaluation, type EngineOptions, type IstioProfile, type KubeObject } from '../src/engine'
import { ISTIO_DEMO_JWT } from '../src/engine/jwt/samples'
import { variedMesh } from '../src/scenarios/synthetic/syntheticMesh'
import { setAppSidecar } from '../src/store/commands/appCommands'

const SIZES = (process.env.BENCH_SIZES ?? '10,100,300,1000').split(',').map(Number)
const PROFILES = (process.env.BENCH_PROFILES ?? '1.0,1.1').split(',') as IstioProfile[]
const NOW = 1_795_000_000

interface Stats {
  min: number
  median: number
  max: number
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b)
  return { min: sorted[0] ?? NaN, median: sorted[Math.floor(sorted.length / 2)] ?? NaN, max: sorted[sorted.length - 1] ?? NaN }
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed. */
async function timeIt(runs: number, fn: () => unknown, warmup = Math.max(2, Math.ceil(runs / 4))): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return stats(times)
}

const cell = (s: Stats, digits = 1) => `${s.min.toFixed(digits)}/${s.median.toFixed(digits)}/${s.max.toFixed(digits)}`.padEnd(22)

/** The floor: the cheapest possible grid, one constant byte per cell. */
function floorLoop(rows: number, cols: number): Uint8Array {
  const cells = new Uint8Array(rows * cols)
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) cells[i * cols + j] = 1
  return cells
}

function distinctRows(cells: Uint8Array, width: number): number {
  const seen = new Set<string>()
  for (let i = 0; i * width < cells.length; i++) seen.add(cells.subarray(i * width, (i + 1) * width).join(','))
  return seen.size
}

const request = { path: '/ip', headers: { Authorization: `Bearer ${ISTIO_DEMO_JWT}` }, now: NOW }

async function gridOf(objects: readonly KubeObject[], options: EngineOptions) {
  const model = buildModel(objects, options)
  const ctx = await prepareEvaluation(model.mesh, request, new Map(), options)
  return computeGrid(ctx, listClients(model.mesh), listTargets(model.mesh))
}

async function benchProfile(profile: IstioProfile): Promise<void> {
  const options: EngineOptions = { profile, r11: 'documented' }
  console.log(`\nIstio ${profile} profile, variedMesh(n), ms as min/median/max`)
  console.log(`${'n'.padEnd(6)}${'cells'.padEnd(10)}${'rows (distinct)'.padEnd(17)}${'model build'.padEnd(22)}${'token checks'.padEnd(22)}${'grid'.padEnd(22)}${'edit -> new grid'.padEnd(22)}${'Mcells/s'.padEnd(10)}floor`)
  for (const n of SIZES) {
    const objects = variedMesh(n)
    const model = buildModel(objects, options)
    const runs = n >= 1000 ? 5 : n >= 300 ? 9 : 21
    const modelMs = await timeIt(runs, () => buildModel(objects, options))
    const tokenMs = await timeIt(runs, () => prepareEvaluation(model.mesh, request, new Map(), options))
    const ctx = await prepareEvaluation(model.mesh, request, new Map(), options)
    const clients = listClients(model.mesh)
    const targets = listTargets(model.mesh)
    const cells = clients.length * targets.length
    let grid = computeGrid(ctx, clients, targets)
    const gridMs = await timeIt(runs, () => (grid = computeGrid(ctx, clients, targets)))
    // Two different edits in turn, so no run sees the objects of the one before.
    const edited = [false, true].map((on) => setAppSidecar(objects, 'Deployment/ns-1/client', on) as KubeObject[])
    let turn = 0
    const editMs = await timeIt(runs, () => gridOf(edited[turn++ % 2] as KubeObject[], options))
    const floorMs = await timeIt(runs, () => floorLoop(clients.length, targets.length))
    const perSecond = cells / (gridMs.median / 1000) / 1e6
    console.log(
      `${String(n).padEnd(6)}${String(cells).padEnd(10)}${`${clients.length} (${distinctRows(grid.cells, targets.length)})`.padEnd(17)}${cell(modelMs)}${cell(tokenMs)}${cell(gridMs, 2)}${cell(editMs)}${perSecond.toFixed(1).padEnd(10)}${floorMs.median.toFixed(3)}`,
    )
  }
}

/** Doubled work must read about twice as long; otherwise these figures could hide a 2x slowdown. */
async function sensitivityCheck(): Promise<void> {
  const options: EngineOptions = { profile: '1.1', r11: 'documented' }
  const model = buildModel(variedMesh(100), options)
  const ctx = await prepareEvaluation(model.mesh, request, new Map(), options)
  const clients = listClients(model.mesh)
  const targets = listTargets(model.mesh)
  const grid = () => computeGrid(ctx, clients, targets)
  for (let i = 0; i < 5; i++) grid()
  // Interleaved, so load from other processes falls on both alike; the minimum is the least disturbed run.
  const once: number[] = []
  const twice: number[] = []
  for (let i = 0; i < 41; i++) {
    let start = performance.now()
    grid()
    once.push(performance.now() - start)
    start = performance.now()
    grid()
    grid()
    twice.push(performance.now() - start)
  }
  const [a, b] = [stats(once), stats(twice)]
  const ratio = b.min / a.min
  console.log(
    `\nsensitivity: grid of variedMesh(100), 1.1: once ${cell(a, 2).trim()} ms, twice ${cell(b, 2).trim()} ms, ratio of minima ${ratio.toFixed(2)} ${ratio > 1.6 && ratio < 2.5 ? '(a 2x slowdown shows)' : '(WARNING: a 2x slowdown would not show clearly)'}`,
  )
}

for (const profile of PROFILES) await benchProfile(profile)
await sensitivityCheck()
