/**
 * Both built-in lessons as files: they parse cleanly, load the same way from any text reader, and
 * their commands are ones a trainer can paste into a shell (real URLs, the same YAML as the step).
 */
import { describe, expect, it } from 'vitest'
import { parseManifests } from '../yaml'
import { BUILTIN_LESSON_FILES, BUILTIN_TEXTS, builtinLessons, lessonStepRequests, loadBuiltinLessons, parseLesson, readBuiltinText, type LessonStep } from '.'
import { refKey } from './resources'

/** The objects of the `<<EOF ... EOF` blocks of a step's commands, with the `-n` namespace written in. */
function heredocObjects(step: LessonStep): string[] {
  return step.commands.flatMap((command) => {
    const body = /<<EOF[^\n]*\n([\s\S]*?)\nEOF/.exec(command)?.[1]
    if (body === undefined) return []
    const namespace = / -n (\S+)/.exec(command)?.[1]
    return parseManifests(body).objects.map((o) => JSON.stringify({ key: refKey(o.kind, o.metadata.name, o.metadata.namespace ?? namespace), spec: o.spec }))
  })
}

function appliedObjects(step: LessonStep): string[] {
  return parseManifests(step.apply ?? '').objects.map((o) => JSON.stringify({ key: refKey(o.kind, o.metadata.name, o.metadata.namespace), spec: o.spec }))
}

describe('the built-in lessons', () => {
  for (const path of BUILTIN_LESSON_FILES) {
    it(`${path} parses with no error and no warning`, () => {
      const result = parseLesson(readBuiltinText(path), path)
      expect(result.ok ? result.warnings : result.errors).toEqual([])
    })
  }

  it('load the same through loadBuiltinLessons and any text reader (as Node would with fs)', () => {
    const read: string[] = []
    const lessons = loadBuiltinLessons((path) => {
      read.push(path)
      return BUILTIN_TEXTS[path] ?? ''
    })
    expect(lessons.map((l) => l.id)).toEqual(['authentication-policy', 'permissive-migration', 'modern-authentication'])
    expect(lessons).toEqual(builtinLessons())
    expect(read).toEqual(['src/scenarios/seed/workloads.yaml', ...BUILTIN_LESSON_FILES])
  })

  for (const lesson of builtinLessons()) {
    describe(lesson.id, () => {
      it('writes commands with real URLs, never documentation shortcodes', () => {
        const commands = lesson.steps.flatMap((s) => s.commands)
        expect(commands.filter((c) => /\{\{<|@[\w./-]+@/.test(c))).toEqual([])
        const urls = commands.flatMap((c) => c.match(/https?:\/\/[^\s"')]+/g) ?? []).filter((u) => !u.startsWith('http://httpbin.') && !u.includes('kubernetes.default'))
        expect(urls.filter((u) => !u.startsWith(`https://raw.githubusercontent.com/istio/istio/release-${lesson.profile}/`))).toEqual([])
      })

      it('applies in each step the same objects its commands send to kubectl', () => {
        for (const step of lesson.steps) {
          const heredocs = heredocObjects(step)
          if (heredocs.length === 0) {
            // Only a kube-inject pipeline may apply without a heredoc.
            if (step.apply) expect(`${step.id}: ${step.commands.some((c) => c.includes('istioctl kube-inject'))}`).toBe(`${step.id}: true`)
            continue
          }
          expect(`${step.id}: ${heredocs.sort().join('\n')}`).toBe(`${step.id}: ${appliedObjects(step).sort().join('\n')}`)
        }
      })

      it('explains every step in two to five sentences of its own, and says what it printed after the reveal', () => {
        const sentencesOf = (text: string) => text.replace(/`[^`]*`/g, 'x').split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0).length
        for (const step of lesson.steps) {
          const before = sentencesOf(step.explanation)
          expect(`${step.id}: ${before >= 2 && before <= 5}`).toBe(`${step.id}: true`)
          const after = sentencesOf(step.outcome ?? '')
          expect(`${step.id} outcome: ${after >= 1 && after <= 5}`).toBe(`${step.id} outcome: true`)
        }
      })

      it('gives each probe a URL curl can be given', () => {
        for (let i = 0; i < lesson.steps.length; i++) {
          for (const probe of lessonStepRequests(lesson, i)) expect(probe.url).toMatch(/^https?:\/\/(?:\$INGRESS_HOST|[a-z0-9.-]+(?::\d+)?)\/\S*$/)
        }
      })
    })
  }
})
