import type { ReactNode } from 'react'
import { useDesignerStore } from '../../store'
import { Canvas, Palette } from '../canvas'
import { Splitter, usePersistentNumber, useWindowSize } from '../components'
import { EditorPane } from '../editor-pane'
import { ExplainPanel } from '../explain'
import { ConnectivityGrid } from '../grid'

export interface CellRef {
  row: number
  column: number
}

export interface WorkspaceProps {
  explained?: CellRef
  onExplain(cell: CellRef): void
  onCloseExplain(): void
  /** Shown in place of the palette, in a wider pane (workshop mode's lesson panel). */
  lead?: ReactNode
}

const AUTO = -1

/** Pane header, intent bar, column headers, the rows, the legend. */
const fitRows = (rows: number) => 40 + 36 + 46 + Math.max(rows, 1) * 34 + 70

const clamp = (v: number, min: number, max: number) => Math.min(Math.max(v, min), Math.max(min, max))

/** The four areas and their splitters: palette | canvas (+ explanation drawer) | grid over editor. */
export function Workspace({ explained, onExplain, onCloseExplain, lead }: WorkspaceProps) {
  const win = useWindowSize()
  const [paletteRaw, setPalette] = usePersistentNumber('mad.pane.palette', 188)
  const [leadRaw, setLead] = usePersistentNumber('mad.pane.lesson', 400)
  const [sideRaw, setSide] = usePersistentNumber('mad.pane.side', Math.round(clamp(win.width * 0.42, 480, 760)))
  // -1: fit the grid's rows (until the user drags the splitter).
  const [gridRaw, setGrid] = usePersistentNumber('mad.pane.grid', AUTO)
  const gridRows = useDesignerStore((s) => (s.gridState.grid?.rows.length ?? 3) + (s.gridState.grid?.externalNote ? 1 : 0))

  // Limits follow the window, so a size saved on a big screen still fits a small one.
  const palette = lead ? { min: 320, max: 620 } : { min: 140, max: 320 }
  const side = { min: 380, max: win.width - palette.min - 300 }
  const grid = { min: 120, max: win.height - 48 - 26 - 220 }
  const paletteW = clamp(lead ? leadRaw : paletteRaw, palette.min, palette.max)
  const sideW = clamp(sideRaw, side.min, side.max)
  const gridH = gridRaw === AUTO ? clamp(fitRows(gridRows), 200, Math.min(grid.max, win.height * 0.5)) : clamp(gridRaw, grid.min, grid.max)

  return (
    <div className="workspace" style={{ gridTemplateColumns: `${paletteW}px 1px minmax(0, 1fr) 1px ${sideW}px` }}>
      <div id="pane-palette" className="pane pane-palette">
        {lead ?? <Palette />}
      </div>
      <Splitter orientation="vertical" value={paletteW} min={palette.min} max={palette.max} onChange={lead ? setLead : setPalette} label={lead ? 'Resize lesson panel' : 'Resize palette'} controls="pane-palette" />
      <main id="pane-canvas" className="pane pane-canvas">
        <Canvas />
        {explained && (
          <div className="explain-drawer">
            {/* Keyed by cell: another cell starts from "loading", never from the previous cell's answer. */}
            <ExplainPanel key={`${explained.row}:${explained.column}`} row={explained.row} column={explained.column} onClose={onCloseExplain} />
          </div>
        )}
      </main>
      <Splitter orientation="vertical" value={sideW} min={side.min} max={side.max} direction={-1} onChange={setSide} label="Resize side panel" controls="pane-side" />
      <div id="pane-side" className="pane-side" style={{ gridTemplateRows: `${gridH}px 1px minmax(0, 1fr)` }}>
        <div id="pane-grid" className="pane">
          <ConnectivityGrid current={explained} onExplain={(row, column) => onExplain({ row, column })} />
        </div>
        <Splitter orientation="horizontal" value={gridH} min={grid.min} max={grid.max} onChange={setGrid} label="Resize connectivity grid" controls="pane-grid" />
        <div id="pane-editor" className="pane">
          <EditorPane />
        </div>
      </div>
    </div>
  )
}
