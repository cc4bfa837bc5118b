import { useEffect, useState } from 'react'
import { TASK_VIEW, useDesignerStore, type ColumnMode, type GridFilter, type GridViewSpec, type RowMode } from '../../store'

const ROW_CHOICES: readonly { mode: RowMode; label: string }[] = [
  { mode: 'without-ports', label: 'Workloads without ports' },
  { mode: 'all', label: 'All workloads' },
  { mode: 'namespaces', label: 'By namespace' },
  { mode: 'names', label: 'By name' },
]

const COLUMN_CHOICES: readonly { mode: ColumnMode; label: string }[] = [
  { mode: 'with-ports', label: 'Services with ports' },
  { mode: 'all', label: 'All Service ports' },
  { mode: 'namespaces', label: 'By namespace' },
  { mode: 'names', label: 'By name' },
]

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

interface FilterFieldProps<M extends string> {
  axis: 'Rows' | 'Columns'
  choices: readonly { mode: M; label: string }[]
  filter: GridFilter<M>
  onChange(filter: GridFilter<M>): void
}

/** One axis of the view: a mode, and for "by namespace" / "by name" the comma-separated values. */
function FilterField<M extends string>({ axis, choices, filter, onChange }: FilterFieldProps<M>) {
  const [text, setText] = useState((filter.values ?? []).join(', '))
  useEffect(() => setText((filter.values ?? []).join(', ')), [filter])
  const needsValues = filter.mode === 'namespaces' || filter.mode === 'names'
  const noun = filter.mode === 'namespaces' ? 'namespaces' : 'names'
  const apply = () => {
    const values = splitList(text)
    if (values.join(',') !== (filter.values ?? []).join(',')) onChange({ mode: filter.mode, values })
  }
  return (
    <span className="grid-view-field">
      <label>
        <span aria-hidden="true">{axis} </span>
        <select
          aria-label={axis}
          value={filter.mode}
          onChange={(e) => {
            const mode = e.target.value as M
            const keeps = mode === 'namespaces' || mode === 'names'
            onChange(keeps ? { mode, values: splitList(text) } : { mode })
          }}
        >
          {choices.map((c) => (
            <option key={c.mode} value={c.mode}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {needsValues && (
        <input
          type="text"
          aria-label={`${axis} ${noun}`}
          placeholder={filter.mode === 'namespaces' ? 'foo, bar' : 'sleep, httpbin.foo'}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply()
          }}
        />
      )}
    </span>
  )
}

/** The grid's view (rows and columns shown), saved with the design and in share links. */
export function GridViewPicker() {
  const view = useDesignerStore((s) => s.view) ?? TASK_VIEW
  const setGridView = useDesignerStore((s) => s.setGridView)
  const update = (next: Partial<GridViewSpec>) => setGridView({ ...view, ...next })
  return (
    <div className="grid-view" role="group" aria-label="Grid view">
      <FilterField axis="Rows" choices={ROW_CHOICES} filter={view.rows} onChange={(rows) => update({ rows })} />
      <FilterField axis="Columns" choices={COLUMN_CHOICES} filter={view.columns} onChange={(columns) => update({ columns })} />
    </div>
  )
}
