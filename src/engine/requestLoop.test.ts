/**
 * The request loop of the seed (T14) and key-set findings, as the designer's token tools use them.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildModel, DEFAULT_OPTIONS, keySetDiagnostics, runRequestLoop } from '.'
import { genJwtLikeIstio } from './jwt/signToken'
import { ISTIO_SAMPLE_PRIVATE_KEY_PEM } from './jwt/sampleKey'
import { parseManifests } from '../yaml'
import { objectsAtState, type SeedTables } from '../scenarios/seed/replay'

const workloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects
const seed = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables
const T0 = 1_795_000_000

describe('the request loop', () => {
  it('reproduces T14: a 5-second token gives five 200s then five 401s, and says it expired', async () => {
    const model = buildModel(objectsAtState(seed, workloads, 'S12'), DEFAULT_OPTIONS)
    const token = await genJwtLikeIstio({ privateKeyPem: ISTIO_SAMPLE_PRIVATE_KEY_PEM, expireSeconds: 5, now: T0 })
    const probes = await runRequestLoop(model.mesh, DEFAULT_OPTIONS, new Map(), {
      client: 'external',
      request: { path: '/headers', headers: { Authorization: `Bearer ${token}` } },
      start: T0,
      count: 10,
      intervalSeconds: 1,
    })
    expect(probes.map((p) => p.verdict.code)).toEqual(['200', '200', '200', '200', '200', '401', '401', '401', '401', '401'])
    expect(probes.map((p) => p.at)).toEqual(Array.from({ length: 10 }, (_, i) => T0 + i))
    expect(probes[5]?.reason).toMatch(/expired/)
  })
})

describe('key sets', () => {
  it('flag a policy whose jwksUri has no key set, and not the Istio sample URI', () => {
    const objects = parseManifests(`
apiVersion: authentication.istio.io/v1alpha1
kind: Policy
metadata: {name: default, namespace: foo}
spec:
  origins:
  - jwt: {issuer: a@example.com, jwksUri: "https://example.com/keys.json"}
  - jwt: {issuer: testing@secure.istio.io, jwksUri: "https://raw.githubusercontent.com/istio/istio/release-1.0/security/tools/jwt/samples/jwks.json"}
`).objects
    const model = buildModel([...workloads, ...objects], DEFAULT_OPTIONS)
    const found = keySetDiagnostics(model.mesh, new Map())
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ code: 'MESH007', resource: 'Policy/foo/default', path: ['spec', 'origins', 0, 'jwt', 'jwksUri'] })
    expect(keySetDiagnostics(model.mesh, new Map([['https://example.com/keys.json', { keys: [{ kty: 'RSA' }] }]]))).toHaveLength(0)
  })
})
