/**
 * Every Istio-specific decision of the designer, as pure functions over the resource list
 * (`(resources, ...args) => KubeObject[] | EditError`) or over one object (the form models).
 * UI code applies them with `applyEdit` / `upsertResource`; it holds no Istio rules itself.
 */
export { fail, followKey, isEditError, type EditError, type EditResult } from './result'
export { DEFAULT_NAMESPACE, keyFor, keyOf, nsOf, numberedName, serviceFqdn, uniqueName } from './objects'
export { appKey, appMembers, appName, appPorts, appPortsIndex, appServices, appWorkloads, isWorkload, type AppPort } from './apps'
export { addClientApp, addServiceApp, deleteApp, setAppPorts, setAppSidecar, type ServiceAppSpec } from './appCommands'
export { injectionEnabled, setSidecar, INJECT_ANNOTATION, STATUS_ANNOTATION } from './sidecar'
export { addNamespace, deleteNamespace, namespaceInjection, renameNamespace, setNamespaceInjection } from './namespaces'
export { addMeshPolicy, addPolicy, attachPolicy, detachPolicy } from './policies'
export { addDestinationRule, attachDestinationRule, detachDestinationRule, meshRuleNamespace, ruleHost } from './destinationRules'
export {
  addGatewayRoute,
  attachVirtualServiceGateway,
  defaultRouteTarget,
  detachVirtualServiceGateway,
  removeVirtualServiceRoute,
  routeVirtualService,
  type RouteTarget,
} from './ingress'
export { renameApp, renameResource } from './renames'
export { deleteCascade } from './deletes'
export { hostFor, hostTarget, resolveHost, type AttachTarget } from './hosts'
export { relationsOf, type Relation } from './relations'
export { emptyOrigin, readPolicyForm, writePolicyForm, type MtlsChoice, type OriginForm, type PolicyForm, type TargetForm, type TriggerRuleForm } from './forms/policyForm'
export { readRuleForm, writeRuleForm, TLS_MODES, type PortLevelForm, type RuleForm, type TlsChoice } from './forms/ruleForm'
export {
  readGatewayForm,
  readVirtualServiceForm,
  writeGatewayForm,
  writeVirtualServiceForm,
  type GatewayForm,
  type RouteForm,
  type VirtualServiceForm,
} from './forms/ingressForm'
export { STRING_MATCH_KINDS } from './forms/fields'
export { addPolicyTarget } from './policies'
export { addedKeys, attachTo, createFromPalette, detachEdge, reconnectEdge, type DropTarget, type EdgeRef, type PaletteKind, type PaletteSpot } from './gestures'
export * from './modern'
