/**
 * The simulated clock: real time unless frozen at an instant (RequestSettings.frozenNow, Unix
 * seconds). Every verification, the grid's and the request loop's, reads this instant. Pure: the
 * caller passes the real time.
 */
import type { RequestSettings } from '../types'

type Clocked = Pick<RequestSettings, 'frozenNow'>

export function simulatedNow(request: Clocked, realNow: number): number {
  return request.frozenNow ?? realNow
}

export function isFrozen(request: Clocked): boolean {
  return request.frozenNow !== undefined
}

/** Stops the clock at the current instant. */
export function frozenAt(request: Clocked, realNow: number): Clocked {
  return { frozenNow: simulatedNow(request, realNow) }
}

export function followingRealTime(): Clocked {
  return { frozenNow: undefined }
}

/** Moves the clock `seconds` on; a running clock is frozen there (the user is now driving time). */
export function advanced(request: Clocked, seconds: number, realNow: number): Clocked {
  return { frozenNow: simulatedNow(request, realNow) + seconds }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `2025-03-01T14:05:09` in local time, the value format of `<input type="datetime-local" step="1">`. */
export function toDateTimeLocal(seconds: number): string {
  const d = new Date(seconds * 1000)
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** The Unix seconds of a `datetime-local` value (local time; seconds optional), or undefined. */
export function fromDateTimeLocal(text: string): number | undefined {
  const match = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(text.trim())
  if (!match) return undefined
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number]
  const date = new Date(y, mo - 1, d, h, mi, s)
  // new Date rolls 2025-02-30 over to March: refuse dates that do not exist.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined
  return Math.floor(date.getTime() / 1000)
}

/** `2025-03-01 14:05:09`, local time. */
export function formatInstant(seconds: number): string {
  return toDateTimeLocal(seconds).replace('T', ' ')
}

/** `14:05:09`, local time. */
export function formatTimeOfDay(seconds: number): string {
  return toDateTimeLocal(seconds).slice(11)
}

/** `4 s`, `1 min 5 s`, `2 h 3 min`, `12 d 4 h`, `98 years`: two units at most. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds))
  const year = 365 * 86400
  if (s >= 2 * year) return `${Math.floor(s / year)} years`
  const units: readonly [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ]
  const found = units.findIndex(([size]) => s >= size)
  const i = found < 0 ? units.length - 1 : found
  const [size, name] = units[i] ?? [1, 's']
  const big = Math.floor(s / size)
  const next = units[i + 1]
  const small = next ? Math.floor((s - big * size) / next[0]) : 0
  return next && small > 0 ? `${big} ${name} ${small} ${next[1]}` : `${big} ${name}`
}

export type ExpiryState = 'valid' | 'expired' | 'no-exp'

/** A token's expiry against the simulated clock, as Istio 1.0/1.1 sees it (valid iff now < exp). */
export function describeExpiry(exp: unknown, now: number): { state: ExpiryState; text: string } {
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return { state: 'no-exp', text: 'no exp claim: Istio treats it as expired' }
  if (now < exp) return { state: 'valid', text: `expires in ${formatDuration(exp - now)}` }
  return { state: 'expired', text: exp === now ? 'expired just now' : `expired ${formatDuration(now - exp)} ago` }
}

/**
 * The earliest `exp` after `now` and at most `horizon` seconds away: when a clock that follows real
 * time must re-check the tokens (Istio ignores nbf, so expiry is the only instant that matters).
 */
export function nextExpiry(exps: readonly unknown[], now: number, horizon: number): number | undefined {
  let next: number | undefined
  for (const exp of exps) {
    if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= now || exp > now + horizon) continue
    if (next === undefined || exp < next) next = exp
  }
  return next
}
