import { describe, expect, it } from 'vitest'
import { advanced, describeExpiry, formatDuration, frozenAt, fromDateTimeLocal, nextExpiry, simulatedNow, toDateTimeLocal } from './clock'

describe('the simulated clock', () => {
  it('follows real time until frozen, then stays', () => {
    expect(simulatedNow({}, 100)).toBe(100)
    expect(frozenAt({}, 100)).toEqual({ frozenNow: 100 })
    expect(simulatedNow({ frozenNow: 100 }, 500)).toBe(100)
  })

  it('advances from where it is, freezing a running clock', () => {
    expect(advanced({}, 10, 100)).toEqual({ frozenNow: 110 })
    expect(advanced({ frozenNow: 110 }, 60, 999)).toEqual({ frozenNow: 170 })
  })

  it('reads and writes datetime-local values in local time', () => {
    const t = 1_795_000_000
    expect(fromDateTimeLocal(toDateTimeLocal(t))).toBe(t)
    expect(fromDateTimeLocal('2025-02-30T10:00')).toBeUndefined()
    expect(fromDateTimeLocal('nonsense')).toBeUndefined()
    expect(fromDateTimeLocal('2025-03-01T10:00')).toBe(Math.floor(new Date(2025, 2, 1, 10, 0, 0).getTime() / 1000))
  })
})

describe('durations and expiry', () => {
  it('formats with two units at most', () => {
    expect(formatDuration(0)).toBe('0 s')
    expect(formatDuration(4)).toBe('4 s')
    expect(formatDuration(65)).toBe('1 min 5 s')
    expect(formatDuration(120)).toBe('2 min')
    expect(formatDuration(3 * 3600 + 120 + 5)).toBe('3 h 2 min')
    expect(formatDuration(86400 * 12 + 3600 * 4)).toBe('12 d 4 h')
    expect(formatDuration(100 * 365 * 86400)).toBe('100 years')
  })

  it('counts down to exp on the simulated clock, as Istio does (valid iff now < exp)', () => {
    expect(describeExpiry(105, 101)).toEqual({ state: 'valid', text: 'expires in 4 s' })
    expect(describeExpiry(105, 105)).toEqual({ state: 'expired', text: 'expired just now' })
    expect(describeExpiry(105, 108)).toEqual({ state: 'expired', text: 'expired 3 s ago' })
    expect(describeExpiry(undefined, 108).state).toBe('no-exp')
  })

  it('finds the next expiry within a horizon', () => {
    expect(nextExpiry([50, 130, 120, 'x', undefined, 1000], 100, 300)).toBe(120)
    expect(nextExpiry([50, 1000], 100, 300)).toBeUndefined()
  })
})
