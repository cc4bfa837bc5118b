import { beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryStorage } from '../testing'
import { EMPTY_PROGRESS, loadProgress, readProgress, saveProgress, WORKSHOP_STORAGE_KEY, type WorkshopProgress } from './progress'

const PROGRESS: WorkshopProgress = {
  active: true,
  current: { kind: 'builtin', id: 'authentication-policy' },
  lessons: {
    'authentication-policy': {
      step: 3,
      steps: { 'mesh-policy': { predictions: { 'sleep.foo -> httpbin.foo:8000': '503' }, score: { correct: 1, total: 4 } } },
    },
  },
  applied: { lessonId: 'authentication-policy', step: 3, fingerprint: '0123456789abcdef', clockStart: 1_795_000_000 },
}

describe('workshop progress in storage', () => {
  // Refusals are logged; the tests check what is kept, not the log.
  beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined))

  it('comes back as it was saved', () => {
    const storage = memoryStorage()
    saveProgress(storage, PROGRESS)
    expect(loadProgress(storage)).toEqual(PROGRESS)
  })

  it('starts empty with nothing saved, with text that is not JSON, or with another version', () => {
    expect(loadProgress(memoryStorage())).toEqual(EMPTY_PROGRESS)
    expect(loadProgress(memoryStorage({ [WORKSHOP_STORAGE_KEY]: '{oops' }))).toEqual(EMPTY_PROGRESS)
    expect(loadProgress(memoryStorage({ [WORKSHOP_STORAGE_KEY]: '{"v":2,"active":true}' }))).toEqual(EMPTY_PROGRESS)
    expect(loadProgress(undefined)).toEqual(EMPTY_PROGRESS)
  })

  it('drops what does not check and keeps the rest', () => {
    const read = readProgress({
      v: 1,
      active: true,
      current: { kind: 'builtin', id: 'authentication-policy' },
      lessons: {
        good: { step: 2, steps: { s: { predictions: { a: '200', b: '418', c: 7 }, score: { correct: 5, total: 2 } } } },
        bad: { step: -1 },
        ['__proto__']: { step: 1, steps: {} },
      },
      applied: { lessonId: 'good', step: 'two' },
    })
    expect(read).toEqual({ active: true, current: { kind: 'builtin', id: 'authentication-policy' }, lessons: { good: { step: 2, steps: { s: { predictions: { a: '200' } } } } } })
    expect(Object.getPrototypeOf(read.lessons)).toBe(Object.prototype)
  })

  it('is not active without a lesson to resume', () => {
    expect(readProgress({ v: 1, active: true, lessons: {} }).active).toBe(false)
    expect(readProgress({ v: 1, active: true, current: { kind: 'file', name: 'x.yaml', text: '' }, lessons: {} }).active).toBe(false)
  })

  it('keeps a lesson file, so a learner can continue it', () => {
    const storage = memoryStorage()
    const file = { ...PROGRESS, current: { kind: 'file' as const, name: 'mine.yaml', text: 'id: mine\n' } }
    saveProgress(storage, file)
    expect(loadProgress(storage).current).toEqual(file.current)
  })

  it('survives a storage that refuses to write', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError') } }
    expect(() => saveProgress(full, PROGRESS)).not.toThrow()
  })
})
