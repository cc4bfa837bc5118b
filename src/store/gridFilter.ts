/**
 * Which rows and columns the designer's grid shows: a *view*, saved with the design and in share
 * links. Rule 25 makes every workload a potential client and every Service port a column; a view is
 * a presentation choice over those (istio-semantics.md section 12, R25), never a rule.
 */
import { listClients, listTargets, type Mesh, type Target, type Workload } from '../engine'

export type RowMode = 'all' | 'namespaces' | 'names' | 'without-ports'
export type ColumnMode = 'all' | 'namespaces' | 'names' | 'with-ports'

export interface GridFilter<M extends string> {
  mode: M
  /** For `namespaces` and `names`: namespaces, or names (`name` or `name.namespace`). */
  values?: string[]
}

export interface GridViewSpec {
  rows: GridFilter<RowMode>
  columns: GridFilter<ColumnMode>
}

/**
 * The task's view, the seed's and the default: clients are the workloads that declare no port
 * (sleep), columns the ports of Services whose pods declare ports (httpbin). A port nobody
 * declares keeps its column (rule 24), and a server never turns into a client row.
 */
export const TASK_VIEW: GridViewSpec = { rows: { mode: 'without-ports' }, columns: { mode: 'with-ports' } }
export const ALL_VIEW: GridViewSpec = { rows: { mode: 'all' }, columns: { mode: 'all' } }

const ROW_MODES: readonly RowMode[] = ['all', 'namespaces', 'names', 'without-ports']
const COLUMN_MODES: readonly ColumnMode[] = ['all', 'namespaces', 'names', 'with-ports']

function matchesName(values: readonly string[] | undefined, name: string, namespace: string): boolean {
  return (values ?? []).some((v) => v === name || v === `${name}.${namespace}`)
}

export function selectRows(mesh: Mesh, filter: GridFilter<RowMode> = TASK_VIEW.rows): Workload[] {
  const all = listClients(mesh, { allWorkloads: true })
  switch (filter.mode) {
    case 'all':
      return all
    case 'namespaces':
      return all.filter((w) => filter.values?.includes(w.namespace))
    case 'names':
      return all.filter((w) => matchesName(filter.values, w.name, w.namespace))
    case 'without-ports':
      return all.filter((w) => w.containerPorts.length === 0)
  }
}

export function selectColumns(mesh: Mesh, filter: GridFilter<ColumnMode> = TASK_VIEW.columns): Target[] {
  const all = listTargets(mesh, { includeUnserved: true })
  switch (filter.mode) {
    case 'all':
      return all
    case 'namespaces':
      return all.filter((t) => filter.values?.includes(t.service.namespace))
    case 'names':
      return all.filter((t) => matchesName(filter.values, t.service.name, t.service.namespace))
    case 'with-ports':
      return all.filter((t) => t.service.workloads.some((w) => w.containerPorts.length > 0))
  }
}

function checkFilter<M extends string>(value: unknown, modes: readonly M[]): GridFilter<M> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const { mode, values } = value as Record<string, unknown>
  if (typeof mode !== 'string' || !modes.includes(mode as M)) return undefined
  if (values === undefined) return { mode: mode as M }
  if (!Array.isArray(values) || values.length > 1000 || !values.every((v) => typeof v === 'string' && v.length <= 253)) return undefined
  return { mode: mode as M, values: [...values] as string[] }
}

/** A view from outside (a share link, localStorage); anything unexpected gives undefined. */
export function checkGridView(value: unknown): GridViewSpec | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const { rows, columns } = value as Record<string, unknown>
  const r = checkFilter(rows, ROW_MODES)
  const c = checkFilter(columns, COLUMN_MODES)
  return r && c ? { rows: r, columns: c } : undefined
}
