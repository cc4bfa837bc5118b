/**
 * The grid of every golden design is byte-for-byte what the store computed before the performance
 * work (issue 12): the fingerprints below were printed from main's store and engine at fbcf7fc, as
 * loaded and after one sidecar edit, with `GOLDEN_PRINT=1 npx vitest run src/store/golden`.
 * Faster paths (synchronous grid, worker, indexes) must not change one cell, label or order.
 */
import { describe, expect, it } from 'vitest'
import { createDesignerStore } from '../designerStore'
import { EMPTY_LAYOUT } from '../placeNodes'
import { GOLDEN_CASES } from './cases'
import { gridFingerprint } from './gridFingerprint'

const GOLDEN: Record<string, [loaded: string, edited: string]> = {
  'seed 1.0': ['6f295b0a811d8842', '7b97322dbaea04e9'],
  'seed 1.1': ['6f295b0a811d8842', '7b97322dbaea04e9'],
  'synthetic-10 1.0': ['30087f686f9c0831', '280ecae77e6a5a1f'],
  'synthetic-10 1.1': ['76da12ee7216032c', '5a8d085f36c8aacc'],
  'synthetic-30x2 1.0': ['d024a67f3a227147', '5c584edb918e2d6f'],
  'synthetic-30x2 1.1': ['c7b4c8d35cbf5140', '6139a836cc2f4cf0'],
  'synthetic-50x4 1.0': ['755649c33c13190c', 'ae6ff579a80c1d0c'],
  'synthetic-50x4 1.1': ['f7c0fbc380120c9c', '3b84347e00b8575f'],
  'varied-20 1.0': ['396a803b06310e28', 'ea63fff699fd30d2'],
  'varied-20 1.1': ['b5a8459f323286b6', '1ea9949e98a3e069'],
  'varied-40x2 1.0': ['9c6cf6c5f27838a9', 'f48f147e896e3a84'],
  'varied-40x2 1.1': ['7b5ee17d641330b0', '7c561c4a00e6e794'],
  'varied-50x4 1.0': ['ef76ccee79750c12', '99bfcbe2c4e686c2'],
  'varied-50x4 1.1': ['463763f22cd12dff', '5a5859ae8579e0a9'],
}

async function fingerprints(c: (typeof GOLDEN_CASES)[number], workerThreshold?: number): Promise<[string, string]> {
  const store = createDesignerStore({
    storage: null,
    clock: () => 1_795_000_000,
    elkLayout: false,
    ...(workerThreshold === undefined ? {} : { workerThreshold }),
    initial: { resources: c.resources(), layout: EMPTY_LAYOUT, options: c.options },
  })
  await store.getState().settled()
  const loaded = store.getState().gridState.grid
  store.getState().applyEdit(c.edit, 'canvas')
  await store.getState().settled()
  const edited = store.getState().gridState.grid
  if (!loaded || !edited) throw new Error(`${c.name}: no grid`)
  return [gridFingerprint(loaded), gridFingerprint(edited)]
}

describe('golden grids (unchanged by the performance work)', () => {
  if ((globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.GOLDEN_PRINT === '1') {
    it('prints the fingerprints', async () => {
      const lines: string[] = []
      for (const c of GOLDEN_CASES) lines.push(`  '${c.name}': ['${(await fingerprints(c)).join("', '")}'],`)
      console.log(lines.join('\n'))
    })
    return
  }
  it('has a fingerprint for every case', () => {
    expect(Object.keys(GOLDEN).sort()).toEqual(GOLDEN_CASES.map((c) => c.name).sort())
  })
  for (const c of GOLDEN_CASES) {
    it(`${c.name}: loaded and edited grids are the golden ones`, async () => {
      expect(await fingerprints(c)).toEqual(GOLDEN[c.name])
    })
  }
})
