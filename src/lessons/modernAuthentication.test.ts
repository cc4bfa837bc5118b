/**
 * The built-in lesson "Authentication Policy, the modern way" (Istio 1.30): every step's grid comes
 * out of the engine as the lesson says, and its states are those of istio-semantics-modern.md 14.1.
 */
import { describe, expect, it } from 'vitest'
import { builtinLessons, computeStepGrid, lessonStepModel, type Lesson } from '.'
import { GRID_DEPS, sorted } from './testSupport'

const lesson = builtinLessons().find((l) => l.id === 'modern-authentication') as Lesson

describe('the built-in lesson "Authentication Policy, the modern way" (Istio 1.30)', () => {
  it('uses the Istio 1.30 profile and only objects 1.30 admits', () => {
    expect(lesson.profile).toBe('1.30')
    lesson.steps.forEach((step, i) => {
      const errors = lessonStepModel(lesson, i).diagnostics.filter((d) => d.severity === 'error')
      expect(`${step.id}: ${errors.map((d) => d.message).join('; ')}`).toBe(`${step.id}: `)
    })
  })

  lesson.steps.forEach((step, i) => {
    it(`step ${i + 1} "${step.id}": the engine prints the grid the step expects`, async () => {
      expect(sorted(await computeStepGrid(lesson, i, GRID_DEPS))).toEqual(sorted(step.expect.grid))
    })
  })

  it('shows each modern difference from 2018: no 503 under mesh STRICT, 403 for a missing token, 401 only for a bad one, 60 s skew, reset before JWT', async () => {
    const grid = async (id: string) => computeStepGrid(lesson, lesson.steps.findIndex((s) => s.id === id), GRID_DEPS)
    expect(Object.values(await grid('mesh-strict'))).not.toContain('503')
    expect(Object.values(await grid('require-token'))).toEqual(['403'])
    expect(Object.values(await grid('expired-token'))).toEqual(['401'])
    expect(new Set(Object.values(await grid('expiring-token')))).toEqual(new Set(['200']))
    expect((await grid('jwt-and-mtls'))['curl.legacy -> httpbin.foo:8000']).toBe('000 (56)')
  })

  it('has a note where the answer differs from the 2018 task', () => {
    const noted = lesson.steps.filter((s) => s.note?.includes('2018')).map((s) => s.id)
    expect(noted).toEqual(expect.arrayContaining(['mesh-strict', 'require-token', 'expiring-token', 'jwt-and-mtls']))
  })
})
