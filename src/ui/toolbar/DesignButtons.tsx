import { useDesignerStore } from '../../store'
import { Button } from '../components'
import type { Notify } from './notice'

/** Start over: an empty design, or the seed task's three namespaces. Both are undoable. */
export function DesignButtons({ notify }: { notify: Notify }) {
  return (
    <div className="toolbar-group" role="group" aria-label="Design">
      <Button
        icon="plus"
        variant="ghost"
        aria-label="New empty design"
        title="New: start an empty design (undoable)"
        onClick={() => {
          useDesignerStore.getState().newEmptyDesign()
          notify({ tone: 'info', text: 'Started an empty design. Undo brings back the previous one.' })
        }}
      >
        New
      </Button>
      <Button
        icon="reset"
        variant="ghost"
        aria-label="Reset to seed"
        title="Reset to seed: foo, bar (with sidecars) and legacy (without), no Istio config"
        onClick={() => {
          useDesignerStore.getState().resetToSeed()
          notify({ tone: 'info', text: 'Reset to the seed design. Undo brings back the previous one.' })
        }}
      >
        Reset to seed
      </Button>
    </div>
  )
}
