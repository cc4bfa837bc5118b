/**
 * The command line, run as a user runs it (`tsx src/cli/grid.ts ...` in a child process): every
 * seed table comes out with the seed's own lines, and bad input fails with file:line and status 2.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { ISTIO_DEMO_JWT } from '../engine/jwt/samples'
import { genJwtLikeIstio } from '../engine/jwt/signToken'
import { objectsAtState, type SeedRequest, type SeedTables } from '../scenarios/seed/replay'
import { parseCurlUrl } from '../scenarios/seed/probeRequest'
import { parseManifests, stringifyManifests } from '../yaml'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'grid-cli-'))
const workloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects
const seed = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables
const T0 = 1_795_000_000
// Each probe starts Node with tsx (about a second on a busy 2-core machine).
vi.setConfig({ testTimeout: 90_000 })

async function grid(args: string[], input?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const child = run(process.execPath, ['--import', 'tsx', 'src/cli/grid.ts', ...args], { encoding: 'utf8' })
  if (input !== undefined) {
    child.child.stdin?.end(input)
  }
  try {
    const { stdout, stderr } = await child
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

async function tokenFile(req: SeedRequest): Promise<string | undefined> {
  const token =
    req.token === 'demo'
      ? ISTIO_DEMO_JWT
      : req.token === 'gen-jwt-expire-5'
        ? await genJwtLikeIstio({ privateKeyPem: readFileSync('src/engine/jwt/fixtures/key.pem', 'utf8'), expireSeconds: 5, now: T0 })
        : undefined
  if (!token) return undefined
  const file = join(dir, `${req.token}.jwt`)
  writeFileSync(file, `${token}\n`)
  return file
}

/** The line the seed's loop prints: `sleep.foo to httpbin.foo: 200`, plus kubectl's line after a 000. */
function expectedLines(req: SeedRequest, to: string): string {
  const line = `${req.from} to ${to}: ${req.expect.http_code}`
  return req.expect.exit ? `${line}\ncommand terminated with exit code ${req.expect.exit}` : line
}

function toArg(url: string): string {
  const u = parseCurlUrl(url)
  return u.external ? 'istio-ingressgateway.istio-system:80' : u.host
}

describe('npm run -s grid reproduces every seed table', () => {
  for (const table of seed.tables) {
    it(`${table.id} (${table.state})`, async () => {
      const file = stateFile(table.state)
      const requests = [...table.requests, ...(table.implied ?? [])]
      const groups = new Map<string, SeedRequest[]>()
      for (const r of requests) {
        const key = `${r.token}|${r.at ?? ''}|${parseCurlUrl(r.url).path}`
        groups.set(key, [...(groups.get(key) ?? []), r])
      }
      // One child process per token/time/path group; the groups of a table run side by side.
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const first = group[0] as SeedRequest
          const froms = [...new Set(group.map((r) => r.from))]
          const tos = [...new Set(group.filter((r) => r.from !== 'external').map((r) => toArg(r.url)))]
          const token = await tokenFile(first)
          const args = ['--from', froms.join(','), '--path', parseCurlUrl(first.url).path, '--at', String(T0 + (first.at ?? 0))]
          if (tos.length > 0) args.push('--to', tos.join(','))
          if (token) args.push('--token', token)
          const out = await grid([...args, file])
          expect(out.stderr).toBe('')
          expect(out.code).toBe(0)
          for (const r of group) expect(out.stdout).toContain(`${expectedLines(r, toArg(r.url))}\n`)
        }),
      )
    })
  }

  it('prints the first table exactly as the seed does, line for line', async () => {
    const out = await grid(['--from', 'sleep.foo,sleep.bar,sleep.legacy', '--to', 'httpbin.foo,httpbin.bar,httpbin.legacy', stateFile('S6')])
    expect(out.stdout).toBe(
      [
        'sleep.foo to httpbin.foo: 200',
        'sleep.foo to httpbin.bar: 200',
        'sleep.foo to httpbin.legacy: 200',
        'sleep.bar to httpbin.foo: 200',
        'sleep.bar to httpbin.bar: 200',
        'sleep.bar to httpbin.legacy: 200',
        'sleep.legacy to httpbin.foo: 000',
        'command terminated with exit code 56',
        'sleep.legacy to httpbin.bar: 200',
        'sleep.legacy to httpbin.legacy: 200',
        '',
      ].join('\n'),
    )
  })

  it('switches rule 11 with --behaviour implemented (T16: 000, exit 56)', async () => {
    const token = await tokenFile({ from: 'sleep.legacy', url: '', token: 'demo', expect: { http_code: '', exit: 0 } })
    const out = await grid(['--from', 'sleep.legacy', '--to', 'httpbin.foo', '--behaviour', 'implemented', '--token', token ?? '', stateFile('S13')])
    expect(out.stdout).toBe('sleep.legacy to httpbin.foo: 000\ncommand terminated with exit code 56\n')
  })
})

describe('the other outputs', () => {
  it('reads standard input for -, and defaults to every Deployment and every served port', async () => {
    const out = await grid(['-'], readFileSync('src/scenarios/seed/workloads.yaml', 'utf8'))
    expect(out.code).toBe(0)
    expect(out.stdout.trim().split('\n')).toHaveLength(6 * 3)
    expect(out.stdout).toContain('sleep.legacy to httpbin.bar.bar:8000: 200'.replace('httpbin.bar.bar', 'httpbin.bar'))
  })

  it('prints the 1.0 tls-check table', async () => {
    const out = await grid(['--tls-check', '--to', 'httpbin.foo:8000', stateFile('S2')])
    expect(out.stdout).toMatch(/^HOST:PORT\s+STATUS\s+SERVER\s+CLIENT\s+AUTHN POLICY\s+DESTINATION RULE\nhttpbin\.foo\.svc\.cluster\.local:8000\s+OK\s+mTLS\s+mTLS\s+default\/\s+default\/default\n$/)
  })

  it('prints one JSON object per probe with the explanation', async () => {
    const out = await grid(['--json', '--from', 'sleep.foo', '--to', 'httpbin.foo', stateFile('S1')])
    const probe = JSON.parse(out.stdout) as { verdict: { code: string }; policy: { key: string }; decidedBy: string }
    expect(probe.verdict.code).toBe('503')
    expect(probe.policy.key).toBe('MeshPolicy//default')
    expect(probe.decidedBy).toBe('R12')
  })
})

describe('bad input', () => {
  it('names the file and line of a rejected object, prints no result and exits 2', async () => {
    const file = join(dir, 'bad.yaml')
    writeFileSync(file, 'apiVersion: authentication.istio.io/v1alpha1\nkind: Policy\nmetadata:\n  name: default\n  namespace: foo\nspec:\n  peers:\n  - mTLS: {}\n')
    const out = await grid([file])
    expect(out.code).toBe(2)
    expect(out.stdout).toBe('')
    expect(out.stderr).toMatch(new RegExp(`${file}:8:5: error IST\\d+: .*mTLS.*did you mean "mtls"`))
  })

  it('names the line of a YAML syntax error', async () => {
    const file = join(dir, 'broken.yaml')
    writeFileSync(file, 'kind: Namespace\nmetadata: {name: foo\n')
    const out = await grid([file])
    expect(out.code).toBe(2)
    expect(out.stderr).toMatch(new RegExp(`${file}:\\d+:\\d+: error YAML`))
  })

  it('explains a usage error', async () => {
    const out = await grid(['--istio', '2.0', 'x.yaml'])
    expect(out.code).toBe(2)
    expect(out.stderr).toContain('--istio wants one of 1.0, 1.1, 1.5 ... 1.30, got "2.0"')
  })
})
