/**
 * The CLI under the modern profiles: every step of istio-semantics-modern.md section 14 (worked
 * examples) through the CLI's own code path (argument parsing, YAML files, admission, probes, the
 * printed lines), and a few steps as a user runs them (`tsx src/cli/grid.ts ...` in a child process):
 * the output shape stays `FROM to TO: CODE` with kubectl's exit-code line after a 000.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it, vi } from 'vitest'
import { NOW } from '../engine/modern/fixtures'
import { tokenFor, WORKED_EXAMPLES, type ExampleRequest, type ExampleStep } from '../engine/modern/workedExamples'
import { modernTaskWorkloads } from '../scenarios/modern/taskWorkloads'
import type { IstioProfile } from '../engine/types'
import { stringifyManifests } from '../yaml'
import { parseGridArgs } from './args'
import { loadInputs } from './inputs'
import { runProbes, runTlsCheck } from './probes'

vi.setConfig({ testTimeout: 90_000 })

const CLIENT: Record<string, string> = { f: 'sleep.foo', b: 'sleep.bar', l: 'sleep.legacy' }

/** `f->F` -> [`sleep.foo`, `httpbin.foo:8000`]; `f->F:9000` -> tcp-echo.foo:9000; `ext` -> the ingress. */
function probeOf(cell: string): [string, string] {
  if (cell === 'ext') return ['external', 'istio-ingressgateway.istio-system:80']
  const [from = '', to = ''] = cell.split('->')
  const [ns = '', port] = to.split(':')
  const namespace = { F: 'foo', B: 'bar', L: 'legacy' }[ns] ?? ns
  return [CLIENT[from] ?? from, port ? `tcp-echo.${namespace}:${port}` : `httpbin.${namespace}:8000`]
}

/** What the CLI prints for one expected code: `200`, or `000` plus kubectl's line for `56`. */
function expectedOutput(from: string, to: string, code: string): string {
  return /^\d{3}$/.test(code) ? `${from} to ${to}: ${code}\n` : `${from} to ${to}: 000\ncommand terminated with exit code ${code}\n`
}

async function argvFor(step: ExampleStep, profile: IstioProfile, req: ExampleRequest, files: Map<string, string>): Promise<string[]> {
  const workloads = step.workloads ? step.workloads(profile) : modernTaskWorkloads(profile)
  files.set('workloads.yaml', stringifyManifests(workloads))
  files.set('step.yaml', stringifyManifests(step.objects(profile)))
  const argv = ['--istio', profile, '--at', String(NOW + (req.at ?? 0)), '--path', req.path ?? '/ip', 'workloads.yaml', 'step.yaml']
  const token = await tokenFor(req.token)
  if (token) {
    files.set('token.jwt', `${token}\n`)
    argv.push('--token', 'token.jwt')
  }
  if (req.method) argv.push('--method', req.method)
  for (const [k, v] of Object.entries(req.headers ?? {})) argv.push('--header', `${k}: ${v}`)
  return argv
}

const steps = WORKED_EXAMPLES.flatMap((step) => step.profiles.map((profile) => [`${step.section} ${step.id} (${profile})`, step, profile] as const))

describe('section 14 through the CLI code path (args, files, admission, probes, printed lines)', () => {
  it.each(steps)('%s', async (_name, step, profile) => {
    for (const req of step.requests) {
      const files = new Map<string, string>()
      const argv = await argvFor(step, profile, req, files)
      for (const [cell, code] of Object.entries(req.expect)) {
        const [from, to] = probeOf(cell)
        const args = parseGridArgs([...argv, '--from', from, ...(from === 'external' ? [] : ['--to', to])])
        const loaded = loadInputs(args, (f) => {
          const text = files.get(f)
          if (text === undefined) throw new Error(`no file ${f}`)
          return text
        })
        if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors))
        const result = await runProbes(loaded, args, NOW + (req.at ?? 0))
        expect(result).toEqual({ ok: true, output: expectedOutput(from, to, code) })
      }
    }
  })
})

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'grid-modern-'))

async function grid(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/grid.ts', ...args], { encoding: 'utf8' })
    return { stdout, stderr, code: 0 }
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number }
    return { stdout: e.stdout, stderr: e.stderr, code: e.code }
  }
}

function write(name: string, text: string): string {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

describe('npm run -s grid under modern profiles, as a user runs it', () => {
  const e12 = WORKED_EXAMPLES.find((s) => s.id === 'E12') as ExampleStep
  const e13 = WORKED_EXAMPLES.find((s) => s.id === 'E13') as ExampleStep

  it('14.1 E13 with the demo token: the full grid, 000 and exit line for legacy -> foo', async () => {
    const files = [write('w130.yaml', stringifyManifests(modernTaskWorkloads('1.30'))), write('e13.yaml', stringifyManifests(e13.objects('1.30')))]
    const token = write('demo.jwt', `${await tokenFor('demo')}\n`)
    const r = await grid(['--istio', '1.30', '--at', String(NOW), ...files, '--token', token, '--from', 'sleep.foo,sleep.legacy', '--to', 'httpbin.foo:8000,httpbin.bar:8000'])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(
      'sleep.foo to httpbin.foo:8000: 200\nsleep.foo to httpbin.bar:8000: 200\nsleep.legacy to httpbin.foo:8000: 000\ncommand terminated with exit code 56\nsleep.legacy to httpbin.bar:8000: 200\n',
    )
  })

  it('14.1 E12 without token: 403 in the mesh and at the ingress (any 1.x.y spelling of the profile)', async () => {
    const files = [write('w113.yaml', stringifyManifests(modernTaskWorkloads('1.13'))), write('e12.yaml', stringifyManifests(e12.objects('1.13')))]
    const r = await grid(['--istio', '1.13.4', '--at', String(NOW), '--path', '/headers', ...files, '--from', 'sleep.foo,external', '--to', 'httpbin.foo:8000'])
    expect(r.stdout).toBe('sleep.foo to httpbin.foo:8000: 403\nexternal to istio-ingressgateway.istio-system:80: 403\n')
    // The webhook warning about HTTP-only DENY rules arrived in 1.17 (M38): none under 1.13.
    expect(r.stderr).not.toMatch(/IST0196/)
  })

  it('--method and --header reach AuthorizationPolicy (authz-deny)', async () => {
    const step = WORKED_EXAMPLES.find((s) => s.id === 'authz-deny-2') as ExampleStep
    const files = [write('w.yaml', stringifyManifests(modernTaskWorkloads('1.30'))), write('deny.yaml', stringifyManifests(step.objects('1.30')))]
    const base = ['--istio', '1.30', ...files, '--from', 'sleep.foo', '--to', 'httpbin.foo:8000']
    const [guest, admin, post] = await Promise.all([
      grid([...base, '--header', 'x-token: guest']),
      grid([...base, '-H', 'X-Token: admin']),
      grid([...base, '--method', 'POST', '--header', 'x-token: guest']),
    ])
    expect([guest.stdout, admin.stdout, post.stdout]).toEqual(['sleep.foo to httpbin.foo:8000: 403\n', 'sleep.foo to httpbin.foo:8000: 200\n', 'sleep.foo to httpbin.foo:8000: 200\n'])
  })

  it('--tls-check under 1.5+ is an error that says why and suggests --json; bad options exit 2', async () => {
    const file = write('w15.yaml', stringifyManifests(modernTaskWorkloads('1.5')))
    const [tls, badProfile, badHeader] = await Promise.all([
      grid(['--istio', '1.5', '--tls-check', file]),
      grid(['--istio', '1.4', file]),
      grid(['--istio', '1.30', '--header', 'no-colon', file]),
    ])
    expect(tls.code).toBe(2)
    expect(tls.stderr).toMatch(/removed in Istio 1\.5/)
    expect(tls.stderr).toMatch(/--json/)
    expect(badProfile.code).toBe(2)
    expect(badProfile.stderr).toMatch(/--istio wants 1\.0 or 1\.1, or a modern release 1\.5 \.\.\. 1\.30 .*got "1\.4"/)
    expect(badHeader.stderr).toMatch(/--header wants 'Name: value'/)
  })

  it('--json explains a modern cell with M-rules', async () => {
    const files = [write('wj.yaml', stringifyManifests(modernTaskWorkloads('1.30'))), write('nothing.yaml', stringifyManifests([WORKED_EXAMPLES.find((s) => s.id === 'authz-http-1')!.objects('1.30')].flat()))]
    const r = await grid(['--istio', '1.30', ...files, '--from', 'sleep.legacy', '--to', 'httpbin.foo:8000', '--json'])
    const line = JSON.parse(r.stdout) as { verdict: { code: string; rule: string }; body: string; steps: { rule: string; text: string }[] }
    expect(line.verdict).toEqual({ code: '403', exit: 0, rule: 'M22' })
    expect(line.body).toBe('RBAC: access denied')
    expect(line.steps.map((s) => s.rule)).toEqual(expect.arrayContaining(['M3', 'M7', 'M12', 'M33', 'M23']))
  })

  it('runTlsCheck keeps the 1.1 table', () => {
    const args = parseGridArgs(['--istio', '1.1', '--tls-check', 'x.yaml'])
    const loaded = loadInputs(args, () => stringifyManifests(modernTaskWorkloads('1.1')))
    if (!loaded.ok) throw new Error('load')
    expect(runTlsCheck(loaded, args).ok).toBe(true)
  })
})
