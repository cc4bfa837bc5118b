/**
 * Hostile and huge input on the command line, run in a child process as a user runs it: every
 * input ends with exit 0 or 2 (never 3 and a stack trace), and a refusal names FILE:LINE:COL, the
 * limit and how to raise it.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_OBJECTS } from './limits'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'grid-limits-'))
const SEED = 'src/scenarios/seed/workloads.yaml'
vi.setConfig({ testTimeout: 120_000 })

async function grid(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/grid.ts', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 100_000 })
    return { stdout, stderr, code: 0 }
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number }
    return { stdout: e.stdout, stderr: e.stderr, code: e.code }
  }
}

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

const VS_HEAD = 'apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata: {name: httpbin, namespace: foo}\nspec:\n  hosts: ["*"]\n  gateways: [httpbin-gateway]\n  http:\n  - match:\n    - uri:\n'
const vs = (regex: string) => `${VS_HEAD}        regex: ${JSON.stringify(regex)}\n    route:\n    - destination: {host: httpbin.foo.svc.cluster.local, port: {number: 8000}}\n`

describe('CLI limits and hostile input', () => {
  it('stops at --max-bytes with LIMIT001, the limit and how to raise it, exit 2', async () => {
    const r = await grid(['--max-bytes', '1000', SEED])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/workloads\.yaml:1:1: error LIMIT001: the input is \d+ bytes so far, over the limit of 1000 \(--max-bytes\).*Raise it with --max-bytes \d+/)
    expect(r.stdout).toBe('')
  })

  it('stops at --max-objects with LIMIT002, exit 2', async () => {
    const r = await grid(['--max-objects', '3', SEED])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/error LIMIT002: the input has \d+ objects so far, over the limit of 3 \(--max-objects\).*Raise it with --max-objects \d+/)
  })

  it('documents the defaults and refuses a limit that is not a number', async () => {
    const help = await grid(['--help'])
    expect(help.stdout).toContain(`--max-bytes N`)
    expect(help.stdout).toContain(`default ${DEFAULT_MAX_BYTES}`)
    expect(help.stdout).toContain(`default ${DEFAULT_MAX_OBJECTS}`)
    const bad = await grid(['--max-objects', 'lots', SEED])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--max-objects wants a positive whole number')
  })

  it('refuses 5,000-level flow nesting and 2,000 block levels with a dedent as YAML005 at FILE:LINE:COL, exit 2', async () => {
    const flow = file('flow.yaml', `kind: ConfigMap\nmetadata: {name: x}\ndata: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)
    let text = 'kind: ConfigMap\nmetadata: {name: y}\ndata:\n'
    for (let i = 0; i < 2000; i++) text += `${' '.repeat(i + 1)}k${i}:\n`
    const block = file('block.yaml', `${text}x: 1\n`)
    const r = await grid([SEED, flow, block])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/flow\.yaml:3:\d+: error YAML005: The document is nested more than 60 levels deep/)
    expect(r.stderr).toMatch(/block\.yaml:63:\d+: error YAML005/)
    expect(r.stderr).not.toMatch(/RangeError|Maximum call stack|    at /)
  })

  it('reports a regex over the program size as IST0127 at its line, and runs a catastrophic one in linear time', async () => {
    const big = await grid([SEED, file('big-regex.yaml', vs('x{500}'))])
    expect(big.code).toBe(2)
    expect(big.stderr).toMatch(/big-regex\.yaml:10:9: error IST0127: .*max_program_size/)
    const backref = await grid([SEED, file('backref.yaml', vs('(a)\\1'))])
    expect(backref.stderr).toMatch(/backref\.yaml:10:9: error IST0126: .*backreferences/)
    const evil = await grid(['--from', 'external', '--path', `/${'a'.repeat(3000)}`, SEED, file('evil.yaml', vs('(.*.*.*.*.*.*.*.*.*.*)*x'))])
    expect(evil.code).toBe(0)
  })

  it('gives JWKS and unreadable files a FILE:LINE:COL', async () => {
    const jwks = file('bad.jwks', '{\n  "keys": [}\n')
    const r = await grid(['--jwks', `https://example.com/jwks=${jwks}`, '--token', join(dir, 'missing.jwt'), SEED])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/bad\.jwks:2:\d+: error JWKS:/)
    expect(r.stderr).toMatch(/missing\.jwt:1:1: error IO:/)
  })

  it('reads a 40,000-key map (0.9 MB) and answers', async () => {
    let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big, namespace: foo}\ndata:\n'
    for (let i = 0; i < 40_000; i++) text += `  key${i}: value${i}\n`
    const r = await grid(['--from', 'sleep.foo', '--to', 'httpbin.foo', SEED, file('big-map.yaml', text)])
    expect(r.stderr).toBe('grid: ignored kinds: ConfigMap (1)\n')
    expect(r.stdout).toBe('sleep.foo to httpbin.foo: 200\n')
  })
})
