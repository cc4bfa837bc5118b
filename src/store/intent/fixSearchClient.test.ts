import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_OPTIONS } from '../../engine'
import { parseIntent } from '../../intent/parseIntent'
import { objectsAtState, type SeedTables } from '../../scenarios/seed/replay'
import { parseManifests } from '../../yaml'
import { startFixSearch, type FixJob } from './fixSearchClient'

vi.setConfig({ testTimeout: 90_000 })

const seed = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables
const workloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects
const job: FixJob = {
  resources: objectsAtState(seed, workloads, 'S1'),
  expectations: parseIntent('expectations:\n- {from: with-sidecar, to: "*.foo", expect: allow}\n').expectations,
  options: DEFAULT_OPTIONS,
  request: { path: '/ip', headers: {}, now: 1_795_000_000 },
  keySets: [],
}

describe('the fix search runner (no Worker: this thread)', () => {
  it('reports progress and answers', async () => {
    const progress: number[] = []
    const result = await startFixSearch(job, (done) => progress.push(done)).result
    expect(result?.fixes[0]?.edits[0]?.id).toBe('rule/workload/httpbin.foo.svc.cluster.local/ISTIO_MUTUAL')
    expect(progress.length).toBe(result?.evaluated)
    expect(progress).toEqual([...progress].sort((a, b) => a - b))
  })

  it('stops when cancelled', async () => {
    let seen = 0
    const running = startFixSearch(job, (done) => {
      seen = done
      if (done === 3) running.cancel()
    })
    await expect(running.result).resolves.toBeUndefined()
    expect(seen).toBe(3)
  })
})
