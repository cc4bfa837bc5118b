/**
 * User Timing marks for `npm run bench:browser` (and the browser's performance panel): when the store
 * holds a new grid, when the grid's table shows it. A mark costs microseconds; nothing reads them
 * inside the app.
 */
export function markTiming(name: string, detail?: Record<string, unknown>): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name, detail ? { detail } : undefined)
}

/**
 * A User Timing measure from `start` (performance.now()) to now, e.g. `mad:yaml-edit`: the main
 * thread's part of an editor edit, for the end-to-end test and the performance panel.
 */
export function measureTiming(name: string, start: number, detail?: Record<string, unknown>): void {
  if (typeof performance !== 'undefined' && typeof performance.measure === 'function') performance.measure(name, { start, end: performance.now(), ...(detail ? { detail } : {}) })
}

/**
 * Resolves once the grid's table has been drawn (the `mad:grid-dom` mark) and one frame later, or
 * after `fallbackMs`: work that is not needed to see the grid (the editor's 4 MB chunk) waits for it.
 */
export function afterGridShown(fallbackMs = 4000): Promise<void> {
  if (typeof performance === 'undefined' || typeof PerformanceObserver === 'undefined' || typeof requestAnimationFrame === 'undefined') return Promise.resolve()
  return new Promise((resolve) => {
    let done = false
    const finish = () => {
      if (done) return
      done = true
      observer.disconnect()
      clearTimeout(timer)
      requestAnimationFrame(() => setTimeout(resolve, 0))
    }
    const observer = new PerformanceObserver(() => {
      if (performance.getEntriesByName('mad:grid-dom').length > 0) finish()
    })
    const timer = setTimeout(finish, fallbackMs)
    observer.observe({ type: 'mark' })
    if (performance.getEntriesByName('mad:grid-dom').length > 0) finish()
  })
}
