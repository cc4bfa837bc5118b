/** Alpha (MeshPolicy / Policy) -> modern (PeerAuthentication / RequestAuthentication / AuthorizationPolicy). */
export { migrateDesign, admissionErrors, type AlphaInput } from './migrateDesign'
export { convertPolicy } from './convertPolicy'
export { workloadPortFor } from './workloadPort'
export { pathValue } from './triggerPaths'
export * from './types'
