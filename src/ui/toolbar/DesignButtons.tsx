import { Button } from '../components'
import { newEmptyDesign, resetToSeed } from './designActions'
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
        onClick={() => newEmptyDesign(notify)}
      >
        New
      </Button>
      <Button
        icon="reset"
        variant="ghost"
        aria-label="Reset to seed"
        title="Reset to seed: foo, bar (with sidecars) and legacy (without), no Istio config"
        onClick={() => resetToSeed(notify)}
      >
        Reset to seed
      </Button>
    </div>
  )
}
