/** Alpha (MeshPolicy / Policy) -> modern (PeerAuthentication / RequestAuthentication / AuthorizationPolicy). */
export { migrateDesign, admissionErrors, type AlphaInput } from './migrateDesign'
export { convertPolicy } from './convertPolicy'
export { workloadPortFor } from './workloadPort'
export { pathValue } from './triggerPaths'
export * from './types'
export { checkMigration, type MigrationCheck, type MigrationCheckInput } from './checkMigration'
export { gridDifferences, formatDifference, shownCode, type CellDifference, type DifferenceContext } from './differences'
export { labelledGrid, cellOf, type LabelledGrid, type GridRequest } from './probeGrid'
