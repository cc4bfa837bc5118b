/**
 * Quick fixes: findings the store can repair with one text edit. K8S107 on a top-level field found
 * inside metadata (`spec:` at the indentation of `name:`) moves that block out one level
 * (yaml/moveBlockOut.ts). The Problems list and the editor's code action both apply it through the
 * store's `applyQuickFix`, so it is one command and one undo step whichever way it is invoked.
 */
import type { Diagnostic } from '../engine'
import { MISPLACED_TOP_LEVEL_FIELDS } from '../engine/admission'
import { moveBlockOut, type BlockMove } from '../yaml'

/** The fix of `finding` at `line` of `text`, if it has one that applies there. */
export function quickFixFor(finding: Diagnostic, text: string, line: number): { title: string } | undefined {
  if (finding.code !== 'K8S107') return undefined
  const key = finding.path?.[1]
  if (finding.path?.[0] !== 'metadata' || typeof key !== 'string' || !MISPLACED_TOP_LEVEL_FIELDS.has(key)) return undefined
  const move = moveBlockOut(text, line)
  return move?.key === key ? { title: `Move \`${key}:\` out of metadata` } : undefined
}

/** The new text of a quick fix at `line`, or undefined when the text there has no movable block. */
export function quickFixText(text: string, line: number): BlockMove | undefined {
  return moveBlockOut(text, line)
}
