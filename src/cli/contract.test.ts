/**
 * The command-line contract of issue 8, in-process through main(argv, io): --to as written, the
 * caller's directory, --help, unknown options and names, R27's partial grid with status 2.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { objectsAtState, type SeedTables } from '../scenarios/seed/replay'
import { parseManifests, stringifyManifests } from '../yaml'
import { GRID_OPTIONS } from './args'
import { nodeIO } from './main'
import { runInProcess } from './testing'

const dir = mkdtempSync(join(tmpdir(), 'grid-contract-'))
const workloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects
const seed = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables

function stateFile(state: string): string {
  const file = join(dir, `${state}.yaml`)
  writeFileSync(file, stringifyManifests(objectsAtState(seed, workloads, state)))
  return file
}

describe('--to is printed exactly as written', () => {
  it('for --from external: the task line, without an appended :80', async () => {
    const out = await runInProcess(['--from', 'external', '--to', 'istio-ingressgateway.istio-system', '--path', '/headers', stateFile('S11')])
    expect(out).toEqual({ stdout: 'external to istio-ingressgateway.istio-system: 200\n', stderr: '', code: 0 })
  })

  it('for a workload, whatever form names the service', async () => {
    const out = await runInProcess(['--from', 'sleep.foo', '--to', 'httpbin,httpbin.bar:8000,httpbin.legacy.svc.cluster.local:http', stateFile('S0')])
    expect(out.stdout).toBe('sleep.foo to httpbin: 200\nsleep.foo to httpbin.bar:8000: 200\nsleep.foo to httpbin.legacy.svc.cluster.local:http: 200\n')
  })

  it('a bare service name is resolved in each client namespace (rule 3)', async () => {
    const out = await runInProcess(['--from', 'sleep.foo,sleep.legacy', '--to', 'httpbin', stateFile('S6')])
    expect(out.stdout).toBe('sleep.foo to httpbin: 200\nsleep.legacy to httpbin: 200\n')
  })

  it('without --to, columns are SERVICE.NAMESPACE:PORT', async () => {
    const out = await runInProcess(['--from', 'sleep.legacy', stateFile('S6')])
    expect(out.stdout.split('\n')[0]).toBe('sleep.legacy to httpbin.foo:8000: 000')
  })
})

describe('relative paths', () => {
  it('are resolved against the caller directory (io.cwd)', async () => {
    const sub = join(dir, 'project', 'designs')
    mkdirSync(sub, { recursive: true })
    writeFileSync(join(sub, 'design.yaml'), readFileSync(stateFile('S6'), 'utf8'))
    const out = await runInProcess(['--from', 'sleep.foo', '--to', 'httpbin.foo', 'designs/design.yaml'], { cwd: join(dir, 'project') })
    expect(out).toEqual({ stdout: 'sleep.foo to httpbin.foo: 200\n', stderr: '', code: 0 })
  })

  it('npm run grid takes the caller directory from INIT_CWD; the installed command from its own', async () => {
    const saved = process.env.INIT_CWD
    process.env.INIT_CWD = '/some/caller/dir'
    try {
      expect((await nodeIO({ useInitCwd: true })).cwd).toBe('/some/caller/dir')
      expect((await nodeIO({ useInitCwd: false })).cwd).toBe(process.cwd())
    } finally {
      if (saved === undefined) delete process.env.INIT_CWD
      else process.env.INIT_CWD = saved
    }
  })
})

describe('usage', () => {
  it('--help lists every option on one line each', async () => {
    const out = await runInProcess(['--help'], { command: 'mesh-auth grid' })
    expect(out.code).toBe(0)
    expect(out.stdout.startsWith('usage: mesh-auth grid [options] FILE...\n')).toBe(true)
    for (const option of GRID_OPTIONS) {
      const lines = out.stdout.split('\n').filter((l) => l.startsWith(`  ${option.name} `) || l.startsWith(`  ${option.name},`))
      expect(lines, option.name).toHaveLength(1)
      expect(lines[0]).toContain(option.help)
    }
  })

  it('an unknown option is an error naming the valid options, status 2', async () => {
    const out = await runInProcess(['--frmo', 'sleep.foo', 'x.yaml'])
    expect(out.code).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toContain('unknown option --frmo; the options are --from, --to, --path')
  })

  it('a --from name that matches no workload lists the valid names, status 2, no output', async () => {
    const out = await runInProcess(['--from', 'sleep.foo,slep.bar', stateFile('S0')])
    expect(out.code).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toBe('grid: no workload slep.bar (--from takes WORKLOAD.NAMESPACE or external); valid names: httpbin.foo, sleep.foo, httpbin.bar, sleep.bar, httpbin.legacy, sleep.legacy, external\n')
  })

  it('accepts --option=value', async () => {
    const out = await runInProcess(['--from=sleep.foo', '--to=httpbin.bar', stateFile('S0')])
    expect(out.stdout).toBe('sleep.foo to httpbin.bar: 200\n')
  })
})

describe('R27: rejected objects do not stop the others', () => {
  it('prints the grid of what was admitted, the errors on stderr, status 2', async () => {
    const file = join(dir, 'partly-bad.yaml')
    const bad = 'apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata:\n  name: default\n  namespace: foo\nspec:\n  peers:\n  - mTLS: {}\n'
    writeFileSync(file, `${readFileSync(stateFile('S0'), 'utf8')}---\n${bad}`)
    const out = await runInProcess(['--from', 'sleep.legacy', '--to', 'httpbin.foo', file])
    expect(out.code).toBe(2)
    // The rejected STRICT policy is not applied: plaintext still gets 200.
    expect(out.stdout).toBe('sleep.legacy to httpbin.foo: 200\n')
    expect(out.stderr).toMatch(new RegExp(`^${file}:\\d+:5: error IST\\d+: .*mTLS`))
  })
})

describe('one grid for all probes', () => {
  it('prints what one grid per client would print, on a synthetic mesh under both profiles', async () => {
    const { syntheticMesh } = await import('../scenarios/synthetic/syntheticMesh')
    const { buildModel, clientLabel, computeGrid, listClients, listTargets, prepareEvaluation, targetLabel, verdictById } = await import('../engine')
    const objects = syntheticMesh(12, 2)
    const file = join(dir, 'synthetic.yaml')
    writeFileSync(file, stringifyManifests(objects))
    for (const profile of ['1.0', '1.1'] as const) {
      const options = { profile, r11: 'documented' as const }
      const model = buildModel(objects, options)
      const ctx = await prepareEvaluation(model.mesh, { path: '/ip', headers: {}, now: 1_795_000_000 }, new Map(), options)
      const targets = listTargets(model.mesh, { includeUnserved: true })
      let expected = ''
      for (const client of listClients(model.mesh, { allWorkloads: true })) {
        const cells = computeGrid(ctx, [client], targets).cells
        targets.forEach((t, j) => {
          const v = verdictById(cells[j] ?? 0)
          expected += v?.code === '000' ? `${clientLabel(client)} to ${targetLabel(t)}: 000\ncommand terminated with exit code ${v.exit}\n` : `${clientLabel(client)} to ${targetLabel(t)}: ${v?.code}\n`
        })
      }
      const out = await runInProcess(['--istio', profile, file])
      expect(out.code).toBe(0)
      expect(out.stdout).toBe(expected)
    }
  })
})
