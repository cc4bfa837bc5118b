/**
 * While the clock follows real time, the grid was computed at one instant; a token that expires later
 * would still show 200. When the token in use expires within the next minutes, re-evaluate at that
 * second (once, not every second); a frozen clock never needs it.
 */
import { useEffect } from 'react'
import { useDesignerStore } from '../../store'
import { activeToken, inspectToken, nextExpiry } from '../../store/tokens'
import { realNow } from './useClock'

/** How far ahead an expiry is watched. Later ones are picked up by the next evaluation anyway. */
const HORIZON_SECONDS = 15 * 60

export function useExpiryRefresh(): void {
  const frozen = useDesignerStore((s) => s.request.frozenNow !== undefined)
  const jwt = useDesignerStore((s) => activeToken(s.request)?.jwt)
  // Bumped by each evaluation, so a grid computed after the timer was set re-arms it.
  const grid = useDesignerStore((s) => s.gridState.grid)

  useEffect(() => {
    if (frozen || jwt === undefined) return
    const seen = inspectToken(jwt)
    if (!seen.ok) return
    const now = realNow()
    const at = nextExpiry([seen.claims.exp], now, HORIZON_SECONDS)
    if (at === undefined) return
    const timer = setTimeout(() => useDesignerStore.getState().setRequest({}), at * 1000 - Date.now() + 20)
    return () => clearTimeout(timer)
  }, [frozen, jwt, grid])
}
