/**
 * Secrets never stick: a Secret's data (and any payload the engine does not read) never reaches
 * autosave or a share link, and tokens reach a share link only when the user ticks the box.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_OPTIONS, type KubeObject } from '../engine'
import { ISTIO_DEMO_JWT } from '../engine/jwt/samples'
import { STORAGE_KEY } from './autosave'
import { autosaveOf } from './designerStore'
import { decodeShareLink, encodeShareLink } from './share'
import { memoryStorage, testStore } from './testing'
import LZString from 'lz-string'

const SECRET_TEXT = 'hunter2-do-not-store'
const SECRET_B64 = btoa(SECRET_TEXT)
const objects: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } },
  { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'foo' }, data: { password: SECRET_B64 }, stringData: { token: SECRET_TEXT } } as KubeObject,
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'foo' }, data: { key: SECRET_TEXT }, binaryData: { b: SECRET_B64 } } as KubeObject,
  { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'foo' }, stringData: { x: SECRET_TEXT } } as KubeObject,
]

function leaks(text: string): boolean {
  return text.includes(SECRET_TEXT) || text.includes(SECRET_B64)
}

describe('Secrets never stick', () => {
  it('autosave keeps the objects but not their data, stringData or binaryData', async () => {
    const storage = memoryStorage()
    const store = testStore({ storage, elkLayout: false, initial: { resources: objects, layout: { positions: {}, namespaces: {} }, options: DEFAULT_OPTIONS } })
    store.getState().setOptions({ profile: '1.1' })
    autosaveOf(store)!.autosave.flush()
    const saved = storage.data.get(STORAGE_KEY)!
    expect(saved).toContain('"Secret"')
    expect(leaks(saved)).toBe(false)
    for (const value of storage.data.values()) expect(leaks(value)).toBe(false)
    await store.getState().settled()
  })

  it('share links carry no payloads, and no tokens unless asked', () => {
    const request = { path: '/ip', headers: { Authorization: `Bearer ${ISTIO_DEMO_JWT}` }, tokens: [{ id: 't', name: 'demo', jwt: ISTIO_DEMO_JWT, source: 'pasted' as const }] }
    const state = { resources: objects, layout: { positions: {}, namespaces: {} }, options: DEFAULT_OPTIONS, request }
    const plain = encodeShareLink(state)
    const json = LZString.decompressFromEncodedURIComponent(plain.slice('#design='.length))
    expect(leaks(json)).toBe(false)
    expect(json).not.toContain(ISTIO_DEMO_JWT)
    const decoded = decodeShareLink(plain)
    expect(decoded.ok && decoded.request).toBeUndefined()
    expect(decoded.ok && decoded.design.resources.map((o) => o.kind)).toEqual(['Namespace', 'Secret', 'ConfigMap', 'Widget'])

    const withTokens = LZString.decompressFromEncodedURIComponent(encodeShareLink(state, { includeRequest: true }).slice('#design='.length))
    expect(withTokens).toContain(ISTIO_DEMO_JWT)
    expect(leaks(withTokens)).toBe(false)
  })
})

describe('Tokens kept only for this tab', () => {
  it('stay out of localStorage, live in this tab, and are gone in a new tab', async () => {
    const storage = memoryStorage()
    const tab = memoryStorage()
    const store = testStore({ storage, tabStorage: tab, elkLayout: false })
    store.getState().setRequest({
      tokens: [
        { id: 'a', name: 'kept', jwt: 'aaa.bbb.ccc', source: 'pasted' },
        { id: 'b', name: 'this tab', jwt: ISTIO_DEMO_JWT, source: 'pasted', tabOnly: true },
      ],
      tokenId: 'b',
    })
    autosaveOf(store)!.autosave.flush()
    const saved = storage.data.get(STORAGE_KEY)!
    expect(saved).toContain('aaa.bbb.ccc')
    expect(saved).not.toContain(ISTIO_DEMO_JWT)
    expect(saved).not.toContain('"tokenId":"b"')
    expect(tab.data.get('mesh-auth-designer:v1:tab-tokens')).toContain(ISTIO_DEMO_JWT)

    const sameTab = testStore({ storage, tabStorage: tab, elkLayout: false })
    expect(sameTab.getState().request.tokens?.map((t) => [t.name, t.tabOnly === true])).toEqual([['kept', false], ['this tab', true]])
    expect(sameTab.getState().request.tokenId).toBe('b')
    const newTab = testStore({ storage, tabStorage: memoryStorage(), elkLayout: false })
    expect(newTab.getState().request.tokens?.map((t) => t.name)).toEqual(['kept'])
    await Promise.all([store, sameTab, newTab].map((s) => s.getState().settled()))
  })
})
