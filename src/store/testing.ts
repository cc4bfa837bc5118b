/** Helpers for the store's tests: an in-memory localStorage and a store that uses it. */
import { verdictById } from '../engine'
import type { BigStorage, StorageLike } from './autosave'
import { createDesignerStore, type DesignerStoreDeps } from './designerStore'
import type { GridView } from './types'

export function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  }
}

/** An in-memory IndexedDB stand-in (what idb-keyval gives the autosave). */
export function memoryBigStorage(): BigStorage & { data: Map<string, string> } {
  const data = new Map<string, string>()
  return {
    data,
    get: async (key) => data.get(key),
    set: async (key, value) => void data.set(key, value),
    del: async (key) => void data.delete(key),
  }
}

/** A store on its own storage with a fixed clock, as every test wants it. */
export function testStore(deps: DesignerStoreDeps = {}) {
  return createDesignerStore({ storage: memoryStorage(), clock: () => 1_795_000_000, ...deps })
}

/** The shown code of the cell `row` x `column` (labels), e.g. '200' or '000/56'. */
export function codeAt(grid: GridView | undefined, row: string, column: string): string | undefined {
  if (!grid) return undefined
  const i = grid.rows.findIndex((r) => r.label === row)
  const j = grid.columns.findIndex((c) => c.label === column)
  if (i < 0 || j < 0) return undefined
  const verdict = verdictById(grid.cells[i * grid.columns.length + j] ?? 255)
  if (!verdict) return 'none'
  return verdict.code === '000' ? `000/${verdict.exit}` : verdict.code
}

/** Every shown code, row by row. */
export function codes(grid: GridView | undefined): string[][] {
  if (!grid) return []
  return grid.rows.map((r) => grid.columns.map((c) => codeAt(grid, r.label, c.label) ?? ''))
}
