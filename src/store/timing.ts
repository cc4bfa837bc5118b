/**
 * User Timing marks for `npm run bench:browser` (and the browser's performance panel): when the store
 * holds a new grid, when the grid's table shows it. A mark costs microseconds; nothing reads them
 * inside the app.
 */
export function markTiming(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name)
}
