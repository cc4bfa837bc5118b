/**
 * M1-M4: which PeerAuthentication decides the inbound mTLS mode of a workload port. Scope by namespace
 * and selector (M1), oldest wins within each level (M2), UNSET inherits the wider level (M3), and the
 * chosen workload policy's `portLevelMtls` keyed by the workload (target) port (M4).
 */
import type { Workload } from '../mesh/model'
import type { PeerAuthentication, PeerAuthnMode } from '../security'

/** The effective mode: UNSET never survives composition (no policy = PERMISSIVE). */
export type EffectiveMode = Exclude<PeerAuthnMode, 'UNSET'>

export type PeerLevel = 'mesh' | 'namespace' | 'workload'

export interface PeerAuthnIndex {
  root: string
  /** Mesh-level candidates, oldest first. */
  mesh: PeerAuthentication[]
  /** Namespace-level candidates by namespace, oldest first. */
  namespaceLevel: Map<string, PeerAuthentication[]>
  /** Selector policies by namespace, oldest first. */
  workloadLevel: Map<string, PeerAuthentication[]>
  /** Selector policies in the root namespace: ignored for every workload (M1). */
  ignoredRootSelector: PeerAuthentication[]
}

/**
 * M2: older first; both timestamps written -> compare them, ties by name then namespace; otherwise input
 * order (an object without timestamp is created when applied, after the objects before it).
 */
export function olderFirst(a: PeerAuthentication, b: PeerAuthentication): number {
  if (a.created !== undefined && b.created !== undefined) {
    if (a.created !== b.created) return a.created - b.created
    return a.name < b.name ? -1 : a.name > b.name ? 1 : a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0
  }
  if (a.created !== undefined) return -1
  if (b.created !== undefined) return 1
  return a.order - b.order
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function buildPeerAuthnIndex(policies: readonly PeerAuthentication[], root: string): PeerAuthnIndex {
  const index: PeerAuthnIndex = { root, mesh: [], namespaceLevel: new Map(), workloadLevel: new Map(), ignoredRootSelector: [] }
  for (const p of [...policies].sort(olderFirst)) {
    if (p.selector === undefined) {
      if (p.namespace === root) index.mesh.push(p)
      else push(index.namespaceLevel, p.namespace, p)
    } else if (p.namespace === root) index.ignoredRootSelector.push(p)
    else push(index.workloadLevel, p.namespace, p)
  }
  return index
}

export function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false
  return true
}

export interface LevelChoice {
  chosen: PeerAuthentication | undefined
  /** The other candidates of the level, ignored whole (M2). */
  losers: PeerAuthentication[]
}

export interface PeerModeDecision {
  mode: EffectiveMode
  mesh: LevelChoice
  namespace: LevelChoice
  workload: LevelChoice
  /** The level whose mode (or port entry) decided; undefined = nothing set, PERMISSIVE by default. */
  decidedBy: PeerLevel | undefined
  /** The workload policy's portLevelMtls entry for the target port was used (M4). */
  portLevel: boolean
  /** Mode of the namespace and mesh levels only (M10 step 2). */
  namespaceMode: EffectiveMode
  /** Some PeerAuthentication applies at any level (M39). */
  anyApplies: boolean
}

const NO_LOSERS: PeerAuthentication[] = []
Object.freeze(NO_LOSERS)

function choose(list: readonly PeerAuthentication[] | undefined): LevelChoice {
  // Most levels hold zero or one policy: no fresh empty array for them (this runs per grid column).
  return { chosen: list?.[0], losers: list && list.length > 1 ? list.slice(1) : NO_LOSERS }
}

/** M3 for the mesh and namespace levels of namespace `ns`. */
export function namespacePeerMode(index: PeerAuthnIndex, ns: string): { mode: EffectiveMode; mesh: LevelChoice; namespace: LevelChoice } {
  const mesh = choose(index.mesh)
  const namespace = choose(index.namespaceLevel.get(ns))
  let mode: EffectiveMode = 'PERMISSIVE'
  if (mesh.chosen && mesh.chosen.mode !== 'UNSET') mode = mesh.chosen.mode
  if (namespace.chosen && namespace.chosen.mode !== 'UNSET') mode = namespace.chosen.mode
  return { mode, mesh, namespace }
}

/** M1-M4: the mode of workload `w` on workload port `targetPort` (`ns`: its namespace's levels, if known). */
export function peerModeFor(index: PeerAuthnIndex, w: Workload, targetPort: number, ns = namespacePeerMode(index, w.namespace)): PeerModeDecision {
  const workload = choose(index.workloadLevel.get(w.namespace)?.filter((p) => selectorMatches(p.selector ?? {}, w.labels)))
  let mode = ns.mode
  let decidedBy: PeerLevel | undefined
  if (ns.mesh.chosen && ns.mesh.chosen.mode !== 'UNSET') decidedBy = 'mesh'
  if (ns.namespace.chosen && ns.namespace.chosen.mode !== 'UNSET') decidedBy = 'namespace'
  if (workload.chosen && workload.chosen.mode !== 'UNSET') {
    mode = workload.chosen.mode
    decidedBy = 'workload'
  }
  let portLevel = false
  const entry = workload.chosen?.portLevelMtls.get(targetPort)
  if (entry !== undefined && entry !== 'UNSET') {
    mode = entry
    decidedBy = 'workload'
    portLevel = true
  }
  return {
    mode,
    mesh: ns.mesh,
    namespace: ns.namespace,
    workload,
    decidedBy,
    portLevel,
    namespaceMode: ns.mode,
    anyApplies: ns.mesh.chosen !== undefined || ns.namespace.chosen !== undefined || workload.chosen !== undefined,
  }
}

function ref(p: PeerAuthentication): string {
  return `PeerAuthentication ${p.namespace}/${p.name}`
}

/** Plain words for M1-M4, with the losers of each level (M2) and ignored root-namespace selectors (M1). */
export function describePeerMode(index: PeerAuthnIndex, d: PeerModeDecision, w: Workload, targetPort: number): { rule: string; text: string }[] {
  const steps: { rule: string; text: string }[] = []
  const levelText = (level: PeerLevel, c: LevelChoice) => {
    if (!c.chosen) return
    const mode = c.chosen.mode === 'UNSET' ? 'UNSET (inherits the wider level)' : c.chosen.mode
    steps.push({ rule: level === 'mesh' || level === 'namespace' ? 'M1' : 'M1', text: `${level} level: ${ref(c.chosen)} (${mode})` })
    if (c.losers.length > 0) {
      steps.push({ rule: 'M2', text: `${c.losers.map(ref).join(', ')} also apply at the ${level} level and are ignored whole: the oldest (creationTimestamp, then name) wins` })
    }
  }
  levelText('mesh', d.mesh)
  levelText('namespace', d.namespace)
  levelText('workload', d.workload)
  for (const p of index.ignoredRootSelector) {
    if (selectorMatches(p.selector ?? {}, w.labels)) steps.push({ rule: 'M1', text: `${ref(p)} has a selector in the root namespace ${index.root}: ignored for every workload` })
  }
  if (d.portLevel) steps.push({ rule: 'M4', text: `${ref(d.workload.chosen as PeerAuthentication)} portLevelMtls[${targetPort}] sets ${d.mode} for workload port ${targetPort}` })
  else if (d.workload.chosen && d.workload.chosen.portLevelMtls.size > 0) {
    steps.push({ rule: 'M4', text: `portLevelMtls keys ${[...d.workload.chosen.portLevelMtls.keys()].join(', ')} are workload ports; none is ${targetPort}, the port this Service sends to` })
  }
  steps.push({
    rule: 'M3',
    text: d.decidedBy === undefined ? 'no PeerAuthentication sets a mode: PERMISSIVE (plaintext and mutual TLS)' : `effective mode ${d.mode} (from the ${d.decidedBy} level)`,
  })
  return steps
}
