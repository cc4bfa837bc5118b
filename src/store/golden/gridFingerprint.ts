/**
 * A grid's fingerprint for the golden test: everything the grid shows (rows, columns, the note, and
 * each cell as code/exit/rule), hashed. Cells are written as verdicts, not ids, so renumbering the
 * verdict table changes no fingerprint, while any changed cell, label or order does.
 */
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

/** Two independent 32-bit FNV-1a style hashes of the text (no Node crypto: src/ has no Node types). */
export function gridFingerprint(grid: GridView): string {
  const text = gridText(grid)
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15)
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`
}
