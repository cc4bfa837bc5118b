import { useWorkshopStore } from '../../store/workshop'
import { Button } from '../components'
import './workshop.css'

/** The toolbar's way into workshop mode: opens the lesson picker. */
export function WorkshopButton() {
  const active = useWorkshopStore((s) => s.progress.active)
  return (
    <Button
      icon="workshop"
      variant="ghost"
      aria-label="Workshop"
      className={`ws-toolbar-button${active ? ' is-active' : ''}`}
      aria-haspopup="dialog"
      title="Workshop: walk Istio's authentication task as a lesson, predict each grid, then reveal"
      onClick={() => useWorkshopStore.getState().setPickerOpen(true)}
    >
      Workshop
    </Button>
  )
}
