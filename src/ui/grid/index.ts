export { ConnectivityGrid, type ConnectivityGridProps } from './ConnectivityGrid'
export { drawGridPng } from './gridPng'
export { verdictLook, lookOfVerdict, LEGEND, type VerdictTone } from './verdictStyle'
export type { GridMarks, GridCellMark } from './marks'
