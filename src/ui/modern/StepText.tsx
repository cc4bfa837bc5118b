import type { ResourceKey } from '../../engine'

/** `AuthorizationPolicy foo/jwt`, as the engine's explanation steps name objects (M43). */
const OBJECT_REF = /\b(PeerAuthentication|RequestAuthentication|AuthorizationPolicy|DestinationRule|Policy|MeshPolicy) ([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-.a-z0-9]*[a-z0-9])?)/g

export function objectRefs(text: string): { start: number; end: number; key: ResourceKey; label: string }[] {
  const out: { start: number; end: number; key: ResourceKey; label: string }[] = []
  for (const m of text.matchAll(OBJECT_REF)) {
    const [label, kind, ns, , name] = m as unknown as [string, string, string, string, string]
    out.push({ start: m.index, end: m.index + label.length, key: `${kind}/${kind === 'MeshPolicy' ? '' : ns}/${name}`, label })
  }
  return out
}

/**
 * An explanation step with the objects it names turned into links that select the object on the
 * canvas and reveal it in the YAML (the modern decision path: PeerAuthentication, DestinationRule,
 * RequestAuthentication, each AuthorizationPolicy and its matching rule).
 */
export function StepText({ text, onOpen }: { text: string; onOpen(key: ResourceKey): void }) {
  const refs = objectRefs(text)
  if (refs.length === 0) return <span>{text}</span>
  const parts: React.ReactNode[] = []
  let at = 0
  refs.forEach((r, i) => {
    if (r.start > at) parts.push(text.slice(at, r.start))
    parts.push(
      <button key={i} type="button" className="explain-link" title="Select on the canvas and show in the YAML" onClick={() => onOpen(r.key)}>
        {r.label}
      </button>,
    )
    at = r.end
  })
  if (at < text.length) parts.push(text.slice(at))
  return <span>{parts}</span>
}
