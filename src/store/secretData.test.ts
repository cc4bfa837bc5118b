/**
 * Issue 8: a Secret's data is never kept, not in the store, not in autosave, not in a share link,
 * whichever way it arrives (import, typed YAML, an old link or an old autosave).
 */
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../engine'
import { importYamlText } from './io'
import { decodeShareLink, encodeShareLink } from './share'
import { testStore } from './testing'

const SECRET: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'foo' }, type: 'Opaque', data: { password: 'c2VjcmV0' }, stringData: { user: 'admin' } } as KubeObject

describe('Secret data', () => {
  it('is not imported: the Secret is ignored and listed once in the summary', () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: db, namespace: foo}\ndata: {password: c2VjcmV0}\n'
    const r = importYamlText(text, 'secret.yaml')
    expect(r.objects).toEqual([])
    expect(r.summary).toBe('ignored kinds: Secret (1, data not kept)')
  })

  it('never enters the store, even when loaded or typed directly', () => {
    const store = testStore()
    store.getState().loadResources([...store.getState().resources, SECRET], 'import')
    const kept = store.getState().resources.find((o) => o.kind === 'Secret')
    expect(kept).toBeDefined()
    expect(JSON.stringify(store.getState().resources)).not.toContain('c2VjcmV0')
    expect(JSON.stringify(store.getState().resources)).not.toContain('admin')
    store.getState().editYaml('workloads', `${store.getState().yaml.workloads}---\napiVersion: v1\nkind: Secret\nmetadata: {name: typed, namespace: foo}\ndata: {k: dHlwZWQ=}\n`)
    expect(JSON.stringify(store.getState().resources)).not.toContain('dHlwZWQ=')
  })

  it('is not in a share link, and an old link that carries it loses it on the way in', () => {
    const store = testStore()
    expect(encodeShareLink(store.getState())).toBe(encodeShareLink({ ...store.getState(), resources: store.getState().resources }))
    const hostile = encodeShareLink({ ...store.getState(), resources: [...store.getState().resources, SECRET] })
    const decoded = decodeShareLink(hostile)
    expect(decoded.ok).toBe(true)
    if (decoded.ok) expect(JSON.stringify(decoded.design.resources)).not.toContain('c2VjcmV0')
  })
})
