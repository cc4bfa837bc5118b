import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatVerdict, NO_REQUEST, verdictById } from '../../engine'
import { genJwtLikeIstio } from '../../engine/jwt'
import keyPem from '../../engine/jwt/fixtures/key.pem?raw'
import { builtinLessons, lessonStepResources, parseLesson, type Lesson } from '../../lessons'
import { memoryStorage, testStore } from '../testing'
import type { GridView } from '../types'
import { explainStepCell } from './explainStep'
import { parseCellKey } from './cellTable'
import { currentStepIndex, currentStepProgress } from './index'
import { WORKSHOP_STORAGE_KEY } from './progress'
import { createWorkshopStore } from './workshopStore'

const CLOCK = 1_795_000_000
const sign = (expireSeconds: number, now: number) => genJwtLikeIstio({ privateKeyPem: keyPem, expireSeconds, now })
const library = { builtins: builtinLessons(), parse: parseLesson }
const seed = builtinLessons()[0] as Lesson
const stepOf = (id: string) => seed.steps.findIndex((s) => s.id === id)

/** The designer and the workshop share one storage, as they share localStorage in the app. */
function setup(storage = memoryStorage()) {
  const designer = testStore({ storage, autosaveDelayMs: 0, elkLayout: false, clock: () => CLOCK })
  const workshop = createWorkshopStore({ designer, library, sign, storage, clock: () => CLOCK })
  const settle = async () => {
    await workshop.getState().settled()
    await designer.getState().settled()
  }
  return { designer, workshop, storage, settle }
}

/** The live grid's code for a lesson cell key, when the grid shows that pair. */
function liveCode(grid: GridView | undefined, key: string): string | undefined {
  const cell = parseCellKey(key)
  if (!grid || !cell) return undefined
  const i = grid.rows.findIndex((r) => r.label === cell.from)
  if (i < 0) return undefined
  const row = grid.cells.subarray(i * grid.columns.length, (i + 1) * grid.columns.length)
  const j = cell.from === 'external' ? row.findIndex((id) => id !== NO_REQUEST) : grid.columns.findIndex((c) => c.label === cell.target)
  const verdict = j < 0 ? undefined : verdictById(row[j] ?? NO_REQUEST)
  return verdict && formatVerdict(verdict)
}

afterEach(() => vi.restoreAllMocks())

describe('the workshop store', () => {
  it('a step that brings its lesson\'s profile is one undo step: undo restores the design and the profile', async () => {
    const { designer, workshop, settle } = setup()
    const modern = builtinLessons().find((l) => l.profile !== designer.getState().options.profile) as Lesson
    const before = { resources: designer.getState().resources, profile: designer.getState().options.profile }
    const steps = designer.temporal.getState().pastStates.length
    expect(workshop.getState().openLesson({ kind: 'builtin', id: modern.id }, 0)).toEqual({ ok: true })
    await settle()
    expect(designer.getState().options.profile).toBe(modern.profile)
    expect(designer.temporal.getState().pastStates.length).toBe(steps + 1)
    designer.getState().undo()
    expect(designer.getState().options.profile).toBe(before.profile)
    expect(designer.getState().resources).toBe(before.resources)
  })

  it('puts each step of both built-in lessons into the designer, and the live grid shows the step’s codes', async () => {
    const { designer, workshop, settle } = setup()
    for (const lesson of builtinLessons()) {
      expect(workshop.getState().openLesson({ kind: 'builtin', id: lesson.id }, 0)).toEqual({ ok: true })
      for (let i = 0; i < lesson.steps.length; i++) {
        workshop.getState().goTo(i)
        await settle()
        const step = lesson.steps[i]
        const { grid } = designer.getState().gridState
        expect(designer.getState().resources).toEqual(lessonStepResources(lesson, i))
        expect(designer.getState().lastOrigin).toBe('lesson')
        expect(designer.getState().options.profile).toBe(lesson.profile)
        const first = step?.request.at ?? 0
        for (const [key, code] of Object.entries(step?.expect.grid ?? {})) {
          const at = parseCellKey(key)?.at
          if (at !== undefined && at !== first) continue // the live grid shows a loop's first instant
          const live = liveCode(grid, key)
          if (live !== undefined) expect(`${lesson.id} ${step?.id} ${key}: ${live}`).toBe(`${lesson.id} ${step?.id} ${key}: ${code}`)
        }
      }
    }
  }, 60_000)

  it('reproduces T1, T7 and T16 in the live grid', async () => {
    const { designer, workshop, settle } = setup()
    const at = async (id: string, row: string, column: string) => {
      workshop.getState().openLesson({ kind: 'builtin', id: seed.id }, stepOf(id))
      await settle()
      return liveCode(designer.getState().gridState.grid, `${row} -> ${column}`)
    }
    expect(await at('mesh-policy', 'sleep.foo', 'httpbin.foo:8000')).toBe('503')
    expect(await at('legacy-to-mesh', 'sleep.legacy', 'httpbin.foo:8000')).toBe('000 (56)')
    const t16 = seed.steps.find((s) => s.seedTable === 'T16')
    expect(await at(t16?.id ?? '', 'sleep.legacy', 'httpbin.foo:8000')).toBe('401')
  })

  it('gives the expiring-token step a token signed at the lesson clock, and the clock of its first request', async () => {
    const { designer, workshop, settle } = setup()
    const loop = seed.steps.findIndex((s) => s.request.loop)
    workshop.getState().openLesson({ kind: 'builtin', id: seed.id }, loop)
    await settle()
    const { request } = designer.getState()
    expect(request.frozenNow).toBe(CLOCK + (seed.steps[loop]?.request.at ?? 0))
    expect(request.tokenId).toBe('lesson-generated')
    expect(request.tokens?.filter((t) => t.id.startsWith('lesson-'))).toHaveLength(1)
    workshop.getState().goTo(0)
    await settle()
    expect(designer.getState().request.tokenId).toBeUndefined()
    expect(designer.getState().request.tokens?.some((t) => t.id.startsWith('lesson-'))).toBe(false)
  })

  it('notices the learner’s edits, and Back to the lesson restores the step', async () => {
    const { designer, workshop, settle } = setup()
    workshop.getState().openLesson({ kind: 'builtin', id: seed.id }, stepOf('mesh-policy'))
    await settle()
    expect(workshop.getState().modified).toBe(false)
    designer.getState().deleteResource('MeshPolicy//default', 'canvas')
    expect(workshop.getState().modified).toBe(true)
    workshop.getState().backToLesson()
    await settle()
    expect(workshop.getState().modified).toBe(false)
    expect(designer.getState().resources).toEqual(lessonStepResources(seed, stepOf('mesh-policy')))
  })

  it('scores predictions on Reveal, keeps them fixed, and lets the learner predict again', async () => {
    const { workshop } = setup()
    workshop.getState().openLesson({ kind: 'builtin', id: seed.id }, stepOf('mesh-policy'))
    const s = () => workshop.getState()
    s().cyclePrediction('sleep.foo -> httpbin.foo:8000') // 200
    s().cyclePrediction('sleep.foo -> httpbin.foo:8000') // 503
    s().setPrediction('sleep.bar -> httpbin.bar:8000', '503')
    s().setPrediction('sleep.bar -> httpbin.foo:8000', '401')
    s().reveal()
    expect(currentStepProgress(s())?.score).toEqual({ correct: 2, total: 4 })
    s().cyclePrediction('sleep.bar -> httpbin.foo:8000')
    expect(currentStepProgress(s())?.predictions['sleep.bar -> httpbin.foo:8000']).toBe('401')
    s().predictAgain()
    expect(currentStepProgress(s())).toEqual({ predictions: {} })
  })

  it('saves progress, and a new visit continues at the same step with the same predictions', async () => {
    const first = setup()
    first.workshop.getState().openLesson({ kind: 'builtin', id: seed.id }, 5)
    first.workshop.getState().setPrediction(Object.keys(seed.steps[5]?.expect.grid ?? {})[0] ?? '', '200')
    await first.settle()
    await new Promise((resolve) => setTimeout(resolve, 10)) // the designer's autosave
    expect(first.storage.data.get(WORKSHOP_STORAGE_KEY)).toContain('"step":5')

    const again = setup(first.storage)
    again.workshop.getState().resume()
    await again.settle()
    expect(currentStepIndex(again.workshop.getState())).toBe(5)
    expect(Object.values(currentStepProgress(again.workshop.getState())?.predictions ?? {})).toEqual(['200'])
    expect(again.designer.getState().resources).toEqual(lessonStepResources(seed, 5))
    expect(again.workshop.getState().modified).toBe(false)
  })

  it('after a reload, keeps the learner’s own edits of the step and says so', async () => {
    const first = setup()
    first.workshop.getState().openLesson({ kind: 'builtin', id: seed.id }, stepOf('mesh-policy'))
    await first.settle()
    first.designer.getState().deleteResource('MeshPolicy//default', 'canvas')
    await new Promise((resolve) => setTimeout(resolve, 10))
    const again = setup(first.storage)
    again.workshop.getState().resume()
    expect(again.workshop.getState().modified).toBe(true)
    expect(again.designer.getState().resources.some((o) => o.kind === 'MeshPolicy')).toBe(false)
  })

  it('refuses a malformed link and changes nothing', () => {
    const { workshop, designer } = setup()
    const before = designer.getState().resources
    const result = workshop.getState().openLink('#lesson=builtin:authentication-policy&step=99')
    expect(result.ok).toBe(false)
    expect(workshop.getState().progress.active).toBe(false)
    expect(designer.getState().resources).toBe(before)
  })

  it('explains each cell of a step with the step’s own result', async () => {
    const t16 = seed.steps.findIndex((s) => s.seedTable === 'T16')
    const explanation = await explainStepCell(seed, t16, 'sleep.legacy -> httpbin.foo:8000', { sign, clockStart: CLOCK })
    expect(explanation && formatVerdict(explanation.verdict)).toBe('401')
    expect(explanation?.realIstio).toMatch(/000/)
    const loop = seed.steps.findIndex((s) => s.request.loop)
    for (const [key, code] of Object.entries(seed.steps[loop]?.expect.grid ?? {})) {
      const ex = await explainStepCell(seed, loop, key, { sign, clockStart: CLOCK })
      expect(`${key}: ${ex && formatVerdict(ex.verdict)}`).toBe(`${key}: ${code}`)
    }
  })
})

describe('a lesson opened while edits are staged (preview mode)', () => {
  it('commits the staged edits as one undo step, then loads the step outside the preview', async () => {
    const { designer, workshop, settle } = setup()
    await settle()
    const before = designer.getState().resources
    designer.getState().startPreview()
    designer.getState().upsertResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'staged', namespace: 'foo' } }, 'inspector')
    expect(workshop.getState().openLesson({ kind: 'builtin', id: seed.id }, 0)).toEqual({ ok: true })
    await settle()
    expect(designer.getState().staging).toBeUndefined()
    expect(designer.getState().resources).toEqual(lessonStepResources(seed, 0))
    designer.getState().undo()
    expect(designer.getState().resources.map((o) => o.metadata.name)).toContain('staged')
    designer.getState().undo()
    expect(designer.getState().resources).toBe(before)
    await settle()
  })
})
