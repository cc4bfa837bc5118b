import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_OPTIONS } from '../../engine'
import { parseIntent } from '../../intent/parseIntent'
import { objectsAtState, seedTables, seedWorkloads } from '../../scenarios/seed'
import { startFixSearch, type FixJob } from './fixSearchClient'

vi.setConfig({ testTimeout: 90_000 })

const job: FixJob = {
  resources: objectsAtState(seedTables, seedWorkloads(), 'S1'),
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
