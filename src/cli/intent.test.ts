/**
 * `grid --expect / --junit / --suggest / --diff`, run as a user runs them (tsx in a child process).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { objectsAtState, type SeedTables } from '../scenarios/seed/replay'
import { parseManifests, stringifyManifests } from '../yaml'
import { modernTaskWorkloads } from '../scenarios/modern/taskWorkloads'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'grid-intent-'))
const workloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects
const seed = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables
vi.setConfig({ testTimeout: 90_000 })

async function grid(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/grid.ts', ...args], { encoding: 'utf8' })
    return { stdout, stderr, code: 0 }
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number }
    return { stdout: e.stdout, stderr: e.stderr, code: e.code }
  }
}

function stateFile(state: string): string {
  const file = join(dir, `${state}.yaml`)
  writeFileSync(file, stringifyManifests(objectsAtState(seed, workloads, state)))
  return file
}

function intentFile(name: string, text: string): string {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

const SIDECARS = `apiVersion: mesh-auth-designer/v1
kind: Intent
expectations:
- from: with-sidecar
  to: ["*.foo", "*.bar"]
  expect: allow
- from: sidecar-less
  to: "*.foo"
  expect: deny
`

describe('grid --expect', () => {
  it('prints each violation and exits 1', async () => {
    const intent = intentFile('sidecars.yaml', SIDECARS)
    const { stdout, stderr, code } = await grid(['--expect', intent, stateFile('S1')])
    expect(code).toBe(1)
    expect(stdout).toBe(
      [
        `sleep.foo to httpbin.foo:8000: expected allow, got 503 (rule R12, ${intent}:4)`,
        `sleep.foo to httpbin.bar:8000: expected allow, got 503 (rule R12, ${intent}:4)`,
        `sleep.bar to httpbin.foo:8000: expected allow, got 503 (rule R12, ${intent}:4)`,
        `sleep.bar to httpbin.bar:8000: expected allow, got 503 (rule R12, ${intent}:4)`,
        '',
      ].join('\n'),
    )
    expect(stderr).toBe('grid: 4 of 5 expectations violated\n')
  })

  it('exits 0 when every expectation holds', async () => {
    const { stdout, code } = await grid(['--expect', intentFile('sidecars.yaml', SIDECARS), stateFile('S2')])
    expect({ stdout, code }).toEqual({ stdout: '', code: 0 })
  })

  it('exits 2 on an invalid intent file, with line and column', async () => {
    const intent = intentFile('bad.yaml', 'expectations:\n- from: sleep.foo\n  to: httpbin.foo\n  expect: maybe\n')
    const { stderr, code } = await grid(['--expect', intent, stateFile('S0')])
    expect(code).toBe(2)
    expect(stderr).toBe(`${intent}:4:11: error INT005: "maybe" is not an outcome: write allow, deny, an HTTP code such as 403, or 000/EXIT such as 000/56\n`)
  })

  it('exits 2 when an expectation names nothing in the design', async () => {
    const intent = intentFile('typo.yaml', 'expectations:\n- {from: sleep.fo, to: httpbin.foo, expect: allow}\n')
    const { stderr, code } = await grid(['--expect', intent, stateFile('S0')])
    expect(code).toBe(2)
    expect(stderr).toContain(`${intent}:2:10: error INT007: there is no workload sleep.fo`)
  })

  it('--junit writes a JUnit report with one failure per violation', async () => {
    const report = join(dir, 'junit.xml')
    const { code } = await grid(['--expect', intentFile('sidecars.yaml', SIDECARS), '--junit', report, stateFile('S1')])
    expect(code).toBe(1)
    const xml = readFileSync(report, 'utf8')
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="intent" tests="5" failures="4">/)
    expect(xml.match(/<testcase /g)).toHaveLength(5)
    expect(xml.match(/<failure /g)).toHaveLength(4)
    expect(xml).toContain('<failure message="expected allow, got 503" type="violation">sleep.foo to httpbin.foo:8000')
  })
})

describe('grid --suggest', () => {
  it('prints the *.local ISTIO_MUTUAL rule first, as YAML', async () => {
    const { stdout, code } = await grid(['--suggest', '--expect', intentFile('sidecars.yaml', SIDECARS), stateFile('S1')])
    expect(code).toBe(0)
    const first = stdout.split('# fix 2 of')[0] ?? ''
    expect(first).toContain('# fix 1 of 3: DestinationRule default in default for every service (*.local): TLS ISTIO_MUTUAL\n')
    const docs = parseManifests(first).objects
    expect(docs).toEqual([
      { apiVersion: 'networking.istio.io/v1alpha3', kind: 'DestinationRule', metadata: { name: 'default', namespace: 'default' }, spec: { host: '*.local', trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } } } },
    ])
  })

  it('names the conflicting expectations when nothing works', async () => {
    const intent = intentFile('conflict.yaml', 'expectations:\n- {from: sleep.foo, to: httpbin.foo:8000, expect: allow}\n- {from: sleep.bar, to: httpbin.foo:8000, expect: 503}\n')
    const { stdout, code } = await grid(['--suggest', '--expect', intent, stateFile('S0')])
    expect(code).toBe(1)
    expect(stdout).toContain(`# ${intent}:3 (sleep.bar to httpbin.foo:8000: 503) conflicts with ${intent}:2 (sleep.foo to httpbin.foo:8000: allow)\n`)
  })
})

describe('under a modern profile', () => {
  it('--suggest finds a STRICT PeerAuthentication in foo for legacy -> foo deny', async () => {
    const design = join(dir, 'modern.yaml')
    writeFileSync(design, stringifyManifests(modernTaskWorkloads('1.24')))
    const intent = intentFile('modern-intent.yaml', 'expectations:\n- {from: "*", to: "*", expect: allow}\n- {from: sleep.legacy, to: "*.foo", expect: deny}\n')
    const checked = await grid(['--istio', '1.24', '--expect', intent, design])
    expect(checked).toMatchObject({ code: 1, stdout: `sleep.legacy to httpbin.foo:8000: expected deny, got 200 (rule M22, ${intent}:3)\n` })
    const { stdout, code } = await grid(['--istio', '1.24', '--suggest', '--expect', intent, design])
    expect(code).toBe(0)
    const first = parseManifests(stdout.split('# fix 2 of')[0] ?? '').objects
    expect(first).toEqual([{ apiVersion: 'security.istio.io/v1beta1', kind: 'PeerAuthentication', metadata: { name: 'httpbin', namespace: 'foo' }, spec: { selector: { matchLabels: { app: 'httpbin' } }, mtls: { mode: 'STRICT' } } }])
  })
})

describe('grid --diff OLD --against NEW', () => {
  it('prints the cells that change and the objects that changed them', async () => {
    const { stdout, stderr, code } = await grid(['--diff', stateFile('S0'), '--against', stateFile('S1')])
    expect(code).toBe(0)
    expect(stdout).toBe(
      [
        'sleep.foo to httpbin.foo:8000: 200 -> 503 (MeshPolicy//default)',
        'sleep.foo to httpbin.bar:8000: 200 -> 503 (MeshPolicy//default)',
        'sleep.bar to httpbin.foo:8000: 200 -> 503 (MeshPolicy//default)',
        'sleep.bar to httpbin.bar:8000: 200 -> 503 (MeshPolicy//default)',
        'sleep.legacy to httpbin.foo:8000: 200 -> 000/56 (MeshPolicy//default)',
        'sleep.legacy to httpbin.bar:8000: 200 -> 000/56 (MeshPolicy//default)',
        '',
      ].join('\n'),
    )
    expect(stderr).toBe('grid: 6 of 9 cells change; 1 object changed\n')
  })

  it('attributes each cell to the object whose change moves it', async () => {
    const { stdout } = await grid(['--diff', stateFile('S5'), '--against', stateFile('S7')])
    expect(stdout).toContain('sleep.legacy to httpbin.foo:8000: 200 -> 000/56 (Policy/foo/default)\n')
    expect(stdout.split('\n').filter((l) => l.includes('httpbin.bar:8000')).every((l) => l.includes('Policy/bar/httpbin'))).toBe(true)
  })

  it('wants --against', async () => {
    const { code, stderr } = await grid(['--diff', stateFile('S0')])
    expect(code).toBe(2)
    expect(stderr).toContain('grid: write --diff OLD_FILES... --against NEW_FILES...')
  })
})
