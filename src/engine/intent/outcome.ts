/**
 * Does what curl printed satisfy what was expected? `undefined` stands for a cell that sends no
 * request (the ingress routes nothing there): it is a denial, never an exact code.
 */
import type { Verdict } from '../types'
import { formatOutcome } from './sets'
import type { ExpectedOutcome } from './types'

export function outcomeHolds(expected: ExpectedOutcome, got: Verdict | undefined): boolean {
  switch (expected.kind) {
    case 'allow':
      return got !== undefined && got.code.startsWith('2')
    case 'deny':
      return got === undefined || !got.code.startsWith('2')
    case 'code':
      return got !== undefined && got.code === expected.code && (expected.exit === undefined || expected.exit === got.exit)
  }
}

/** `200`, `503`, `000/56`; `no request` where the ingress routes nothing. Same syntax as expectations. */
export function formatGot(got: Verdict | undefined): string {
  if (!got) return 'no request'
  return got.code === '000' ? `000/${got.exit}` : got.code
}

export { formatOutcome }
