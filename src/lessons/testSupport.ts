/**
 * Test helpers shared by the lesson tests: a signer for generated tokens, the lesson clock, and the
 * seed's tables as the lessons name their cells.
 */
import { genJwtLikeIstio } from '../engine/jwt'
import keyPem from '../engine/jwt/fixtures/key.pem?raw'
import type { SeedRequest, SeedTables } from '../scenarios/seed/replay'
import seedTablesText from '../scenarios/seed/seed-tables.json?raw'
import { parseCurlUrl } from '../scenarios/seed/probeRequest'
import type { StepGridDeps } from './stepGrid'
import { INGRESS_TARGET } from './types'

export const SEED_TABLES = JSON.parse(seedTablesText) as SeedTables

/** A 2026 instant, as in the engine's seed test: the demo token (exp 2118) is valid. */
export const LESSON_CLOCK = 1_795_000_000

export const GRID_DEPS: StepGridDeps = {
  keySets: new Map(),
  sign: (expireSeconds, now) => genJwtLikeIstio({ privateKeyPem: keyPem, expireSeconds, now }),
  now: LESSON_CLOCK,
}

/** `sleep.foo -> httpbin.foo:8000` for a seed request (`http://httpbin.foo:8000/ip`). */
export function seedCellKey(req: SeedRequest, loop: boolean): string {
  const url = parseCurlUrl(req.url)
  const target = url.external ? INGRESS_TARGET : `${url.host}:${url.port}`
  return `${req.from} -> ${target}${loop ? ` @t+${req.at ?? 0}` : ''}`
}

/** What the seed prints, written as a grid cell: `200`, `000 (56)`. */
export function seedCode(req: SeedRequest): string {
  return req.expect.http_code === '000' ? `000 (${req.expect.exit})` : req.expect.http_code
}

export function sorted(grid: Record<string, string>): [string, string][] {
  return Object.entries(grid).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
