/**
 * The smallest fix: sets of candidate edits (candidates.ts) after which every expectation holds.
 *
 * Bound: at most MAX_EDITS (3) edits, each on a different object, and at most `maxEvaluations`
 * designs checked (default 4,000). Sets of one edit are tried first, all of them; sets of two pair a
 * "useful" edit (one that changes the outcome of some violated cell) with any other; sets of three use
 * useful edits only. A set that contains a smaller solution is never tried.
 *
 * Ranking: fewer objects touched, then narrower scope (sum over edits: workload 0, namespace 1,
 * mesh 2), then fewer weakening edits, then the candidates' order. The best three are returned.
 * A returned fix makes every expectation hold, so it never breaks one that held before.
 */
import type { Model } from '../../index'
import type { KubeObject } from '../../types'
import { checkModel, modelOf, type CellCheck, type CheckInput, type IntentCheck } from '../check'
import type { Expectation } from '../types'
import { candidateEdits, type CandidateEdit, type ProfileCandidates, type Scope } from './candidates'

export const MAX_EDITS = 3
export const DEFAULT_MAX_EVALUATIONS = 4000
const SCOPE_COST: Record<Scope, number> = { workload: 0, namespace: 1, mesh: 2 }

export interface Fix {
  edits: { id: string; summary: string; scope: Scope }[]
  /** The design after the fix. */
  objects: KubeObject[]
  /** Keys of the objects written. */
  touched: string[]
}

export interface Conflict {
  /** Index of a violated expectation. */
  expectation: number
  /** Expectations that every edit set making it hold breaks (empty: no edit within the bound makes it hold). */
  with: number[]
}

export interface FixSearchResult {
  /** Best first, at most three; empty when every expectation already holds or nothing within the bound works. */
  fixes: Fix[]
  /** Filled when no fix was found. */
  conflicts: Conflict[]
  violatedBefore: number
  candidates: number
  evaluated: number
  /** True when the evaluation budget ran out before every set within MAX_EDITS was tried. */
  truncated: boolean
}

export interface SearchOptions {
  maxEvaluations?: number
  /** Called after every checked design: `done` of an estimated `total`. */
  onProgress?: (done: number, total: number) => void
  /** Candidate generators of newer profiles (PeerAuthentication, AuthorizationPolicy). */
  profileCandidates?: readonly ProfileCandidates[]
}

interface Tried {
  set: CandidateEdit[]
  result: IntentCheck
}

function cellKey(c: CellCheck): string {
  return `${c.request}\u0000${c.from}\u0000${c.to}`
}

function rank(set: readonly CandidateEdit[], order: Map<string, number>): number[] {
  return [
    new Set(set.map((e) => e.touches)).size,
    set.reduce((s, e) => s + SCOPE_COST[e.scope], 0),
    set.filter((e) => e.weakens).length,
    set.length,
    ...set.map((e) => order.get(e.id) ?? 0).sort((a, b) => a - b),
  ]
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

function apply(set: readonly CandidateEdit[], objects: readonly KubeObject[]): KubeObject[] {
  return set.reduce<KubeObject[]>((list, e) => e.apply(list), [...objects])
}

export async function searchFixes(objects: readonly KubeObject[], expectations: readonly Expectation[], input: CheckInput, options: SearchOptions = {}): Promise<FixSearchResult> {
  const maxEvaluations = options.maxEvaluations ?? DEFAULT_MAX_EVALUATIONS
  const model: Model = modelOf(objects, input.options)
  const before = await checkModel(model, expectations, input)
  const candidates = candidateEdits(objects, model.mesh, input.options, options.profileCandidates ?? [], { violated: before.violated, expectations })
  const empty: FixSearchResult = { fixes: [], conflicts: [], violatedBefore: before.violated.length, candidates: candidates.length, evaluated: 0, truncated: false }
  if (before.violated.length === 0) return empty
  const order = new Map(candidates.map((c, i) => [c.id, i]))
  const violatedCells = new Map(before.violated.map((c) => [cellKey(c), c]))
  const tried: Tried[] = []
  const solutions: CandidateEdit[][] = []
  let evaluated = 0
  let truncated = false
  let total = candidates.length
  const run = async (set: CandidateEdit[]): Promise<IntentCheck | undefined> => {
    if (evaluated >= maxEvaluations) {
      truncated = true
      return undefined
    }
    evaluated++
    const result = await checkModel(modelOf(apply(set, objects), input.options), expectations, input)
    tried.push({ set, result })
    if (result.violated.length === 0) solutions.push(set)
    options.onProgress?.(evaluated, Math.min(total, maxEvaluations))
    return result
  }
  const isSolution = (ids: Set<string>) => solutions.some((s) => s.every((e) => ids.has(e.id)))

  // Sets of one edit: all of them. An edit is useful when some violated cell's outcome moves.
  const useful: CandidateEdit[] = []
  for (const c of candidates) {
    const result = await run([c])
    if (!result) break
    const moved = result.checks.some((k) => {
      const was = violatedCells.get(cellKey(k))
      return was !== undefined && (was.got?.code !== k.got?.code || was.got?.exit !== k.got?.exit)
    })
    if (moved) useful.push(c)
  }
  const enough = () => solutions.length >= 3
  // Sets of two: a useful edit with any other edit of another object.
  if (!enough() && !truncated) {
    const pairs: CandidateEdit[][] = []
    const seen = new Set<string>()
    // With a one-edit fix in hand, pairs only fill the list of three: both edits must be useful.
    const partners = solutions.length > 0 ? useful : candidates
    for (const a of useful)
      for (const b of partners) {
        if (a.touches === b.touches) continue
        const key = [a.id, b.id].sort().join('|')
        if (seen.has(key) || isSolution(new Set([a.id, b.id]))) continue
        seen.add(key)
        pairs.push([a, b].sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0)))
      }
    total += pairs.length
    for (const p of pairs) if (!isSolution(new Set(p.map((e) => e.id))) && !(await run(p))) break
  }
  // Sets of three: useful edits only, on three different objects.
  if (solutions.length === 0 && !truncated && MAX_EDITS >= 3) {
    const triples: CandidateEdit[][] = []
    for (let i = 0; i < useful.length; i++)
      for (let j = i + 1; j < useful.length; j++)
        for (let k = j + 1; k < useful.length; k++) {
          const t = [useful[i], useful[j], useful[k]] as CandidateEdit[]
          if (new Set(t.map((e) => e.touches)).size === 3) triples.push(t)
        }
    total += triples.length
    for (const t of triples) if (!(await run(t))) break
  }

  const ranked = solutions.map((set) => ({ set, r: rank(set, order) })).sort((a, b) => compareRanks(a.r, b.r))
  const fixes: Fix[] = ranked.slice(0, 3).map(({ set }) => ({
    edits: set.map((e) => ({ id: e.id, summary: e.summary, scope: e.scope })),
    objects: apply(set, objects),
    touched: [...new Set(set.map((e) => e.touches))],
  }))
  return { ...empty, fixes, conflicts: fixes.length > 0 ? [] : conflictsOf(before, tried), evaluated, truncated }
}

/**
 * Why nothing works: for each violated expectation, the expectations broken by every tried set that
 * makes all of its own cells hold.
 */
function conflictsOf(before: IntentCheck, tried: readonly Tried[]): Conflict[] {
  const violated = [...new Set(before.violated.map((c) => c.expectation))].sort((a, b) => a - b)
  const found = violated.map((expectation) => {
    let common: Set<number> | undefined
    for (const { result } of tried) {
      const own = result.checks.filter((c) => c.expectation === expectation)
      if (own.length === 0 || own.some((c) => !c.holds)) continue
      const broken = new Set(result.violated.map((c) => c.expectation))
      common = common ? new Set([...common].filter((e) => broken.has(e))) : broken
    }
    return { expectation, common }
  })
  // An expectation nothing can satisfy is reported on its own, not as the partner of every other.
  const hopeless = new Set(found.filter((f) => !f.common).map((f) => f.expectation))
  return found.map(({ expectation, common }) => ({ expectation, with: common ? [...common].filter((e) => !hopeless.has(e)).sort((a, b) => a - b) : [] }))
}
