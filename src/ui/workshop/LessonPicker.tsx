import { useRef, useState } from 'react'
import { builtinLessons, formatLessonError, type Lesson, type LessonError } from '../../lessons'
import { useWorkshopStore } from '../../store/workshop'
import { Button, Dialog } from '../components'
import './picker.css'

interface Failure {
  message: string
  errors: LessonError[]
  fileName: string
}

/** Choose a built-in lesson (or continue one), or open a lesson file; a bad file's problems are listed. */
export function LessonPicker() {
  const open = useWorkshopStore((s) => s.pickerOpen)
  const active = useWorkshopStore((s) => s.progress.active)
  const progress = useWorkshopStore((s) => s.progress.lessons)
  const { setPickerOpen, openLesson, leave } = useWorkshopStore.getState()
  const [failure, setFailure] = useState<Failure>()
  const fileInput = useRef<HTMLInputElement>(null)
  const close = () => {
    setFailure(undefined)
    setPickerOpen(false)
  }

  async function openFile(file: File | undefined) {
    if (!file) return
    const result = openLesson({ kind: 'file', name: file.name, text: await file.text() })
    setFailure(result.ok ? undefined : { ...result, fileName: file.name })
  }

  return (
    <Dialog
      open={open}
      title="Workshop"
      onClose={close}
      width={680}
      footer={
        <>
          {active && (
            <Button
              onClick={() => {
                leave()
                close()
              }}
            >
              Leave workshop
            </Button>
          )}
          <Button onClick={close}>Close</Button>
        </>
      }
    >
      <p className="ws-picker-intro">Walk an Istio authentication task step by step. The designer shows each step&apos;s resources; predict the codes of the grid, then reveal them.</p>
      <ul className="ws-picker-list" aria-label="Lessons">
        {/* Parsed on first opening, not with the app's first render (they cost ~180 ms of startup). */}
        {(open ? builtinLessons() : []).map((lesson) => (
          <LessonChoice key={lesson.id} lesson={lesson} step={progress[lesson.id]?.step} onOpen={() => openLesson({ kind: 'builtin', id: lesson.id })} />
        ))}
      </ul>
      <div className="ws-picker-file">
        <Button icon="upload" onClick={() => fileInput.current?.click()}>
          Open lesson file…
        </Button>
        <span className="ws-muted">A lesson of your own, in YAML or JSON (the format of src/lessons/FORMAT.md).</span>
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml,.json"
          aria-label="Lesson file"
          hidden
          onChange={(e) => {
            void openFile(e.target.files?.[0])
            e.target.value = ''
          }}
        />
      </div>
      {failure && (
        <div className="ws-picker-errors" role="alert">
          <p>{failure.message}</p>
          {failure.errors.length > 0 && (
            <ul>
              {failure.errors.slice(0, 50).map((error, i) => (
                <li key={i}>
                  <code>{formatLessonError(error, failure.fileName)}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Dialog>
  )
}

function LessonChoice({ lesson, step, onOpen }: { lesson: Lesson; step: number | undefined; onOpen(): void }) {
  const id = `ws-choice-${lesson.id}`
  return (
    <li>
      <button type="button" className="ws-picker-choice" aria-labelledby={`${id}-title`} aria-describedby={`${id}-about`} onClick={onOpen}>
        <span id={`${id}-title`} className="ws-picker-title">
          {lesson.title}
        </span>
        <span id={`${id}-about`} className="ws-picker-about">
          <span>{lesson.summary}</span>
          <span className="ws-picker-meta">
            {lesson.steps.length} steps · Istio {lesson.profile}
            {step !== undefined && step > 0 ? ` · continue at step ${step + 1}` : ''}
          </span>
        </span>
      </button>
    </li>
  )
}
