/**
 * The built-in lesson "Migrate a namespace to mutual TLS" (Istio 1.1): every step's grid and
 * tls-check rows come out of the engine as the lesson says, and only the deliberate mistake fails.
 */
import { describe, expect, it } from 'vitest'
import { builtinLessons, computeStepGrid, computeStepTlsCheck, lessonStepModel, type Lesson } from '.'
import { GRID_DEPS, sorted } from './testSupport'

const lesson = builtinLessons().find((l) => l.id === 'permissive-migration') as Lesson

describe('the built-in lesson "Migrate a namespace to mutual TLS without downtime" (Istio 1.1)', () => {
  it('uses the Istio 1.1 profile', () => {
    expect(lesson.profile).toBe('1.1')
  })

  lesson.steps.forEach((step, i) => {
    it(`step ${i + 1} "${step.id}": the engine prints the grid the step expects`, async () => {
      expect(sorted(await computeStepGrid(lesson, i, GRID_DEPS))).toEqual(sorted(step.expect.grid))
    })
    if (step.expect.tlsCheck) {
      it(`step ${i + 1} "${step.id}": tls-check prints the rows the step expects`, () => {
        expect(sorted(computeStepTlsCheck(lesson, i))).toEqual(sorted(step.expect.tlsCheck ?? {}))
      })
    }
  })

  it('fails a request only in the step that requires mutual TLS too early', async () => {
    const failing: string[] = []
    for (let i = 0; i < lesson.steps.length; i++) {
      for (const [key, code] of Object.entries(await computeStepGrid(lesson, i, GRID_DEPS))) if (code !== '200') failing.push(`${lesson.steps[i]?.id}: ${key} ${code}`)
    }
    expect(failing).toEqual(['strict-too-early: sleep.legacy -> httpbin.foo:8000 000 (56)'])
  })

  it('gives sleep.legacy a sidecar only from the injection step on', () => {
    const sidecar = lesson.steps.map((_, i) => lessonStepModel(lesson, i).mesh.workloads.find((w) => w.name === 'sleep' && w.namespace === 'legacy')?.sidecar)
    const injected = lesson.steps.findIndex((s) => s.id === 'inject-legacy')
    expect(sidecar).toEqual(lesson.steps.map((_, i) => i >= injected))
  })

  it('lets sidecars in bar see the rule kept in foo (1.1: the service namespace is looked up second)', async () => {
    const i = lesson.steps.findIndex((s) => s.id === 'tls-check')
    expect(computeStepTlsCheck(lesson, i)['sleep.bar -> httpbin.foo:8000']).toBe('OK HTTP/mTLS mTLS default/foo default/foo')
  })
})
