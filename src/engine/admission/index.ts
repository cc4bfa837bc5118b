/** Public API of admission: single-object checks, normalisation, and the editor's JSON Schema. */
export { admit, writtenPath, type AdmissionResult, type AdmitOptions, type AdmittedObject } from './admit'
export { resourceKeyOf, namespaceOf } from './resourceKey'
export { isClusterScoped, isIstioKind, type IstioKind } from './kinds'
export { ADMISSION_CODES, type AdmissionCode } from './codes'
export { jsonSchemaForManifests } from './schema/manifests'
/** Top-level fields found inside metadata (K8S107): the editor's quick fix moves them out one level. */
export { TOP_LEVEL_FIELDS as MISPLACED_TOP_LEVEL_FIELDS } from './kube/metadata'
