/** Profiles in the store: New starts on the latest, the seed on 1.0; saved designs keep any profile; requests carry method and source IP. */
import { describe, expect, it } from 'vitest'
import { LATEST_PROFILE } from '../engine'
import { checkDesign } from './design'
import { testStore } from './testing'
import { requestFor } from './tokens/profile'

describe('profiles in the store', () => {
  it('a new design starts on the latest profile; the seed goes back to 1.0', async () => {
    const store = testStore({ elkLayout: false })
    expect(store.getState().options.profile).toBe('1.0')
    store.getState().newEmptyDesign()
    expect(store.getState().options.profile).toBe(LATEST_PROFILE)
    store.getState().resetToSeed()
    expect(store.getState().options.profile).toBe('1.0')
    await store.getState().settled()
  })

  it('Istio samples load the profile\'s httpbin and sleep (curl from 1.24) in one undo step', async () => {
    const store = testStore({ elkLayout: false })
    store.getState().newEmptyDesign()
    await store.getState().settled()
    store.getState().loadIstioSamples()
    await store.getState().settled()
    const names = store.getState().resources.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`)
    expect(names).toContain('Deployment/foo/curl')
    const httpbin = store.getState().resources.find((o) => o.kind === 'Service' && o.metadata.name === 'httpbin') as { spec?: { ports?: unknown } }
    expect(httpbin.spec?.ports).toEqual([{ name: 'http', port: 8000, targetPort: 8080 }])
    store.getState().undo()
    expect(store.getState().resources).toEqual([])
  })

  it('a saved design may be on any profile the engine knows, and no other', () => {
    expect(checkDesign({ v: 1, resources: [], options: { profile: '1.22' } })).toMatchObject({ ok: true, value: { options: { profile: '1.22', r11: 'documented' } } })
    expect(checkDesign({ v: 1, resources: [], options: { profile: '1.3' } })).toMatchObject({ ok: false, message: 'options.profile must be one of 1.0, 1.1, 1.5 ... 1.30' })
  })

  it('requests carry the method, and the source IP on the external row only', () => {
    const settings = { path: '/ip', headers: { 'x-token': 'admin' }, method: 'POST', sourceIp: '203.0.113.7' }
    expect(requestFor(settings, 'client', 5)).toEqual({ path: '/ip', headers: { 'x-token': 'admin' }, now: 5, method: 'POST' })
    expect(requestFor(settings, 'ingress', 5)).toEqual({ path: '/headers', headers: { 'x-token': 'admin' }, now: 5, method: 'POST', sourceIp: '203.0.113.7' })
  })
})
