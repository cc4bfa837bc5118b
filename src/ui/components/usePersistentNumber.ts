import { useCallback, useState } from 'react'

function read(key: string, fallback: number): number {
  try {
    const raw = window.localStorage.getItem(key)
    const value = raw === null ? NaN : Number(raw)
    return Number.isFinite(value) ? value : fallback
  } catch {
    return fallback // storage disabled (private mode, sandboxed iframe)
  }
}

/** A number kept in localStorage under `key` (pane sizes): survives reloads, never leaves the machine. */
export function usePersistentNumber(key: string, fallback: number): [number, (value: number) => void] {
  const [value, setValue] = useState(() => read(key, fallback))
  const set = useCallback(
    (next: number) => {
      setValue(next)
      try {
        window.localStorage.setItem(key, String(Math.round(next)))
      } catch {
        // Not persisted; the size still applies for this session.
      }
    },
    [key],
  )
  return [value, set]
}
