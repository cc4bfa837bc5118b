import type { Notify } from '../toolbar'
import { LessonPicker } from './LessonPicker'
import { PresenterView } from './PresenterView'
import { useWorkshopActive } from './useStep'
import { useWorkshopKeys } from './useWorkshopKeys'
import { useWorkshopStart } from './useWorkshopStart'

/** Workshop mode's parts outside the workspace: lesson links, keys, the lesson picker, presenter view. */
export function WorkshopLayer({ notify }: { notify: Notify }) {
  const active = useWorkshopActive()
  useWorkshopStart(notify)
  useWorkshopKeys(active)
  return (
    <>
      <LessonPicker />
      <PresenterView />
    </>
  )
}
