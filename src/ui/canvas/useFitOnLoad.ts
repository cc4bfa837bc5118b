/**
 * Frames the whole design after it is loaded (start, import, share link, reset), including when the
 * store's automatic layout arrives a moment later; never while the user is editing.
 */
import { useEffect } from 'react'
import { useReactFlow } from '@xyflow/react'
import { useDesignerStore } from '../../store'
import type { ChangeOrigin } from '../../store/types'

// 'lesson': each workshop step can add objects anywhere; the room should see all of them.
const LOADS: ReadonlySet<ChangeOrigin> = new Set(['init', 'import', 'share', 'reset', 'restore', 'lesson'])

export function useFitOnLoad(): void {
  const flow = useReactFlow()
  const layout = useDesignerStore((s) => s.layout)
  const origin = useDesignerStore((s) => s.lastOrigin)
  useEffect(() => {
    if (!LOADS.has(origin)) return
    // After React Flow has measured the new nodes.
    const frame = requestAnimationFrame(() => void flow.fitView({ padding: 0.12, maxZoom: 1 }))
    return () => cancelAnimationFrame(frame)
  }, [flow, layout, origin])
}
