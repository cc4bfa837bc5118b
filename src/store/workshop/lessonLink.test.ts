import LZString from 'lz-string'
import { describe, expect, it } from 'vitest'
import { builtinLessons, parseLesson } from '../../lessons'
import { decodeLessonLink, encodeLessonLink, hasLessonLink } from './lessonLink'
import { openLink } from './lessonSource'

const library = { builtins: builtinLessons(), parse: parseLesson }

describe('lesson links', () => {
  it('name a built-in lesson and a 1-based step', () => {
    expect(decodeLessonLink('#lesson=builtin:authentication-policy&step=4')).toEqual({ ok: true, link: { source: { kind: 'builtin', id: 'authentication-policy' }, step: 3 } })
    expect(encodeLessonLink({ kind: 'builtin', id: 'authentication-policy' }, 3)).toBe('#lesson=builtin:authentication-policy&step=4')
    expect(hasLessonLink('#design=abc')).toBe(false)
    expect(hasLessonLink('#lesson=builtin:x')).toBe(true)
  })

  it('carry a lesson file compressed, and give it back', () => {
    const text = 'id: mine\ntitle: Mine\n'
    const hash = encodeLessonLink({ kind: 'file', name: 'mine.yaml', text }, 0)
    expect(decodeLessonLink(hash)).toEqual({ ok: true, link: { source: { kind: 'text', text }, step: 0 } })
  })

  it('refuse what is malformed, with a reason', () => {
    for (const hash of ['#lesson=', '#lesson=builtin:Bad_Id', '#lesson=builtin:a&step=0', '#lesson=builtin:a&step=two', '#lesson=%%%%', '#lesson=' + 'A'.repeat(600_000)]) {
      const decoded = decodeLessonLink(hash)
      expect(decoded.ok, hash.slice(0, 40)).toBe(false)
      if (!decoded.ok) expect(decoded.message).toMatch(/\.$/)
    }
  })

  it('open to the lesson and step, or say what is wrong', () => {
    const open = (hash: string) => {
      const decoded = decodeLessonLink(hash)
      if (!decoded.ok) throw new Error(decoded.message)
      return openLink(decoded.link, library)
    }
    const opened = open('#lesson=builtin:authentication-policy&step=22')
    expect(opened.ok && opened.lesson.steps.length).toBe(22)
    expect(opened.ok && opened.step).toBe(21)
    expect(open('#lesson=builtin:authentication-policy&step=23')).toMatchObject({ ok: false, message: expect.stringContaining('has 22 steps') })
    expect(open('#lesson=builtin:no-such-lesson')).toMatchObject({ ok: false, message: 'There is no built-in lesson "no-such-lesson".' })
    const broken = open(`#lesson=${LZString.compressToEncodedURIComponent('id: x\nsteps: 3\n')}`)
    expect(broken.ok).toBe(false)
    if (!broken.ok) expect(broken.errors.length).toBeGreaterThan(0)
  })
})
