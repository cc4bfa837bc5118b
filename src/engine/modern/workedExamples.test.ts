/**
 * Section 14 of istio-semantics-modern.md replayed through the engine: the seed scenario in the modern
 * APIs (14.1), the authn-policy task from 1.5 on (14.2) and the other task tables (14.3), each step at
 * every profile its text applies to. The same steps go through the CLI in src/cli/modern.test.ts.
 */
import { describe, expect, it } from 'vitest'
import type { IstioProfile } from '../types'
import { runGrid, NOW } from './fixtures'
import { tokenFor, WORKED_EXAMPLES, type ExampleRequest } from './workedExamples'

const steps = WORKED_EXAMPLES.flatMap((step) => step.profiles.map((profile) => [`${step.section} ${step.id} (${profile}): ${step.title}`, step, profile] as const))

describe('istio-semantics-modern.md section 14, through the engine', () => {
  it.each(steps)('%s', async (_name, step, profile: IstioProfile) => {
    for (const req of step.requests as ExampleRequest[]) {
      const token = await tokenFor(req.token)
      const headers = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...req.headers }
      const result = await runGrid(profile, step.objects(profile), {
        request: { path: req.path ?? '/ip', headers, now: NOW + (req.at ?? 0), ...(req.method ? { method: req.method } : {}) },
        ...(step.workloads ? { workloads: step.workloads(profile) } : {}),
      })
      expect(result.model.admission.rejected).toEqual([])
      const got = Object.fromEntries(Object.keys(req.expect).map((k) => [k, result.cells[k]]))
      expect({ at: req.at ?? 0, token: req.token ?? 'none', path: req.path ?? '/ip', cells: got }).toEqual({ at: req.at ?? 0, token: req.token ?? 'none', path: req.path ?? '/ip', cells: req.expect })
    }
  })
})

describe('14.1 T5/T6: sleep.foo -> https://kubernetes.default/api', () => {
  it.each([
    ['E3: the *.local DR of namespace default (ISTIO_MUTUAL) governs kubernetes.default: 000/35', 'E3', '35'],
    ['E4: the exact-host api-server DR (DISABLE) wins: the app\'s own TLS passes, 200', 'E4', '200'],
  ] as const)('%s', async (_name, id, code) => {
    const { buildModel, computeGrid, prepareEvaluation, resolveTarget, verdictById } = await import('..')
    const step = WORKED_EXAMPLES.find((s) => s.id === id)
    if (!step) throw new Error(id)
    for (const profile of step.profiles) {
      const { modernTaskWorkloads } = await import('../../scenarios/modern/taskWorkloads')
      const options = { profile, r11: 'documented' as const }
      const model = buildModel([...modernTaskWorkloads(profile), ...step.objects(profile)], options)
      const ctx = await prepareEvaluation(model.mesh, { path: '/api', headers: {}, now: NOW }, new Map(), options)
      const client = model.mesh.workloads.find((w) => w.name === 'sleep' && w.namespace === 'foo')
      const target = resolveTarget(model.mesh, 'kubernetes.default:443', 'foo')
      if (!client || !target.ok) throw new Error('setup')
      const v = verdictById(computeGrid(ctx, [client], [target.target]).cells[0] as number)
      expect(v?.code === '000' ? String(v.exit) : v?.code).toBe(code)
    }
  })
})
