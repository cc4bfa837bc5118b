/** Node-face icons (16px strokes, decorative: node labels carry the meaning). */
const PATHS = {
  server: 'M2.5 3h11v4h-11zM2.5 9h11v4h-11zM5 5h.01M5 11h.01',
  client: 'M2.5 3.5h11v7h-11zM6 13.5h4M8 10.5v3',
  policy: 'M8 1.8 13 3.8v4c0 3-2.2 5.4-5 6.4-2.8-1-5-3.4-5-6.4v-4z',
  rule: 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v7h-9zM8 10v1.5',
  gateway: 'M2 14V6l6-4 6 4v8M5.5 14V9h5v5',
  route: 'M3 13V8a3 3 0 0 1 3-3h7M10.5 2.5 13 5l-2.5 2.5',
  mesh: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM1.5 8h13M8 1.5c2 2 2.6 4.3 2.6 6.5S10 12.5 8 14.5M8 1.5C6 3.5 5.4 5.8 5.4 8S6 12.5 8 14.5',
  namespace: 'M2.5 4.5h4l1.5 1.5h5.5v7.5h-11z',
  object: 'M3 3h10v10H3z',
} as const

export type NodeIconName = keyof typeof PATHS

export function NodeIcon({ name }: { name: NodeIconName }) {
  return (
    <svg className="node-icon" width={16} height={16} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.4} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  )
}
