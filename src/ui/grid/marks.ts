/** What the intent tools lay over a grid cell: its expectation, a violation, the other design's outcome. */
export interface GridCellMark {
  /** The governing expectation, as written: `allow`, `deny`, `403`, `000/56`. */
  expect?: string
  violated?: boolean
  /** Comparison or preview: the outcome on the other side (`200`, `000 (56)`, `—`). */
  other?: string
  /** Which side `other` is: 'before' (comparing with a saved version) or 'after' (a previewed edit). */
  otherSide?: 'before' | 'after'
}

export interface GridMarks {
  /** By cellKey(row label, column label). */
  byCell: ReadonlyMap<string, GridCellMark>
  /** Expect mode: clicks set expectations, headers become buttons. */
  expectMode: boolean
}
