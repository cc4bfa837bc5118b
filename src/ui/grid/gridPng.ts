/**
 * The connectivity grid as a PNG, drawn on a <canvas> with the same colours (read from the CSS
 * variables) and symbols as the on-screen table, so a picture of it reads without colour too.
 */
import type { GridView } from '../../store/types'
import { isHiddenCell } from '../../store/workshop'
import { HIDDEN_LOOK, LEGEND, cellKey, verdictLook, type VerdictTone } from './verdictStyle'

const SCALE = 2
const PAD = 24
const ROW_H = 34
const CELL_GAP = 4
const HEADER_H = 40

function cssVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#000'
}

function tone(t: VerdictTone) {
  return { fg: cssVar(`--v-${t}-fg`), bg: cssVar(`--v-${t}-bg`), border: cssVar(`--v-${t}-border`) }
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath()
  ctx.roundRect(x, y, w, h, r)
}

export interface GridPngOptions {
  title: string
  subtitle: string
  /** Cells to mark as changed; a picture for others usually wants none (the default). */
  changed?: ReadonlySet<string>
  /** Cells of a lesson step still being predicted: drawn without their code. */
  hidden?: ReadonlySet<string>
}

const NONE: ReadonlySet<string> = new Set()

export function drawGridPng(grid: GridView, { title, subtitle, changed = NONE, hidden = NONE }: GridPngOptions): Promise<Blob> {
  const ui = getComputedStyle(document.body).fontFamily
  const mono = cssVar('--font-mono')
  const measure = document.createElement('canvas').getContext('2d')
  if (!measure) return Promise.reject(new Error('This browser cannot draw on a canvas'))
  measure.font = `600 12px ${mono}`
  const rowHeaderW = Math.max(120, ...grid.rows.map((r) => measure.measureText(r.label).width + 90))
  const cellW = Math.max(96, ...grid.columns.map((c) => measure.measureText(c.label).width + 16))
  const legendH = 28
  const width = PAD * 2 + rowHeaderW + grid.columns.length * (cellW + CELL_GAP)
  const legendW = 720 + (changed.size > 0 ? 160 : 0)
  const height = PAD * 2 + 44 + HEADER_H + grid.rows.length * (ROW_H + CELL_GAP) + 16 + legendH

  const canvas = document.createElement('canvas')
  canvas.width = Math.ceil(Math.max(width, legendW) * SCALE)
  canvas.height = Math.ceil(height * SCALE)
  const ctx = canvas.getContext('2d')
  if (!ctx) return Promise.reject(new Error('This browser cannot draw on a canvas'))
  ctx.scale(SCALE, SCALE)
  ctx.fillStyle = cssVar('--bg-pane')
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.textBaseline = 'middle'

  // Title block.
  ctx.fillStyle = cssVar('--text')
  ctx.font = `600 16px ${ui}`
  ctx.fillText(title, PAD, PAD + 8)
  ctx.fillStyle = cssVar('--text-muted')
  ctx.font = `12px ${ui}`
  ctx.fillText(subtitle, PAD, PAD + 30)

  // Column headers.
  const top = PAD + 44
  ctx.font = `600 12px ${mono}`
  ctx.textAlign = 'center'
  grid.columns.forEach((c, i) => {
    const x = PAD + rowHeaderW + i * (cellW + CELL_GAP)
    ctx.fillStyle = cssVar('--text')
    ctx.fillText(c.label, x + cellW / 2, top + HEADER_H / 2)
  })
  ctx.fillStyle = cssVar('--border')
  ctx.fillRect(PAD + rowHeaderW, top + HEADER_H - 4, grid.columns.length * (cellW + CELL_GAP) - CELL_GAP, 1)

  // Rows.
  grid.rows.forEach((row, r) => {
    const y = top + HEADER_H + r * (ROW_H + CELL_GAP)
    ctx.textAlign = 'left'
    ctx.font = `600 12px ${mono}`
    ctx.fillStyle = cssVar('--text')
    ctx.fillText(row.label, PAD, y + ROW_H / 2)
    const badge = row.external ? 'ingress' : row.sidecar ? 'sidecar' : 'no sidecar'
    const bx = PAD + measure.measureText(row.label).width + 8
    ctx.font = `500 10.5px ${ui}`
    const bw = ctx.measureText(badge).width + 12
    roundRect(ctx, bx, y + ROW_H / 2 - 8, bw, 16, 8)
    ctx.fillStyle = row.sidecar && !row.external ? cssVar('--accent-soft') : cssVar('--bg-subtle')
    ctx.fill()
    ctx.strokeStyle = cssVar('--border-strong')
    ctx.lineWidth = 1
    ctx.setLineDash(!row.sidecar && !row.external ? [3, 2] : [])
    ctx.stroke()
    ctx.setLineDash([])
    ctx.fillStyle = row.sidecar && !row.external ? cssVar('--accent') : cssVar('--text-muted')
    ctx.fillText(badge, bx + 6, y + ROW_H / 2)

    grid.columns.forEach((column, c) => {
      const isHidden = isHiddenCell(hidden, row.label, column.label)
      const look = isHidden ? HIDDEN_LOOK : verdictLook(grid.cells[r * grid.columns.length + c] ?? 255)
      const colours = tone(look.tone)
      const x = PAD + rowHeaderW + c * (cellW + CELL_GAP)
      roundRect(ctx, x + 0.5, y + 0.5, cellW - 1, ROW_H - 1, 4)
      ctx.fillStyle = colours.bg
      ctx.fill()
      ctx.strokeStyle = colours.border
      ctx.stroke()
      if (!isHidden && changed.has(cellKey(row.label, column.label))) {
        roundRect(ctx, x - 2, y - 2, cellW + 4, ROW_H + 4, 5)
        ctx.strokeStyle = cssVar('--changed')
        ctx.lineWidth = 2
        ctx.stroke()
        ctx.lineWidth = 1
        ctx.beginPath()
        ctx.arc(x + cellW, y, 4, 0, Math.PI * 2)
        ctx.fillStyle = cssVar('--changed')
        ctx.fill()
      }
      ctx.fillStyle = colours.fg
      ctx.textAlign = 'center'
      ctx.font = `600 12.5px ${mono}`
      ctx.fillText(look.symbol ? `${look.symbol} ${look.text}` : look.text, x + cellW / 2, y + ROW_H / 2)
    })
  })

  // Legend.
  let lx = PAD
  const ly = top + HEADER_H + grid.rows.length * (ROW_H + CELL_GAP) + 16
  ctx.textAlign = 'left'
  for (const entry of LEGEND) {
    const colours = tone(entry.tone)
    ctx.font = `600 11px ${mono}`
    const label = `${entry.symbol} ${entry.code}`
    const sw = ctx.measureText(label).width + 12
    roundRect(ctx, lx + 0.5, ly + 0.5, sw, 18, 3)
    ctx.fillStyle = colours.bg
    ctx.fill()
    ctx.strokeStyle = colours.border
    ctx.stroke()
    ctx.fillStyle = colours.fg
    ctx.fillText(label, lx + 6, ly + 10)
    ctx.font = `11.5px ${ui}`
    ctx.fillStyle = cssVar('--text-muted')
    ctx.fillText(entry.short, lx + sw + 6, ly + 10)
    lx += sw + ctx.measureText(entry.short).width + 22
  }
  if (changed.size > 0) {
    ctx.beginPath()
    ctx.arc(lx + 5, ly + 10, 4, 0, Math.PI * 2)
    ctx.fillStyle = cssVar('--changed')
    ctx.fill()
    ctx.font = `11.5px ${ui}`
    ctx.fillStyle = cssVar('--text-muted')
    ctx.fillText('Changed by the last edit', lx + 14, ly + 10)
  }

  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Could not encode the PNG'))), 'image/png'))
}
