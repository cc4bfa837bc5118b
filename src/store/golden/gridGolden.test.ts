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
  'seed 1.0': ['2dd3224b1ee0b6f0', 'b543771302fa1ae0'],
  'seed 1.1': ['2dd3224b1ee0b6f0', 'b543771302fa1ae0'],
  'synthetic-10 1.0': ['4df977fc81093438', '7c0668fccfc50f31'],
  'synthetic-10 1.1': ['61e47994d0cb86ff', '4d48fa0b58b382de'],
  'synthetic-30x2 1.0': ['cdeff971d87bef88', 'f09a8543e4e761f0'],
  'synthetic-30x2 1.1': ['600b65ab83777ebb', 'effdaaba7dda6e2d'],
  'synthetic-50x4 1.0': ['e573e2555b24a51d', '15ca47c5f6d09b0a'],
  'synthetic-50x4 1.1': ['1063a037a267384e', '02cc9fe91cba2a2c'],
  'varied-20 1.0': ['b33192dbfb2e324b', '46be108a0f2d652a'],
  'varied-20 1.1': ['2e5ecb70d9ffabbf', '4b4b9ef1211f8bb2'],
  'varied-40x2 1.0': ['d6cdcf7a1d0c39b3', 'd165de4ad9affca5'],
  'varied-40x2 1.1': ['cc1c543e164af495', '4e5a63463cac40c6'],
  'varied-50x4 1.0': ['9ed67d7d1c98da8f', '7c2e884a75003b40'],
  'varied-50x4 1.1': ['0365402dcce289eb', '196591b392755ca6'],
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
  if (process.env.GOLDEN_PRINT === '1') {
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
