/**
 * Form drafts (issue 9, major 5). A form edit that admission would reject (an origin just added with
 * no issuer, a jwksUri half typed) must not replace a working object: the grid would flip as if the
 * policy were gone. Such an edit is kept as the object's draft, beside the resources; the resources
 * keep the last valid version, so the grid, YAML, autosave and share links show that one. As soon as
 * an edit of the draft is valid, it replaces the resource in one history step.
 *
 * Drafts are not saved: a reload discards them (the inspector says so while one is open). The saved
 * design, share links and exports hold only what admission accepts; a draft is a moment of typing.
 */
import type { Diagnostic, IstioProfile, KubeObject, ResourceKey } from '../engine'
import { admit } from '../engine/admission'
import { keyOf } from './keys'

export interface Draft {
  /** The object as the form has it now (admission rejects it). */
  object: KubeObject
  /** The resource the draft was started from; when the resource changes otherwise, the draft is dropped. */
  base: KubeObject
  /** Admission's findings about `object`: what is missing or wrong, by field path. */
  diagnostics: Diagnostic[]
}

export type Drafts = Readonly<Record<ResourceKey, Draft>>

export const NO_DRAFTS: Drafts = Object.freeze({})

/** Admission's findings about one object on its own (each object is accepted or rejected alone). */
export function admissionFindings(object: KubeObject, profile: IstioProfile): Diagnostic[] {
  return admit([object], { profile }).diagnostics
}

const isError = (d: Diagnostic) => d.severity === 'error'

export type FormEditPlan = { kind: 'apply' } | { kind: 'draft'; draft: Draft } | { kind: 'unchanged' }

/** Objects as written: the same fields and values (a form rebuilds its object on every write). */
function sameContent(a: KubeObject, b: KubeObject): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * What a form edit does: replace the resource (the edit is valid, or the resource is itself rejected
 * so nothing working can break), become the resource's draft, or nothing (it equals the resource).
 */
export function planFormEdit(resources: readonly KubeObject[], object: KubeObject, profile: IstioProfile): FormEditPlan {
  const key = keyOf(object)
  const base = resources.find((o) => keyOf(o) === key)
  if (!base) return { kind: 'apply' }
  // Back to the resource as it is (the draft's empty origin removed again): nothing to record.
  if (sameContent(object, base)) return { kind: 'unchanged' }
  const findings = admissionFindings(object, profile)
  if (!findings.some(isError)) return { kind: 'apply' }
  if (admissionFindings(base, profile).some(isError)) return { kind: 'apply' }
  return { kind: 'draft', draft: { object, base, diagnostics: findings } }
}

export function withoutDraft(drafts: Drafts, key: ResourceKey): Drafts {
  if (!(key in drafts)) return drafts
  const { [key]: _dropped, ...rest } = drafts
  return rest
}

/** The drafts whose resource is still the version they started from (an undo, a YAML edit or a load drops the others). */
export function keptDrafts(drafts: Drafts, resources: readonly KubeObject[]): Drafts {
  const keys = Object.keys(drafts)
  if (keys.length === 0) return drafts
  const kept = keys.filter((key) => resources.some((o) => o === drafts[key]?.base))
  if (kept.length === keys.length) return drafts
  return Object.fromEntries(kept.map((key) => [key, drafts[key] as Draft]))
}

/** The errors of a draft, as the inspector lists them ("what is missing"). */
export function draftErrors(draft: Draft): Diagnostic[] {
  return draft.diagnostics.filter(isError)
}

/** Where a finding is, in the words of the form: `spec.origins.0.jwt.issuer` -> `origin 1 issuer`. */
export function fieldName(path: readonly (string | number)[] | undefined): string {
  if (!path || path.length === 0) return 'the object'
  const words: string[] = []
  for (const step of path[0] === 'spec' ? path.slice(1) : path) {
    if (typeof step === 'number' || /^\d+$/.test(String(step))) {
      const last = words.pop() ?? ''
      // origins 0 -> origin 1: the list's name in the singular, counted from one as the form counts.
      words.push(`${last.replace(/ies$/, 'y').replace(/s$/, '')} ${Number(step) + 1}`)
    } else if (step !== 'jwt') words.push(String(step))
  }
  return words.join(' ')
}
