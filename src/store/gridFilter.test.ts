import { describe, expect, it } from 'vitest'
import { buildModel, clientLabel, DEFAULT_OPTIONS, targetLabel } from '../engine'
import { seedWorkloads } from '../scenarios/seed'
import { ALL_VIEW, checkGridView, selectColumns, selectRows, TASK_VIEW } from './gridFilter'
import { decodeShareLink, encodeShareLink } from './share'
import { testStore } from './testing'

const mesh = buildModel(seedWorkloads(), DEFAULT_OPTIONS).mesh

describe('grid views (R25: which rows and columns show is a view, not a rule)', () => {
  it('the task view is sleep rows x httpbin columns on the seed', () => {
    expect(selectRows(mesh, TASK_VIEW.rows).map(clientLabel)).toEqual(['sleep.foo', 'sleep.bar', 'sleep.legacy'])
    expect(selectColumns(mesh, TASK_VIEW.columns).map(targetLabel)).toEqual(['httpbin.foo:8000', 'httpbin.bar:8000', 'httpbin.legacy:8000'])
  })

  it('all: every workload and every Service port', () => {
    expect(selectRows(mesh, ALL_VIEW.rows)).toHaveLength(6)
    expect(selectColumns(mesh, ALL_VIEW.columns).map(targetLabel)).toContain('sleep.legacy:80')
  })

  it('by namespace and by name (name or name.namespace)', () => {
    expect(selectRows(mesh, { mode: 'namespaces', values: ['bar'] }).map(clientLabel)).toEqual(['httpbin.bar', 'sleep.bar'])
    expect(selectColumns(mesh, { mode: 'names', values: ['sleep.foo', 'httpbin'] }).map(targetLabel)).toEqual(['httpbin.foo:8000', 'sleep.foo:80', 'httpbin.bar:8000', 'httpbin.legacy:8000'])
  })

  it('a view from outside is checked: unknown modes or shapes are dropped', () => {
    expect(checkGridView({ rows: { mode: 'all' }, columns: { mode: 'names', values: ['a'] } })).toEqual({ rows: { mode: 'all' }, columns: { mode: 'names', values: ['a'] } })
    expect(checkGridView({ rows: { mode: 'with-ports' }, columns: { mode: 'all' } })).toBeUndefined()
    expect(checkGridView({ rows: { mode: 'all', values: [1] }, columns: { mode: 'all' } })).toBeUndefined()
    expect(checkGridView('all')).toBeUndefined()
  })

  it('travels in a share link, and the store shows the grid it asks for', async () => {
    const store = testStore()
    await store.getState().settled()
    store.getState().setGridView({ rows: { mode: 'names', values: ['httpbin.foo'] }, columns: ALL_VIEW.columns })
    await store.getState().settled()
    expect(store.getState().gridState.grid?.rows.map((r) => r.label)).toEqual(['httpbin.foo'])
    expect(store.getState().gridState.grid?.columns).toHaveLength(6)
    const decoded = decodeShareLink(encodeShareLink(store.getState()))
    expect(decoded.ok && decoded.design.view).toEqual({ rows: { mode: 'names', values: ['httpbin.foo'] }, columns: { mode: 'all' } })
    store.getState().resetToSeed()
    await store.getState().settled()
    expect(store.getState().view).toEqual(TASK_VIEW)
    expect(store.getState().gridState.grid?.rows.map((r) => r.label)).toEqual(['sleep.foo', 'sleep.bar', 'sleep.legacy'])
  })
})
