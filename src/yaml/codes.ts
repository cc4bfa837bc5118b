/**
 * Registry of parse-time findings. Codes are stable: tests, docs and the UI refer to them.
 * Object-level findings (unknown fields, admission rules) live in engine/admission/codes.ts.
 */
import type { Severity } from '../engine/types'

export const YAML_CODES = {
  YAML001: { severity: 'error', summary: 'YAML syntax error; the document is skipped, the others are kept' },
  YAML002: { severity: 'error', summary: 'The same key appears twice in one mapping; the document is skipped' },
  YAML003: { severity: 'warning', summary: 'YAML construct accepted with a warning (for example an unknown tag)' },
  YAML005: { severity: 'error', summary: 'The document is nested more than 60 levels deep; it is skipped, the others are kept' },
  YAML006: { severity: 'warning', summary: 'A value JSON cannot hold (.inf, .nan); it is kept as the string it was written as' },
  YAML004: { severity: 'error', summary: 'The document cannot be turned into data (for example too many alias expansions)' },
  K8S001: { severity: 'error', summary: 'The document is not a mapping, so it is not a Kubernetes object' },
  K8S002: { severity: 'error', summary: 'The object has no `kind`' },
  K8S003: { severity: 'error', summary: 'The object has no `metadata.name` (a non-empty string)' },
  K8S004: { severity: 'error', summary: 'A `List` document whose `items` is not a list' },
} as const satisfies Record<string, { severity: Severity; summary: string }>

export type YamlCode = keyof typeof YAML_CODES
