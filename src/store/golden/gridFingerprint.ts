/**
 * A grid's fingerprint for the golden test: everything the grid shows (rows, columns, the note, and
 * each cell as code/exit/rule), hashed. Cells are written as verdicts, not ids, so renumbering the
 * verdict table changes no fingerprint, while any changed cell, label or order does.
 */
import { createHash } from 'node:crypto'
import { verdictById } from '../../engine'
import type { GridView } from '../types'

export function gridText(grid: GridView): string {
  const width = grid.columns.length
  const lines = [
    `note ${grid.externalNote ?? ''}`,
    ...grid.columns.map((c) => `col ${c.label} ${c.serviceKey} ${c.port} ${c.portName} ${c.protocol}`),
    ...grid.rows.map((r, i) => {
      const cells = Array.from(grid.cells.subarray(i * width, (i + 1) * width), (id) => {
        const v = verdictById(id)
        return v ? `${v.code}/${v.exit}/${v.rule}` : String(id)
      })
      return `row ${r.label} ${r.workloadKey ?? ''} ${r.sidecar} ${r.external} | ${cells.join(' ')}`
    }),
  ]
  return lines.join('\n')
}

export function gridFingerprint(grid: GridView): string {
  return createHash('sha256').update(gridText(grid)).digest('hex').slice(0, 16)
}
