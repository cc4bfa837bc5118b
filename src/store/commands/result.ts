/**
 * What an edit command returns: the new resource list, or why the user's gesture is not allowed
 * (shown to the user as is, so messages are full sentences).
 */
import type { KubeObject, ResourceKey } from '../../engine'
import { keyOf } from './objects'

export interface EditError {
  ok: false
  message: string
}

export type EditResult = KubeObject[] | EditError

export function fail(message: string): EditError {
  return { ok: false, message }
}

export function isEditError(result: EditResult): result is EditError {
  return !Array.isArray(result)
}

/**
 * The key an object has after an edit. Commands replace objects in place (same index), so a
 * policy renamed by attachPolicy can be followed to keep its canvas position.
 * @example followKey(before, after, 'Policy/foo/p1') // 'Policy/foo/default'
 */
export function followKey(before: readonly KubeObject[], after: readonly KubeObject[], key: ResourceKey): ResourceKey | undefined {
  const index = before.findIndex((o) => keyOf(o) === key)
  const next = index >= 0 ? after[index] : undefined
  if (!next) return undefined
  // Only a rename/move in place counts: a deletion shifts indexes, so check the kind too.
  return next.kind === before[index]?.kind ? keyOf(next) : undefined
}
