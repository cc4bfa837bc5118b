/**
 * `grid --migrate`: the converted YAML on stdout, one line per differing cell on stderr, exit 0/1/2,
 * on the seed's states (spec section 14.1 and M41) and on bad input.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { objectsAtState, type SeedTables } from '../scenarios/seed/replay'
import { parseManifests, stringifyManifests } from '../yaml'
import { ISTIO_DEMO_JWT } from '../engine/jwt/samples'
import { runMigrate } from './migrate'

const tables = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables
const workloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects
const DEMO_TOKEN = ISTIO_DEMO_JWT

async function migrate(files: Record<string, string>, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runMigrate(argv, {
    read: (f) => {
      const text = files[f]
      if (text === undefined) throw new Error(`ENOENT: ${f}`)
      return text
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => 1_795_000_000,
  })
  return { code, stdout, stderr }
}

const state = (id: string) => stringifyManifests(objectsAtState(tables, workloads, id))

describe('grid --migrate', () => {
  it('S13 (the seed\'s final state) -> 1.30: 401 becomes 403 without a token, the seed\'s R11 401 becomes 000/56; exit 1', async () => {
    const r = await migrate({ 's13.yaml': state('S13') }, ['--migrate', '--istio', '1.0', '--to-istio', '1.30', 's13.yaml'])
    expect(r.code).toBe(1)
    expect(r.stderr.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(' ('))))
      .toEqual(['sleep.foo to httpbin.foo:8000: 401 -> 403', 'sleep.bar to httpbin.foo:8000: 401 -> 403', 'sleep.legacy to httpbin.foo:8000: 401 -> 000', 'external to httpbin.foo:8000: 401 -> 403'])
    expect(r.stderr).toContain('M41 #1')
    expect(r.stderr).toContain('M41 #4')
    const out = parseManifests(r.stdout).objects
    expect(out.map((o) => o.kind).filter((k) => k.includes('Authentication') || k.includes('Authorization'))).toEqual(['PeerAuthentication', 'RequestAuthentication', 'AuthorizationPolicy'])
    expect(out.some((o) => o.kind === 'Policy')).toBe(false)
  })

  it('S13 with the demo token: only the plaintext client differs (401 -> 000/56)', async () => {
    const r = await migrate({ 's13.yaml': state('S13'), 'demo.jwt': DEMO_TOKEN }, ['--migrate', '--istio', '1.0', '--to-istio', '1.30', '--token', 'demo.jwt', 's13.yaml'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('sleep.legacy to httpbin.foo:8000: 401 -> 000 (56) (M41 #4: the seed printed 401 for a plaintext client of a STRICT server with JWT; modern Istio resets the connection before any JWT check (M12))\n')
  })

  it('S1 (mesh-wide STRICT, no DestinationRule): T1\'s four 503s become 200 under auto mTLS', async () => {
    const r = await migrate({ 's1.yaml': state('S1') }, ['--migrate', '--istio', '1.0', '--to-istio', '1.30', 's1.yaml'])
    expect(r.code).toBe(1)
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(4)
    expect(r.stderr).toMatch(/^sleep\.foo to httpbin\.foo:8000: 503 -> 200 \(M41 #3: auto mTLS/)
  })

  it('S0 (no policy): nothing to convert, no cell differs; exit 0', async () => {
    const r = await migrate({ 's0.yaml': state('S0') }, ['--migrate', '--to-istio', '1.12', 's0.yaml'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(parseManifests(r.stdout).objects).toHaveLength(workloads.length)
  })

  it('exit 2: a policy the conversion cannot handle, a bad profile, a YAML error', async () => {
    const s8 = await migrate({ 's8.yaml': state('S8') }, ['--migrate', '--istio', '1.0', '--to-istio', '1.30', 's8.yaml'])
    expect(s8).toMatchObject({ code: 2, stdout: '' })
    expect(s8.stderr).toContain('grid: cannot convert Policy/bar/httpbin: failed to convert target (httpbin) to workload port: could not find port 1234')
    expect((await migrate({ 'a.yaml': state('S1') }, ['--migrate', '--istio', '1.0', '--to-istio', '1.1', 'a.yaml'])).code).toBe(2)
    expect((await migrate({ 'a.yaml': state('S1') }, ['--migrate', '--istio', '1.30', '--to-istio', '1.30', 'a.yaml'])).code).toBe(2)
    const bad = await migrate({ 'bad.yaml': 'kind: [' }, ['--migrate', '--to-istio', '1.30', 'bad.yaml'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/^bad\.yaml:1:/)
  })
})
