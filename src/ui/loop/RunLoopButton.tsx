import { useDesignerStore } from '../../store'
import { Button, Icon } from '../components'
import { useAuthTools } from '../request/toolsState'
import { cellOfGrid } from './loopCells'

/** "Run request loop" for one grid cell (the explanation panel shows it). */
export function RunLoopButton({ row, column }: { row: number; column: number }) {
  const grid = useDesignerStore((s) => s.gridState.grid)
  const cell = cellOfGrid(grid, row, column)
  const runLoopOn = useAuthTools((s) => s.runLoopOn)
  if (!cell) return null
  return (
    <Button title="Send this request N times on the simulated clock (the seed's for/curl/sleep loop)" onClick={() => runLoopOn(cell)}>
      <span className="btn-with-icon">
        <Icon name="loop" />
        Run request loop
      </span>
    </Button>
  )
}
