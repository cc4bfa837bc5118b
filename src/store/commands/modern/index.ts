/** Commands for the modern security kinds (Istio 1.5+): scope by drop target, forms, rule sentences. */
export { addModernPolicy, attachModernPolicy, detachModernPolicy, sampleJwksUri, securityApiFor, SAMPLE_ISSUER } from './modernPolicies'
export { modernTargets } from './modernRelations'
export { isModernKind, MODERN_KINDS, ROOT_NAMESPACE, selectorOf, type ModernKind } from './scope'
export { workloadPortOf, servicePortsFor } from './ports'
export * from './forms'
export { ruleSentence, noRulesSentence } from './ruleSentence'
export { actions, conditionKeys, hasField, hasJwtField, issuerOptional, sourceFields, OPERATION_FIELDS, SOURCE_FIELDS, type AuthzActionName, type OperationField, type SourceField } from './fieldsByProfile'
export { isCompleteCondition, newRule, removeCondition, removeOperation, removeSource, setCondition, setOperation, setSource } from './ruleEdits'
