/**
 * Frames the whole design after it is loaded (start, import, share link, reset), including when the
 * store's automatic layout arrives a moment later; never while the user is editing.
 * Returns true from the render that shows a newly loaded layout until it has been framed: a big
 * design is drawn as its overview meanwhile, rather than every node at the old zoom (overview.ts).
 */
import { useEffect, useState } from 'react'
import { useReactFlow } from '@xyflow/react'
import { useDesignerStore } from '../../store'
import type { ChangeOrigin, Layout } from '../../store/types'

// 'lesson': each workshop step can add objects anywhere; the room should see all of them.
const LOADS: ReadonlySet<ChangeOrigin> = new Set(['init', 'import', 'share', 'reset', 'restore', 'lesson'])

export function useFitOnLoad(): boolean {
  const flow = useReactFlow()
  const layout = useDesignerStore((s) => s.layout)
  const origin = useDesignerStore((s) => s.lastOrigin)
  const [framed, setFramed] = useState<Layout>()
  useEffect(() => {
    if (!LOADS.has(origin)) return
    // After React Flow has measured the new nodes.
    const frame = requestAnimationFrame(() => {
      void flow.fitView({ padding: 0.12, maxZoom: 1 })
      setFramed(layout)
    })
    return () => cancelAnimationFrame(frame)
  }, [flow, layout, origin])
  return LOADS.has(origin) && framed !== layout
}
