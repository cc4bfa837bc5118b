import { describe, expect, it } from 'vitest'
import { seedWorkloads, seedWorkloadsFromYaml } from '.'

describe('the seed workloads read as build-time JSON', () => {
  it('equal what the YAML layer makes of workloads.yaml, key for key and type for type', () => {
    const fromJson = seedWorkloads()
    expect(fromJson).toEqual(seedWorkloadsFromYaml())
    // Same key order too: the generated YAML tabs print keys in object order.
    expect(JSON.stringify(fromJson)).toBe(JSON.stringify(seedWorkloadsFromYaml()))
  })

  it('are a fresh copy on every call', () => {
    const a = seedWorkloads()
    a[0]!.metadata.name = 'changed'
    expect(seedWorkloads()[0]?.metadata.name).not.toBe('changed')
  })
})
