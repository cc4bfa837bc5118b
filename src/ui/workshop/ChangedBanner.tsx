import { useWorkshopStore } from '../../store/workshop'
import { Button, Icon } from '../components'

/** Shown while the designer differs from the step: free editing is fine, and one click undoes it. */
export function ChangedBanner() {
  const modified = useWorkshopStore((s) => s.modified)
  const backToLesson = useWorkshopStore((s) => s.backToLesson)
  if (!modified) return null
  return (
    <div className="ws-changed" role="status">
      <p>
        <strong>You changed the step.</strong> The grid shows your version.
      </p>
      <Button onClick={backToLesson}>
        <Icon name="back" />
        Back to the lesson
      </Button>
    </div>
  )
}
