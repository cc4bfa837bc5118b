/**
 * Every table of response codes printed by the seed task (Istio 1.0 "Authentication Policy"),
 * replayed state by state through the engine: the acceptance test of the whole product.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildModel, DEFAULT_OPTIONS, type EngineOptions } from '.'
import { genJwtLikeIstio } from './jwt/signToken'
import { ISTIO_DEMO_JWT } from './jwt/samples'
import { parseManifests } from '../yaml'
import { objectsAtState, type SeedRequest, type SeedTables } from '../scenarios/seed/replay'
import { probeUrl } from '../scenarios/seed/probeRequest'

const workloads = parseManifests(readFileSync('src/scenarios/seed/workloads.yaml', 'utf8')).objects
const seed = JSON.parse(readFileSync('src/scenarios/seed/seed-tables.json', 'utf8')) as SeedTables
const keyPem = readFileSync('src/engine/jwt/fixtures/key.pem', 'utf8')

/** A 2026 instant: the demo token (exp 2118) is valid, a 5-second token issued at T0 is not for long. */
const T0 = 1_795_000_000

async function tokenFor(req: SeedRequest): Promise<string | undefined> {
  switch (req.token) {
    case 'demo':
      return ISTIO_DEMO_JWT
    case 'gen-jwt-expire-5':
      return genJwtLikeIstio({ privateKeyPem: keyPem, expireSeconds: 5, now: T0 })
    case 'k8s-serviceaccount':
      return 'service-account-token-for-the-api-server'
    default:
      return undefined
  }
}

async function codeOf(state: string, req: SeedRequest, options: EngineOptions = DEFAULT_OPTIONS): Promise<string> {
  const model = buildModel(objectsAtState(seed, workloads, state), options)
  expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  const token = await tokenFor(req)
  const verdict = await probeUrl(model, { from: req.from, url: req.url, ...(token ? { token } : {}), now: T0 + (req.at ?? 0) }, new Map(), options)
  return verdict.code === '000' ? `000/${verdict.exit}` : verdict.code
}

const expected = (req: SeedRequest) => (req.expect.http_code === '000' ? `000/${req.expect.exit}` : req.expect.http_code)

describe('the seed task, table by table (Istio 1.0, as documented)', () => {
  for (const table of seed.tables) {
    it(`${table.id} at ${table.state}: ${table.requests.length} printed request(s)`, async () => {
      for (const req of table.requests) {
        expect(`${req.from} -> ${req.url}${req.at !== undefined ? ` @${req.at}` : ''}: ${await codeOf(table.state, req)}`).toBe(
          `${req.from} -> ${req.url}${req.at !== undefined ? ` @${req.at}` : ''}: ${expected(req)}`,
        )
      }
    })
    if (table.implied) {
      it(`${table.id} at ${table.state}: the lines the seed elides`, async () => {
        for (const req of table.implied ?? []) {
          expect(`${req.from} -> ${req.url}: ${await codeOf(table.state, req)}`).toBe(`${req.from} -> ${req.url}: ${expected(req)}`)
        }
      })
    }
  }
})

describe('rule 11 switched to "as implemented"', () => {
  it('gives real Istio 1.0 behaviour for T16: the plaintext connection is reset, 000 with exit 56', async () => {
    const t16 = seed.tables.find((t) => t.id === 'T16')
    const req = t16?.requests[0]
    expect(req).toBeDefined()
    if (!req) return
    expect(await codeOf('S13', req, { profile: '1.0', r11: 'implemented' })).toBe('000/56')
  })

  it('is a 1.0-only rule: the 1.1 profile prints 000/56 for T16 as the 1.1 task does', async () => {
    const req = seed.tables.find((t) => t.id === 'T16')?.requests[0]
    if (!req) throw new Error('T16 missing')
    expect(await codeOf('S13', req, { profile: '1.1', r11: 'documented' })).toBe('000/56')
  })
})
