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
  // Modern profiles (istio-semantics-modern.md); appended so the ids above never change.
  { code: '200', exit: 0, rule: 'M12' }, // app without sidecar answers
  { code: '200', exit: 0, rule: 'M13' }, // TCP port: transport and network RBAC pass
  { code: '200', exit: 0, rule: 'M22' }, // HTTP phase passes: CUSTOM, JWT, DENY, ALLOW
  { code: '503', exit: 0, rule: 'M12' },
  { code: '503', exit: 0, rule: 'M34' },
  { code: '000', exit: 56, rule: 'M12' },
  { code: '000', exit: 35, rule: 'M12' },
  { code: '000', exit: 56, rule: 'M13' },
  { code: '000', exit: 52, rule: 'M13' },
  { code: '000', exit: 35, rule: 'M13' },
  { code: '000', exit: 52, rule: 'M31' },
  { code: '401', exit: 0, rule: 'M17' },
  { code: '403', exit: 0, rule: 'M17' },
  { code: '403', exit: 0, rule: 'M22' },
  { code: '401', exit: 0, rule: 'M32' },
  { code: '403', exit: 0, rule: 'M32' },
  { code: '404', exit: 0, rule: 'M34' },
  { code: '000', exit: 7, rule: 'M34' },
  { code: '401', exit: 0, rule: 'M39' },
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

/**
 * Two cells show the same outcome: the same code and curl exit (two rules giving the same answer are
 * not a visible change). `undefined` and NO_REQUEST are "no cell".
 */
export function sameShownOutcome(a: number | undefined, b: number | undefined): boolean {
  if (a === b) return true
  const va = a === undefined || a === NO_REQUEST ? undefined : verdictById(a)
  const vb = b === undefined || b === NO_REQUEST ? undefined : verdictById(b)
  return va?.code === vb?.code && va?.exit === vb?.exit
}

/** `200`, `401`, `000 (56)`, `open (TCP)`: how the grid and the CLI print a verdict. */
export function formatVerdict(v: Verdict): string {
  return v.code === '000' ? `000 (${v.exit})` : v.code === 'open' ? 'open (TCP)' : v.code
}

/** M43: the response body Istio produces for a verdict, where it produces one. */
export function verdictBody(v: Verdict): string | undefined {
  if (v.code === '403' && (v.rule === 'M22' || v.rule === 'M32')) return 'RBAC: access denied'
  if (v.code === '403' && v.rule === 'M17') return 'Audiences in Jwt are not allowed'
  if (v.code === '401' && v.rule === 'M39') return 'Origin authentication failed.'
  if (v.code === '503' && (v.rule === 'M12' || v.rule === 'M34')) return 'upstream connect error or disconnect/reset before headers. reset reason: connection termination'
  return undefined
}
