import { useEffect, useRef } from 'react'
import { useWorkshopStore } from '../../store/workshop'
import { Button, Icon } from '../components'
import { stepCounterText, type CurrentStep } from './useStep'

/** Previous / the step counter / Next, a bar of the steps, and a list to jump to any step. */
export function StepNav({ current }: { current: CurrentStep }) {
  const { next, previous, goTo } = useWorkshopStore.getState()
  const lessonProgress = useWorkshopStore((s) => s.progress.lessons[current.lesson.id])
  const { index, count, lesson } = current
  const nextRef = useRef<HTMLButtonElement>(null)
  // A lesson just opened: the focus goes to Next (the picker would hand it back to the toolbar), so
  // Space and the arrows step through at once.
  useEffect(() => {
    const frame = requestAnimationFrame(() => nextRef.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [lesson.id])
  // Sections in order, each with its steps, for the jump list.
  const sections: { name: string; steps: number[] }[] = []
  lesson.steps.forEach((s, i) => {
    const last = sections.at(-1)
    if (last && last.name === s.section) last.steps.push(i)
    else sections.push({ name: s.section, steps: [i] })
  })
  return (
    <nav className="ws-nav" aria-label="Lesson steps">
      <div className="ws-nav-row">
        <Button onClick={previous} disabled={index === 0} aria-keyshortcuts="ArrowLeft" title="Previous step (←)">
          <Icon name="prev" />
          Previous
        </Button>
        <p className="ws-counter" aria-live="polite" data-testid="workshop.counter">
          {stepCounterText(current)}
        </p>
        <Button ref={nextRef} variant="primary" onClick={next} disabled={index === count - 1} aria-keyshortcuts="ArrowRight Space" title="Next step (→ or Space)">
          Next
          <Icon name="next" />
        </Button>
      </div>
      <ol className="ws-steps-bar" aria-hidden="true">
        {lesson.steps.map((s, i) => {
          const score = lessonProgress?.steps[s.id]?.score
          const state = i === index ? 'current' : score ? (score.correct === score.total ? 'perfect' : 'scored') : i < index ? 'seen' : 'ahead'
          return <li key={s.id} className={`is-${state}`} title={`${i + 1}. ${s.title}`} onClick={() => goTo(i)} />
        })}
      </ol>
      <label className="ws-jump">
        <span className="visually-hidden">Go to step</span>
        <select value={index} onChange={(e) => goTo(Number(e.target.value))}>
          {sections.map((section) => (
            <optgroup key={`${section.name}-${section.steps[0]}`} label={section.name}>
              {section.steps.map((i) => {
                const score = lessonProgress?.steps[lesson.steps[i]?.id ?? '']?.score
                return (
                  <option key={i} value={i}>
                    {`${i + 1}. ${lesson.steps[i]?.title ?? ''}${score ? ` (${score.correct}/${score.total})` : ''}`}
                  </option>
                )
              })}
            </optgroup>
          ))}
        </select>
      </label>
    </nav>
  )
}
