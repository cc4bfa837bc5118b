/**
 * The token slice wired into the designer store: the grid follows the request profile (token, paths,
 * clock), key sets drive MESH007, the settings survive a reload, and share links carry tokens only
 * when asked.
 */
import { describe, expect, it } from 'vitest'
import { DEFAULT_OPTIONS, type KubeObject } from '../../engine'
import { ISTIO_SAMPLE_JWKS } from '../../engine/jwt'
import { objectsAtState, seedTables, seedWorkloads } from '../../scenarios/seed'
import { STORAGE_KEY } from '../autosave'
import { decodeShareLink, encodeShareLink } from '../share'
import { codeAt, memoryStorage, testStore } from '../testing'
import { DEFAULT_RECIPE, signRecipe } from './generate'
import { runLoop } from './loop'
import { addedToken } from './tokenList'
import { DEMO_TOKEN_ID } from './types'

const NOW = 1_795_000_000
const s12 = () => objectsAtState(seedTables, seedWorkloads(), 'S12')
const EXTERNAL = (grid: Parameters<typeof codeAt>[0]) => codeAt(grid, 'external', 'httpbin.foo:8000')

async function s12Store(extra: Parameters<typeof testStore>[0] = {}) {
  const store = testStore({ initial: { resources: s12(), layout: { positions: {}, namespaces: {} }, options: DEFAULT_OPTIONS }, elkLayout: false, ...extra })
  await store.getState().settled()
  return store
}

describe('the request profile in the store', () => {
  it('turns the ingress cell from 401 (no token) to 200 (demo token)', async () => {
    const store = await s12Store()
    expect(EXTERNAL(store.getState().gridState.grid)).toBe('401')
    store.getState().setRequest({ tokenId: DEMO_TOKEN_ID })
    await store.getState().settled()
    expect(EXTERNAL(store.getState().gridState.grid)).toBe('200')
    expect(codeAt(store.getState().gridState.grid, 'sleep.foo', 'httpbin.foo:8000')).toBe('200')
    const explanation = await store.getState().explainCell(3, 0)
    expect(explanation?.command).toContain('$INGRESS_HOST/headers')
  })

  it('sends the ingress its own path: a VirtualService route for /headers only gives /ip a 404', async () => {
    const resources = s12().map((o): KubeObject => (o.kind === 'VirtualService' ? { ...o, spec: { ...(o.spec as object), http: [{ match: [{ uri: { prefix: '/headers' } }], route: [{ destination: { host: 'httpbin.foo.svc.cluster.local', port: { number: 8000 } } }] }] } } : o))
    const store = await s12Store({ initial: { resources, layout: { positions: {}, namespaces: {} }, options: DEFAULT_OPTIONS, request: { path: '/ip', headers: {}, tokenId: DEMO_TOKEN_ID } } })
    expect(EXTERNAL(store.getState().gridState.grid)).toBe('200')
    store.getState().setRequest({ ingressPath: '/ip' })
    await store.getState().settled()
    const grid = store.getState().gridState.grid
    expect(EXTERNAL(grid)).toBe('none')
    expect(grid?.externalNote).toMatch(/no VirtualService bound to it matches \/ip: 404/)
    const explanation = await store.getState().explainCell(3, 0)
    expect(explanation?.verdict.code).toBe('404')
  })

  it('checks the token on the simulated clock: a 5 s token is accepted, then expired', async () => {
    const store = await s12Store()
    const jwt = await signRecipe({ ...DEFAULT_RECIPE, expireSeconds: '5' }, { kind: 'istio-sample-key' }, NOW)
    const { tokens, id } = addedToken(store.getState().request, { jwt, source: 'generated', signedWith: 'istio-sample-key' })
    store.getState().setRequest({ tokens, tokenId: id, frozenNow: NOW + 4 })
    await store.getState().settled()
    expect(EXTERNAL(store.getState().gridState.grid)).toBe('200')
    store.getState().setRequest({ frozenNow: NOW + 5 })
    await store.getState().settled()
    expect(EXTERNAL(store.getState().gridState.grid)).toBe('401')
    const steps = (await store.getState().explainCell(3, 0))?.steps.map((s) => s.text).join('\n')
    expect(steps).toMatch(/token expired at/)
  })

  it('runs the request loop of T14: five 200s, then five 401s', async () => {
    const store = await s12Store()
    const jwt = await signRecipe({ ...DEFAULT_RECIPE, expireSeconds: '5' }, { kind: 'istio-sample-key' }, NOW)
    const { tokens, id } = addedToken(store.getState().request, { jwt, source: 'generated' })
    store.getState().setRequest({ tokens })
    const { model, options, request } = store.getState()
    const run = await runLoop(model.mesh, options, request, { cell: { kind: 'external' }, tokenId: id, count: 10, intervalSeconds: 1, start: NOW })
    expect(run.probes.map((p) => p.verdict.code).join(' ')).toBe('200 200 200 200 200 401 401 401 401 401')
    expect(run.probes.map((p) => p.at - NOW)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(run.probes[5]?.reason).toMatch(/expired/)
    expect(run.path).toBe('/headers')
  })

  it('flags a jwksUri without a key set (MESH007) until the key set is added', async () => {
    const uri = 'https://keys.example.com/jwks.json'
    const resources = s12().map((o): KubeObject => (o.kind === 'Policy' ? { ...o, spec: { ...(o.spec as object), origins: [{ jwt: { issuer: 'testing@secure.istio.io', jwksUri: uri } }] } } : o))
    const store = await s12Store({ initial: { resources, layout: { positions: {}, namespaces: {} }, options: DEFAULT_OPTIONS, request: { path: '/ip', headers: {}, tokenId: DEMO_TOKEN_ID } } })
    const mesh007 = () => store.getState().problems.filter((p) => p.code === 'MESH007')
    expect(mesh007()).toEqual([expect.objectContaining({ tab: 'istio', resource: 'Policy/foo/jwt-example', severity: 'warning' })])
    expect(store.getState().model.diagnostics.some((d) => d.code === 'MESH007')).toBe(true)
    expect(EXTERNAL(store.getState().gridState.grid)).toBe('401')
    store.getState().setRequest({ keySets: { [uri]: ISTIO_SAMPLE_JWKS } })
    await store.getState().settled()
    expect(mesh007()).toEqual([])
    expect(EXTERNAL(store.getState().gridState.grid)).toBe('200')
  })
})

describe('saving and sharing the profile', () => {
  it('keeps tokens, placement, paths and key sets across a reload', async () => {
    const storage = memoryStorage()
    const first = testStore({ storage, autosaveDelayMs: 0 })
    await first.getState().settled()
    const settings = {
      tokens: [{ id: 't1', name: 'Mine', jwt: 'a.b.c', source: 'pasted' as const }],
      tokenId: 't1',
      tokenPlacement: { kind: 'query' as const, name: 'access_token' },
      ingressPath: '/status/200',
      keySets: { 'https://k.example.com/jwks.json': ISTIO_SAMPLE_JWKS },
      frozenNow: NOW,
    }
    first.getState().setRequest(settings)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}').request).toMatchObject(settings)
    const second = testStore({ storage })
    expect(second.getState().request).toMatchObject(settings)
    await second.getState().settled()
  })

  it('drops saved tokens that do not check instead of the whole design', async () => {
    const storage = memoryStorage({
      [STORAGE_KEY]: JSON.stringify({ v: 1, resources: seedWorkloads(), request: { path: '/ip', headers: {}, tokens: [{ id: 1 }, { id: 'ok', name: 'Ok', jwt: 'a.b.c', source: 'pasted' }], tokenPlacement: { kind: 'weird' } } }),
    })
    const store = testStore({ storage })
    expect(store.getState().request.tokens?.map((t) => t.id)).toEqual(['ok'])
    expect(store.getState().request.tokenPlacement).toBeUndefined()
    await store.getState().settled()
  })

  it('puts tokens in a share link only when asked, and merges them on the other side', async () => {
    const store = await s12Store()
    store.getState().setRequest({ tokens: [{ id: 't1', name: 'Mine', jwt: 'a.b.c', source: 'generated', keyPairId: 'k-1' }], tokenId: 't1' })
    const plain = decodeShareLink(encodeShareLink(store.getState()))
    expect(plain.ok && plain.request).toBe(undefined)
    const withTokens = encodeShareLink(store.getState(), { includeRequest: true })
    const decoded = decodeShareLink(withTokens)
    expect(decoded.ok && decoded.request?.tokens?.[0]?.jwt).toBe('a.b.c')

    const other = testStore()
    await other.getState().settled()
    expect(other.getState().openShareLink(withTokens)).toEqual({ ok: true })
    expect(other.getState().request.tokens).toEqual([{ id: 't1', name: 'Mine', jwt: 'a.b.c', source: 'generated' }])
    expect(other.getState().request.tokenId).toBe('t1')
    await other.getState().settled()
  })
})
