import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useDesignerStore } from '../../store'
import { useMigrationStore } from '../../store/migration'
import { Button } from '../components'
import { MigrationComparison } from './MigrationComparison'
import './migrate.css'

/**
 * After "Open the converted design": the design is compared with the alpha original on every change,
 * so adjusting the converted objects shows the difference shrink. "Done" ends the comparison.
 */
export function MigrationPanel() {
  const { live, finish } = useMigrationStore(useShallow((s) => ({ live: s.live, finish: s.finish })))
  const profile = useDesignerStore((s) => s.options.profile)
  const [open, setOpen] = useState(true)
  if (!live) return null
  const count = live.check?.differences.length
  return (
    <section className="mig-panel" aria-label="Migration check">
      <div className="mig-panel-bar">
        <strong>Migration check</strong>
        <span role="status">
          {count === undefined ? 'Computing…' : count === 0 ? `No cell differs from the Istio ${live.baseline.options.profile} design.` : `${count === 1 ? '1 cell differs' : `${count} cells differ`} from the Istio ${live.baseline.options.profile} design.`}
          {live.computing && count !== undefined ? ' Updating…' : ''}
        </span>
        <span className="mig-panel-spacer" />
        <Button variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide grids' : 'Show grids'}
        </Button>
        <Button onClick={finish}>Done</Button>
      </div>
      {open && live.check && <MigrationComparison check={live.check} fromLabel={`Istio ${live.baseline.options.profile}`} toLabel={`This design, Istio ${profile}`} />}
    </section>
  )
}
