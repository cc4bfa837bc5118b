import { useWorkshopStore } from '../../store/workshop'
import { Button } from '../components'
import { WorkshopIcon } from './icons'

/** The toolbar's way into workshop mode: opens the lesson picker. */
export function WorkshopButton() {
  const active = useWorkshopStore((s) => s.progress.active)
  return (
    <Button
      className={`ws-toolbar-button${active ? ' is-active' : ''}`}
      aria-haspopup="dialog"
      title="Walk Istio's authentication task as a lesson: predict each grid, then reveal"
      onClick={() => useWorkshopStore.getState().setPickerOpen(true)}
    >
      <WorkshopIcon name="lesson" />
      Workshop
    </Button>
  )
}
