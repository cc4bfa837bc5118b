export { ConnectivityGrid, type ConnectivityGridProps } from './ConnectivityGrid'
export { drawGridPng } from './gridPng'
export { useHiddenCells } from './useHiddenCells'
export { verdictLook, lookOfVerdict, LEGEND, type VerdictTone } from './verdictStyle'
