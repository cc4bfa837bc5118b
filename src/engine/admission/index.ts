/** Public API of admission: single-object checks, normalisation, and the editor's JSON Schema. */
export { admit, writtenPath, type AdmissionResult, type AdmitOptions, type AdmittedObject } from './admit'
export { resourceKeyOf, namespaceOf } from './resourceKey'
export { isClusterScoped, isIstioKind, type IstioKind } from './kinds'
export { ADMISSION_CODES, type AdmissionCode } from './codes'
export { jsonSchemaForManifests } from './schema/manifests'
