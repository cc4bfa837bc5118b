/**
 * The designer's state, as one zustand store. Canonical: the resources (every object the user has,
 * in creation order, including ones admission rejects and kinds we do not model) and the canvas
 * layout. Everything else (YAML text, model, grid, diagnostics) is derived, or is the user's
 * in-progress text in an editor tab.
 */
import type { CellExplanation, EngineOptions, KubeObject, Model, PortProtocol, ResourceKey } from '../engine'
import type { DesignDiff } from '../engine/intent'
import type { JwksJson } from '../engine/jwt'
import type { Drafts } from './drafts'
import type { GridViewSpec } from './gridFilter'
import type { SavedToken, TokenPlacement } from './tokens/types'

/** Where a change came from: the YAML editor must not re-apply its own edits (no echo loops). */
export type ChangeOrigin = 'init' | 'canvas' | 'inspector' | 'yaml' | 'import' | 'undo' | 'redo' | 'share' | 'reset' | 'restore' | 'lesson'

/** The two editor tabs: what one applies with istioctl/kubectl (Istio config) and the workloads. */
export type YamlTab = 'istio' | 'workloads'

export interface NodePosition {
  x: number
  y: number
}

export interface NamespaceBox extends NodePosition {
  width: number
  height: number
}

export interface Layout {
  /**
   * Canvas positions keyed by node id (store/canvasIds.ts). Layout only: never in the YAML. A node in a
   * namespace is positioned relative to its namespace box (React Flow's `parentId` convention);
   * cluster-scoped nodes (a MeshPolicy) in canvas coordinates.
   */
  positions: Record<string, NodePosition>
  /** Namespace group boxes keyed by namespace name. */
  namespaces: Record<string, NamespaceBox>
}

/** A problem shown in the problems list and as an editor marker. */
export interface Problem {
  tab: YamlTab
  line: number
  column: number
  endLine: number
  endColumn: number
  severity: 'error' | 'warning' | 'info'
  code: string
  message: string
  resource?: ResourceKey
  /** A quick fix for it (store/quickFixes.ts); `applyQuickFix(tab, line)` applies it. */
  fix?: { title: string }
}

/** The request every grid cell sends: path, headers, token (store/tokens), clock and key sets. */
export interface RequestSettings {
  path: string
  /** Extra headers, e.g. Authorization. */
  headers: Record<string, string>
  /** Simulated clock in Unix seconds; undefined = follow the real clock. */
  frozenNow?: number
  /** The user's JWKS by `jwksUri` (Pilot would fetch them; we run offline). Istio's sample URI needs none. */
  keySets?: Record<string, JwksJson>
  /** The path of the external row's request, through the ingress gateway; default `/headers`. `path` is the pods' clients'. */
  ingressPath?: string
  /** The user's tokens, pasted or generated (the Istio demo token is built in). Never in a plain share link. */
  tokens?: SavedToken[]
  /** The token every request carries: a token id, DEMO_TOKEN_ID, or undefined for none. */
  tokenId?: string
  /** Where the token goes; default `Authorization: Bearer`. */
  tokenPlacement?: TokenPlacement
  /** HTTP method every request sends (AuthorizationPolicy `methods`); default GET. */
  method?: string
  /** The external row's client address as the ingress gateway sees it (`ipBlocks`); default unknown. */
  sourceIp?: string
}

export type Selection =
  | { kind: 'none' }
  | { kind: 'resource'; key: ResourceKey }
  | { kind: 'namespace'; name: string }
  | { kind: 'cell'; row: number; column: number }

/** The grid in plain data, so it can come from a Web Worker (structured clone). */
export interface GridView {
  rows: { label: string; workloadKey?: ResourceKey; sidecar: boolean; external: boolean }[]
  columns: { label: string; serviceKey: ResourceKey; port: number; portName: string; protocol: PortProtocol }[]
  /** rows x columns verdict ids (engine verdictById), row-major; NO_REQUEST where no request goes. */
  cells: Uint8Array
  /** For the external row: where the ingress sent the request, in words (e.g. a 404 with no route). */
  externalNote?: string
}

export interface GridState {
  grid: GridView | undefined
  /** Cells (row label + '|' + column label) whose code changed with the last edit. */
  changed: ReadonlySet<string>
  /** Milliseconds the last evaluation took (shown in the status bar, used by the benchmark). */
  millis: number
  computing: boolean
}

/**
 * Preview mode (store/staging.ts): edits are staged on top of the committed design instead of being
 * committed. The canvas, inspector, YAML and grid show the staged design; `base` is what is committed.
 */
export interface Staging {
  /** The committed design: what Discard goes back to and what Apply records as its one undo step. */
  base: { resources: KubeObject[]; layout: Layout }
  /** The cells the staged edits change (before -> after) and the objects that move each; undefined while it is computed. */
  diff: DesignDiff | undefined
}

export interface DesignerState {
  resources: KubeObject[]
  layout: Layout
  options: EngineOptions
  request: RequestSettings
  /** Which rows and columns the grid shows (store/gridFilter.ts); absent: the task's view. Saved with the design. */
  view?: GridViewSpec

  /** Editor text per tab. Regenerated from resources unless the last change came from that tab. */
  yaml: Record<YamlTab, string>
  /** Problems per tab: parse errors of the text, and admission/mesh findings mapped to lines. */
  problems: Problem[]
  /** Parse errors keep the last good model: true while a tab's text does not parse. */
  yamlBroken: Record<YamlTab, boolean>
  lastOrigin: ChangeOrigin

  /** Derived: admission + mesh of the current resources. */
  model: Model
  gridState: GridState
  selection: Selection
  /** Bumped to ask the editor to reveal a line: {tab, line, nonce}. */
  reveal: { tab: YamlTab; line: number; nonce: number } | undefined
  /** The design's intent.yaml text (src/intent/FORMAT.md); '' when there is none. Not in the undo history. */
  intent: string
  /**
   * Form edits admission would reject, by resource key (store/drafts.ts): the resources keep the last
   * valid version meanwhile. Not in the undo history, not saved.
   */
  drafts: Drafts
  /** Preview mode: the committed design under the staged edits; undefined when edits commit at once. */
  staging: Staging | undefined
  /**
   * Texts being parsed off the main thread (store/parsing), by where they go: an editor tab or an
   * import; the value is the text's length in characters. Empty while nothing is.
   */
  parsing: Readonly<Partial<Record<ParseTarget, number>>>
}

/** Where a parsed text goes: an editor tab, or an import (file, drop, paste dialog). */
export type ParseTarget = YamlTab | 'import'

/** A YAML text to import: a file's name (or "The pasted YAML") and its content. */
export interface ImportSource {
  name: string
  text: string
  /** The file was not read at all because it is larger than the import limit. */
  tooLarge?: boolean
}

/** Expectations an import read from intent documents (src/intent/FORMAT.md). */
export interface ImportedIntent {
  /** intent.yaml for the Intent tab (the documents of every source, joined). */
  text: string
  /** Expectations read (an entry with lists of sets counts each pair). */
  expectations: number
  /** `FILE:LINE:COLUMN CODE message`, at the line and column in the imported file. */
  problems: string[]
  errors: number
}

export type ImportOutcome = { ok: true; objects: KubeObject[]; intent?: ImportedIntent; summary: string } | { ok: false; message: string }

export interface DesignerActions {
  /** Replaces all resources (import, share link, reset). */
  loadResources(resources: KubeObject[], origin: ChangeOrigin, layout?: Layout, options?: EngineOptions): void
  /** Inserts or replaces one object by its key (inspector edits, canvas drops). */
  upsertResource(object: KubeObject, origin: ChangeOrigin, previousKey?: ResourceKey): void
  /**
   * An inspector form wrote `object`: it replaces the resource (one undo step) when admission accepts
   * it; otherwise it becomes the resource's draft and the grid keeps the last valid version.
   */
  editForm(object: KubeObject): void
  /** Forgets the draft of `key`: the form shows the resource again. */
  discardDraft(key: ResourceKey): void
  deleteResource(key: ResourceKey, origin: ChangeOrigin): void
  /** Applies a pure edit (store/commands) to the resources as one undoable step. */
  applyEdit(edit: (resources: readonly KubeObject[]) => KubeObject[], origin: ChangeOrigin): void
  /**
   * The user typed in a tab: keep the text; if it parses, replace that tab's resources. A text over
   * PARSE_WORKER_THRESHOLD is parsed in a worker (`parsing[tab]` meanwhile; the last good model stays).
   */
  editYaml(tab: YamlTab, text: string): void
  /** Applies the quick fix of the problem at `line` of `tab` (one text edit, one undo step); false when there is none. */
  applyQuickFix(tab: YamlTab, line: number): boolean
  /**
   * Imports YAML texts (files, a drop, a paste): objects replace the design or join it (one undo step);
   * intent documents replace the expectations or join them (not in the history). Nothing changes
   * unless every object text parses. Big texts are parsed in a worker (`parsing.import`).
   */
  importYaml(sources: readonly ImportSource[], mode: 'replace' | 'add'): Promise<ImportOutcome>
  moveNode(id: string, position: NodePosition): void
  /**
   * One user gesture (a drop, a click-add, a drag that attaches): every resource edit and layout move
   * `run` makes is recorded as ONE history step, resources and layout together, so one undo takes
   * back the whole gesture.
   */
  gesture(run: () => void): void
  resizeNamespace(name: string, box: NamespaceBox): void
  setOptions(options: Partial<EngineOptions>): void
  setRequest(request: Partial<RequestSettings>): void
  /** Shows other rows and columns of the grid (a view, saved with the design; not an undo step). */
  setGridView(view: GridViewSpec): void
  select(selection: Selection): void
  revealResource(key: ResourceKey): void
  explainCell(row: number, column: number): Promise<CellExplanation | undefined>
  undo(): void
  redo(): void
  newEmptyDesign(): void
  resetToSeed(): void
  /** Replaces the design with Istio's httpbin/sleep samples of the current profile (one undo step). */
  loadIstioSamples(): void
  /** Replaces the whole design, with its options and (if given) request settings: a saved design. */
  openDesign(design: { resources: KubeObject[]; layout: Layout; options: EngineOptions; request?: RequestSettings; view?: GridViewSpec }, origin: ChangeOrigin): void
  /** Loads a `#design=...` share link (origin 'share'); on a bad link changes nothing and says why. */
  openShareLink(hash: string): { ok: true } | { ok: false; message: string }
  /** Resolves when the grid of the current state (and any pending automatic layout) is done. */
  settled(): Promise<void>
  /** Replaces the intent.yaml text (the Intent tab, the grid's expect mode). */
  setIntent(text: string): void
  /** Preview mode on: from now on every edit is staged (its own undo steps, not in the design's history). */
  startPreview(): void
  /** Commits every staged edit as ONE undo step and leaves preview mode. */
  applyPreview(): void
  /** Goes back to the committed design (and its history) and leaves preview mode. */
  discardPreview(): void
}

export type DesignerStore = DesignerState & DesignerActions
