/**
 * The clock as components see it. `useRealNow` re-renders once a second only while `ticking`; the
 * simulated instant is the frozen one, or that real time.
 */
import { useEffect, useState } from 'react'
import { useDesignerStore } from '../../store'
import { simulatedNow } from '../../store/tokens'

export const realNow = () => Math.floor(Date.now() / 1000)

export function useRealNow(ticking = true): number {
  const [now, setNow] = useState(realNow)
  useEffect(() => {
    if (!ticking) return
    setNow(realNow())
    // Tick on the second boundary, so displays change together with the wall clock.
    let timer: ReturnType<typeof setTimeout>
    const schedule = () => {
      timer = setTimeout(() => {
        setNow(realNow())
        schedule()
      }, 1000 - (Date.now() % 1000) + 5)
    }
    schedule()
    return () => clearTimeout(timer)
  }, [ticking])
  return now
}

/** The simulated instant, live: frozen, or real time ticking each second. */
export function useSimulatedNow(): number {
  const frozenNow = useDesignerStore((s) => s.request.frozenNow)
  const now = useRealNow(frozenNow === undefined)
  return simulatedNow({ frozenNow }, now)
}
