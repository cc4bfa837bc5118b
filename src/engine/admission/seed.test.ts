import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../types'
import { admit } from './admit'

interface SeedTables {
  states: { id: string; ops?: { op: string; object?: KubeObject }[] }[]
}

const tables = JSON.parse(readFileSync(new URL('./fixtures/seed-tables.json', import.meta.url), 'utf8')) as SeedTables
const applied = tables.states.flatMap((s) => (s.ops ?? []).flatMap((op) => (op.object ? [[`${s.id} ${op.object.kind}/${op.object.metadata.name}`, op.object] as const] : [])))
const authn = applied.filter(([, o]) => ['Policy', 'MeshPolicy', 'DestinationRule'].includes(o.kind))

describe('The seed task objects', () => {
  it('include every Policy, MeshPolicy and DestinationRule of the seed', () => {
    expect(authn).toHaveLength(15)
  })

  it.each(authn)('%s is accepted under 1.0 without findings', (_name, object) => {
    const r = admit([object], { profile: '1.0' })
    expect(r.diagnostics).toEqual([])
    expect(r.accepted[0]?.istio?.kind).toBe(object.kind)
  })

  it.each(applied)('%s is accepted under 1.1 too', (_name, object) => {
    expect(admit([object], { profile: '1.1' }).rejected).toEqual([])
  })
})
