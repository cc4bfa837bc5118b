/**
 * Every outcome the engine can produce, numbered once, so that a grid can be a compact byte array
 * (one verdict id per cell) and a cell's meaning is a table lookup.
 */
import type { HttpCode, RuleId, Verdict } from '../types'

const ALL: readonly Verdict[] = [
  { code: '200', exit: 0, rule: 'R12' },
  { code: '200', exit: 0, rule: 'R13' },
  { code: '200', exit: 0, rule: 'R14' },
  { code: '200', exit: 0, rule: 'R15' },
  { code: '200', exit: 0, rule: 'R16' },
  { code: '401', exit: 0, rule: 'R11' },
  { code: '401', exit: 0, rule: 'R15' },
  { code: '401', exit: 0, rule: 'R16' },
  { code: '401', exit: 0, rule: 'R20' },
  { code: '404', exit: 0, rule: 'R20' },
  { code: '503', exit: 0, rule: 'R12' },
  { code: '503', exit: 0, rule: 'R20' },
  { code: '503', exit: 0, rule: 'R24' },
  { code: '000', exit: 56, rule: 'R12' },
  { code: '000', exit: 35, rule: 'R12' },
  { code: '000', exit: 56, rule: 'R13' },
  { code: '000', exit: 35, rule: 'R13' },
  { code: '000', exit: 7, rule: 'R20' },
  { code: '000', exit: 7, rule: 'R24' },
  { code: '000', exit: 56, rule: 'R24' },
  { code: 'open', exit: 0, rule: 'R29' },
  { code: '401', exit: 0, rule: 'R28' },
]

/** Grid cells that hold no request (the external client only reaches what the ingress routes to). */
export const NO_REQUEST = 255

const idByKey = new Map(ALL.map((v, i) => [`${v.code}/${v.exit}/${v.rule}`, i]))

export function verdictId(code: HttpCode, exit: number, rule: RuleId): number {
  const id = idByKey.get(`${code}/${exit}/${rule}`)
  if (id === undefined) throw new Error(`unregistered verdict ${code}/${exit}/${rule}`)
  return id
}

export function verdictById(id: number): Verdict | undefined {
  return ALL[id]
}

export const VERDICTS = ALL

/** `200`, `401`, `000 (56)`, `open (TCP)`: how the grid and the CLI print a verdict. */
export function formatVerdict(v: Verdict): string {
  return v.code === '000' ? `000 (${v.exit})` : v.code === 'open' ? 'open (TCP)' : v.code
}
