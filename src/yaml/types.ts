/**
 * Data shapes of the YAML layer: where each parsed object came from, and parse findings with a text
 * range. Everything here is plain data (no yaml AST nodes), so it can cross a worker boundary or sit in
 * the store as is.
 */
import type { Diagnostic, KubeObject } from '../engine/types'

/** 1-based, as Monaco markers want them; `endColumn` is the column just after the last character. */
export interface SourceRange {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** Text ranges known for one path inside an object. */
export interface PathSpans {
  /** The map key, when the path ends in a map entry. */
  key?: SourceRange
  /** The whole value (a scalar, or a block/flow collection over several lines). */
  value?: SourceRange
  /** The value's first line only: what to underline when a whole collection is meant. */
  head?: SourceRange
}

/** Where one object of `ParsedManifests.objects` came from. */
export interface ObjectSource {
  file: string
  /** Index of the `---` document in the file, counting empty documents too. */
  docIndex: number
  /** Set when the object is an item of a `kind: List` document. */
  itemIndex?: number
  /** 1-based line where the object starts. */
  line: number
  /** Spans by `pathKey(path)`; read them through `locate`. */
  spans: Readonly<Record<string, PathSpans>>
}

/** A range answer of `locate`; `exact` is false when it fell back to an ancestor of the path. */
export interface SourceLocation extends SourceRange {
  exact: boolean
}

/** A parse-time finding: always about a place in the text, not (yet) about an object. */
export interface YamlDiagnostic extends Diagnostic {
  file: string
  docIndex: number
  range: SourceRange
}

export interface ParsedManifests {
  objects: KubeObject[]
  /** Parallel to `objects`. */
  sources: ObjectSource[]
  diagnostics: YamlDiagnostic[]
}
