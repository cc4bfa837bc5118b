/** Public API of the YAML layer: text <-> Kubernetes objects, with source positions. */
export { parseManifests } from './parse'
export { stringifyManifests, toKubectlApplyBlock } from './stringify'
export { locate, type LocateTarget } from './locate'
export { pathKey } from './spans'
export { YAML_CODES, type YamlCode } from './codes'
export type { ObjectSource, ParsedManifests, PathSpans, SourceLocation, SourceRange, YamlDiagnostic } from './types'
export { prepareImported, importSummaryLine, withoutSecretData, type ImportSummary, type PreparedImport } from './clusterImport'
export { moveBlockOut, type BlockMove, type LineEdit } from './moveBlockOut'
