/**
 * `npm run bench:cli`: the built command (`node dist-cli/mesh-auth.js grid`, plain JavaScript)
 * measured as a user runs it, in child processes.
 *
 * 1. Cold start on the seed's files against `node -e 0` on the same machine, interleaved runs after
 *    a warm-up; min/median/max of each and the ratio of the medians (target: at most 3x).
 * 2. A synthetic mesh of N namespaces (default 1,000; `-- --namespaces 250,1000`): wall time and
 *    peak resident memory of the whole grid written to a file (targets: 5 s, 1 GB at 1,000).
 *
 * Run `npm run build:cli` first (bench:cli does it).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseManifests, stringifyManifests } from '../src/yaml'
import { objectsAtState, type SeedTables } from '../src/scenarios/seed/replay'
import { syntheticMesh } from '../src/scenarios/synthetic/syntheticMesh'

const BIN = 'dist-cli/mesh-auth.js'
const ROUNDS = 20
const WARMUP = 3

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

function stats(samples: number[]): { min: number; median: number; max: number } {
  const s = [...samples].sort((a, b) => a - b)
  const mid = s.length >> 1
  return { min: s[0] ?? 0, median: s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2, max: s[s.length - 1] ?? 0 }
}

function timeOnce(args: string[]): number {
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString()}`)
  return ms
}

function fmt(x: { min: number; median: number; max: number }, unit = 'ms'): string {
  return `min ${x.min.toFixed(1)} ${unit}, median ${x.median.toFixed(1)} ${unit}, max ${x.max.toFixed(1)} ${unit}`
}

if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build:cli`)
const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'))
try {
  // 1. Cold start: the seed's workloads and the Istio objects of its last JWT state, in two files.
  const seed = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables
  const workloadsText = readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')
  const workloads = parseManifests(workloadsText).objects
  const istio = objectsAtState(seed, workloads, 'S13').slice(workloads.length)
  const workloadsFile = join(dir, 'workloads.yaml')
  const istioFile = join(dir, 'istio.yaml')
  writeFileSync(workloadsFile, workloadsText)
  writeFileSync(istioFile, stringifyManifests(istio))
  const cliArgs = [BIN, 'grid', '--at', '1795000000', workloadsFile, istioFile]
  const baseArgs = ['-e', '0']
  for (let i = 0; i < WARMUP; i++) {
    timeOnce(baseArgs)
    timeOnce(cliArgs)
  }
  const base: number[] = []
  const cli: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    base.push(timeOnce(baseArgs))
    cli.push(timeOnce(cliArgs))
  }
  const b = stats(base)
  const c = stats(cli)
  console.log(`cold start, ${ROUNDS} interleaved runs after ${WARMUP} warm-up runs each (node ${process.version})`)
  console.log(`  node -e 0                     ${fmt(b)}`)
  console.log(`  mesh-auth grid (seed, S13)    ${fmt(c)}`)
  console.log(`  ratio of medians ${(c.median / b.median).toFixed(2)}x (target <= 3x); min/min ${(c.min / b.min).toFixed(2)}x, max/max ${(c.max / b.max).toFixed(2)}x`)

  // 2. Large meshes: the whole default grid (every workload x every Service port).
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined
  for (const n of arg('--namespaces', '1000').split(',').map(Number)) {
    const file = join(dir, `mesh-${n}.yaml`)
    writeFileSync(file, stringifyManifests(syntheticMesh(n)))
    const out = join(dir, `grid-${n}.txt`)
    const walls: number[] = []
    const rss: number[] = []
    for (let i = 0; i < 3; i++) {
      const fd = openSync(out, 'w')
      const started = process.hrtime.bigint()
      const run = timeBin
        ? spawnSync(timeBin, ['-f', '%M', process.execPath, BIN, 'grid', '--at', '1795000000', file], { stdio: ['ignore', fd, 'pipe'] })
        : spawnSync(process.execPath, [BIN, 'grid', '--at', '1795000000', file], { stdio: ['ignore', fd, 'pipe'] })
      walls.push(Number(process.hrtime.bigint() - started) / 1e6)
      closeSync(fd)
      if (run.status !== 0) throw new Error(`grid on ${n} namespaces exited ${run.status}: ${run.stderr.toString().slice(-500)}`)
      const kb = Number(run.stderr.toString().trim().split('\n').pop())
      if (Number.isFinite(kb)) rss.push(kb / 1024)
    }
    const lines = readFileSync(out, 'utf8').split('\n').length - 1
    console.log(`${n} namespaces: ${(statSync(file).size / 1e6).toFixed(1)} MB of YAML in, ${lines} lines (${(statSync(out).size / 1e6).toFixed(0)} MB) out`)
    console.log(`  wall ${fmt(stats(walls))} (target <= 5000 ms at 1,000)`)
    if (rss.length > 0) console.log(`  peak RSS ${fmt(stats(rss), 'MB')} (target <= 1024 MB at 1,000)`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
