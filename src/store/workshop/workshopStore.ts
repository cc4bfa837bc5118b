/**
 * createWorkshopStore: the lesson state as a small zustand store of its own, next to the designer's
 * (the designer's history and autosave stay about designs; a lesson only drives the designer through
 * its public actions). It saves progress to storage on every change and watches the designer to
 * tell when the learner has changed the step.
 */
import { create } from 'zustand'
import type { StorageLike } from '../autosave'
import { applyStep, type DesignerHandle, type Signer } from './applyStep'
import { designerFingerprint } from './fingerprint'
import { decodeLessonLink } from './lessonLink'
import { openLink, openSource, type LessonLibrary } from './lessonSource'
import { loadProgress, saveProgress } from './progress'
import { clampStep, lessonProgressOf, withCycledPrediction, withOpenLesson, withPrediction, withReveal, withStep, withoutPredictions } from './progressEdits'
import type { WorkshopStore } from './types'

export interface WorkshopDeps {
  designer: DesignerHandle
  library: LessonLibrary
  sign: Signer
  /** Where progress is kept; undefined: nowhere (tests, private modes). */
  storage?: StorageLike
  /** Real clock, Unix seconds. */
  clock?: () => number
}

export function createWorkshopStore(deps: WorkshopDeps) {
  const clock = deps.clock ?? (() => Math.floor(Date.now() / 1000))
  let generation = 0
  let pending: Promise<void> = Promise.resolve()
  /** The designer's fingerprint with the current step in it. */
  let applied: string | undefined

  const store = create<WorkshopStore>()((set, get) => {
    const stepIndex = () => {
      const { lesson, progress } = get()
      return lesson ? clampStep(lesson, lessonProgressOf(progress, lesson.id).step) : 0
    }

    function apply(keepLayout: boolean): void {
      const { lesson, clockStart } = get()
      if (!lesson) return
      const step = stepIndex()
      const mine = ++generation
      set({ applying: true })
      pending = applyStep(deps.designer, deps.sign, { lesson, step, clockStart, keepLayout, stillWanted: () => mine === generation }).then(
        (fingerprint) => {
          if (mine !== generation || fingerprint === undefined) return
          applied = fingerprint
          set({ applying: false, modified: false, progress: { ...get().progress, applied: { lessonId: lesson.id, step, fingerprint, clockStart } } })
        },
        (error: unknown) => {
          console.error('Could not apply the lesson step:', error)
          if (mine === generation) set({ applying: false })
        },
      )
    }

    function editProgress(change: (p: WorkshopStore['progress']) => WorkshopStore['progress']): void {
      const { lesson } = get()
      if (lesson) set({ progress: change(get().progress) })
    }

    return {
      progress: loadProgress(deps.storage),
      clockStart: clock(),
      modified: false,
      applying: false,
      pickerOpen: false,
      presenter: false,

      openLesson(source, step) {
        const opened = openSource(source, deps.library)
        if (!opened.ok) return opened
        const { lesson } = opened
        const s = get()
        const same = s.progress.active && s.lesson?.id === lesson.id
        const index = clampStep(lesson, step ?? lessonProgressOf(s.progress, lesson.id).step)
        set({ lesson, clockStart: same ? s.clockStart : clock(), progress: withOpenLesson(s.progress, source, lesson, index), pickerOpen: false })
        apply(same)
        return { ok: true }
      },
      openLink(hash) {
        const decoded = decodeLessonLink(hash)
        if (!decoded.ok) return { ...decoded, errors: [] }
        const opened = openLink(decoded.link, deps.library)
        if (!opened.ok) return opened
        return get().openLesson(opened.source, opened.step)
      },
      resume() {
        const { progress } = get()
        if (!progress.active || !progress.current) return
        const opened = openSource(progress.current, deps.library)
        if (!opened.ok) {
          console.warn(`Leaving workshop mode: ${opened.message}`)
          set({ progress: { ...progress, active: false } })
          return
        }
        const { lesson } = opened
        const step = clampStep(lesson, lessonProgressOf(progress, lesson.id).step)
        const last = progress.applied
        set({ lesson, clockStart: last?.lessonId === lesson.id ? last.clockStart : clock() })
        if (last?.lessonId === lesson.id && last.step === step) {
          // The designer came back from its own autosave: the step, or the learner's edits of it.
          applied = last.fingerprint
          set({ modified: designerFingerprint(deps.designer.getState()) !== applied })
        } else apply(false)
      },
      leave() {
        generation++
        set({ progress: { ...get().progress, active: false }, presenter: false, applying: false, modified: false })
      },
      goTo(step) {
        const { lesson } = get()
        if (!lesson) return
        const index = clampStep(lesson, step)
        if (index === stepIndex() && !get().modified) return
        editProgress((p) => withStep(p, lesson.id, index))
        apply(true)
      },
      next: () => get().goTo(stepIndex() + 1),
      previous: () => get().goTo(stepIndex() - 1),
      backToLesson: () => apply(true),
      cyclePrediction(key) {
        const { lesson } = get()
        if (lesson) editProgress((p) => withCycledPrediction(p, lesson, stepIndex(), key))
      },
      setPrediction(key, prediction) {
        const { lesson } = get()
        if (lesson) editProgress((p) => withPrediction(p, lesson, stepIndex(), key, prediction))
      },
      reveal() {
        const { lesson } = get()
        if (lesson) editProgress((p) => withReveal(p, lesson, stepIndex()))
      },
      predictAgain() {
        const { lesson } = get()
        if (lesson) editProgress((p) => withoutPredictions(p, lesson, stepIndex()))
      },
      setPickerOpen: (pickerOpen) => set({ pickerOpen }),
      setPresenter: (presenter) => set({ presenter: presenter && get().progress.active }),
      async settled() {
        let seen: Promise<void>
        do {
          seen = pending
          await seen
        } while (seen !== pending)
      },
    }
  })

  // "You changed the step": the designer's fingerprint differs from the one the step left.
  deps.designer.subscribe((s, p) => {
    if (s.resources === p.resources && s.options === p.options && s.request === p.request) return
    const w = store.getState()
    if (!w.progress.active || w.applying || applied === undefined) return
    const modified = designerFingerprint(s) !== applied
    if (modified !== w.modified) store.setState({ modified })
  })
  store.subscribe((s, p) => {
    if (s.progress !== p.progress) saveProgress(deps.storage, s.progress)
  })
  return store
}

export type WorkshopStoreHook = ReturnType<typeof createWorkshopStore>
