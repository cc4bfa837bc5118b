/**
 * The migration store on a real designer store: preview (convert + both grids + differences),
 * accept (converted design on the target profile, checked live), and the live check following edits.
 */
import { describe, expect, it } from 'vitest'
import { objectsAtState, seedTables, seedWorkloads } from '../../scenarios/seed'
import { keyOf } from '../keys'
import { codeAt, testStore } from '../testing'
import { createMigrationStore, hasAlphaPolicies } from './migrationStore'

function openS13() {
  const designer = testStore({ elkLayout: false, initial: { resources: objectsAtState(seedTables, seedWorkloads(), 'S13'), layout: { positions: {}, namespaces: {} }, options: { profile: '1.0', r11: 'documented' } } })
  return { designer, migration: createMigrationStore(designer, () => 1_795_000_000) }
}

describe('migration store', () => {
  it('previews the seed\'s final state: 1.0 -> 1.30 by default, four cells differ', async () => {
    const { designer, migration } = openS13()
    expect(hasAlphaPolicies(designer.getState().resources)).toBe(true)
    migration.getState().openPreview()
    await migration.getState().settled()
    const preview = migration.getState().preview
    expect(preview).toMatchObject({ from: '1.0', to: '1.30', computing: false })
    expect(preview?.check?.differences.map((d) => `${d.row} ${d.column} ${d.m41}`)).toEqual([
      'sleep.foo httpbin.foo:8000 1',
      'sleep.bar httpbin.foo:8000 1',
      'sleep.legacy httpbin.foo:8000 4',
      'external httpbin.foo:8000 1',
    ])
  })

  it('another target profile recomputes the preview', async () => {
    const { migration } = openS13()
    migration.getState().openPreview()
    migration.getState().setProfiles('1.0', '1.8')
    await migration.getState().settled()
    expect(migration.getState().preview?.to).toBe('1.8')
    expect(migration.getState().preview?.check?.after.rows).toContain('sleep.legacy')
  })

  it('accept puts the converted design on the target profile and keeps checking it as the design changes', async () => {
    const { designer, migration } = openS13()
    migration.getState().openPreview()
    await migration.getState().settled()
    migration.getState().accept()
    expect(migration.getState().preview).toBeUndefined()
    expect(designer.getState().options.profile).toBe('1.30')
    expect(designer.getState().resources.map(keyOf)).toContain('AuthorizationPolicy/foo/jwt-example-httpbin')
    expect(hasAlphaPolicies(designer.getState().resources)).toBe(false)
    await designer.getState().settled()
    expect(codeAt(designer.getState().gridState.grid, 'sleep.foo', 'httpbin.foo:8000')).toBe('403')
    await migration.getState().settled()
    expect(migration.getState().live?.check?.differences).toHaveLength(4)

    // Deleting the converted DENY: without a token the request is allowed now, still unlike the 401 of 1.0.
    designer.getState().deleteResource('AuthorizationPolicy/foo/jwt-example-httpbin', 'inspector')
    await migration.getState().settled()
    expect(migration.getState().live?.check?.differences.map((d) => `${d.row} ${d.after?.code}`)).toContain('sleep.foo 200')

    migration.getState().finish()
    expect(migration.getState().live).toBeUndefined()
  })
})
