/**
 * Edits of one AuthorizationPolicy rule's lists (sources, operations, conditions), as the form makes
 * them: each returns the whole next rule, so one form gesture writes the policy once (one undo step).
 */
import type { AuthzRuleForm, ConditionForm, OperationForm, SourceForm } from './forms'

const isEmpty = (entry: Partial<Record<string, string[]>>) => Object.values(entry).every((v) => !v || v.length === 0)

/**
 * Entry `index` of `list` replaced by `entry` (index === length appends). An entry without any value
 * is left out: Istio rejects an empty `source`/`operation` (M38), and it would match anything anyway.
 * No entries left: undefined, i.e. no `from`/`to` at all (any source, any operation, M24).
 */
function setEntry<T extends Partial<Record<string, string[]>>>(list: readonly T[] | undefined, index: number, entry: T): T[] | undefined {
  const next = [...(list ?? [])]
  if (isEmpty(entry)) next.splice(index, 1)
  else next[index] = entry
  const kept = next.filter((e) => e !== undefined && !isEmpty(e))
  return kept.length > 0 ? kept : undefined
}

function removeEntry<T>(list: readonly T[] | undefined, index: number): T[] | undefined {
  const next = (list ?? []).filter((_, i) => i !== index)
  return next.length > 0 ? next : undefined
}

/** @example setSource({ from: [{ namespaces: ['foo'] }], to: undefined, when: [] }, 1, { namespaces: ['bar'] }).from // [{namespaces: ['foo']}, {namespaces: ['bar']}] */
export function setSource(rule: AuthzRuleForm, index: number, source: SourceForm): AuthzRuleForm {
  return { ...rule, from: setEntry(rule.from, index, source) }
}

export function removeSource(rule: AuthzRuleForm, index: number): AuthzRuleForm {
  return { ...rule, from: removeEntry(rule.from, index) }
}

export function setOperation(rule: AuthzRuleForm, index: number, operation: OperationForm): AuthzRuleForm {
  return { ...rule, to: setEntry(rule.to, index, operation) }
}

export function removeOperation(rule: AuthzRuleForm, index: number): AuthzRuleForm {
  return { ...rule, to: removeEntry(rule.to, index) }
}

/** A condition counts once it has a key and a value or a notValue (Istio rejects one without, M38). */
export function isCompleteCondition(c: ConditionForm): boolean {
  return c.key.trim() !== '' && (c.values.length > 0 || c.notValues.length > 0)
}

/** Condition `index` replaced (index === length appends). A condition read from YAML is kept even if incomplete: admission reports it. */
export function setCondition(rule: AuthzRuleForm, index: number, condition: ConditionForm): AuthzRuleForm {
  const when = [...rule.when]
  when[index] = condition
  return { ...rule, when }
}

export function removeCondition(rule: AuthzRuleForm, index: number): AuthzRuleForm {
  return { ...rule, when: rule.when.filter((_, i) => i !== index) }
}

/** A new rule matches every request (`{}`, M23) until the user narrows it. */
export function newRule(): AuthzRuleForm {
  return { from: undefined, to: undefined, when: [] }
}
