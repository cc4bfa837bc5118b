/**
 * Smoke tests of the built command, as an installed package runs it: plain JavaScript from
 * scripts/build-cli.mjs, started with `node` alone (no tsx, no node_modules next to it).
 */
import { execFile, execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { objectsAtState, type SeedTables } from '../scenarios/seed/replay'
import { parseManifests, stringifyManifests } from '../yaml'

const run = promisify(execFile)
// A directory of its own, far from the project's node_modules: the bundle must stand alone.
const dir = mkdtempSync(join(tmpdir(), 'mesh-auth-bin-'))
const bin = join(dir, 'mesh-auth.js')

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-cli.mjs', join(dir, 'build', 'mesh-auth.js')])
  copyFileSync(join(dir, 'build', 'mesh-auth.js'), bin)
}, 60_000)

async function meshAuth(args: string[], cwd = dir): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } })
    return { stdout, stderr, code: 0 }
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number }
    return { stdout: e.stdout, stderr: e.stderr, code: e.code }
  }
}

describe('the built mesh-auth command', () => {
  it('prints the seed first table byte for byte, reading a file relative to its directory', async () => {
    const seed = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables
    const workloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects
    writeFileSync(join(dir, 'S6.yaml'), stringifyManifests(objectsAtState(seed, workloads, 'S6')))
    const out = await meshAuth(['grid', '--from', 'sleep.foo,sleep.bar,sleep.legacy', '--to', 'httpbin.foo,httpbin.bar,httpbin.legacy', 'S6.yaml'])
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    expect(out.stdout).toBe(
      'sleep.foo to httpbin.foo: 200\nsleep.foo to httpbin.bar: 200\nsleep.foo to httpbin.legacy: 200\nsleep.bar to httpbin.foo: 200\nsleep.bar to httpbin.bar: 200\nsleep.bar to httpbin.legacy: 200\nsleep.legacy to httpbin.foo: 000\ncommand terminated with exit code 56\nsleep.legacy to httpbin.bar: 200\nsleep.legacy to httpbin.legacy: 200\n',
    )
  })

  it('answers --help and exits 2 on an unknown option or command', async () => {
    expect((await meshAuth(['grid', '--help'])).stdout).toContain('usage: mesh-auth grid [options] FILE...')
    const bad = await meshAuth(['grid', '--nope', 'x.yaml'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('unknown option --nope')
    expect((await meshAuth(['gird'])).code).toBe(2)
  })

  it('reads standard input for -', async () => {
    const child = run(process.execPath, [bin, 'grid', '--from', 'sleep.legacy', '--to', 'httpbin.bar', '-'], { encoding: 'utf8' })
    child.child.stdin?.end(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8'))
    expect((await child).stdout).toBe('sleep.legacy to httpbin.bar: 200\n')
  })
})
