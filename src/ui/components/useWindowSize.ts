import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void) {
  window.addEventListener('resize', onChange)
  return () => window.removeEventListener('resize', onChange)
}

const width = () => window.innerWidth
const height = () => window.innerHeight

/** The viewport size, re-rendering on resize (pane limits depend on it). */
export function useWindowSize(): { width: number; height: number } {
  return { width: useSyncExternalStore(subscribe, width), height: useSyncExternalStore(subscribe, height) }
}
