import { parseSelectorText, selectorText } from '../../../store/commands'
import { TextField } from '../../inspector/fields'

/**
 * The workload selector as `key=value, ...`, with the scope it gives in words (M1, M15, M21).
 * Empty: every workload of the namespace, or of the mesh in the root namespace.
 */
export function ScopeField({ namespace, selector, kind, onChange }: { namespace: string; selector: Record<string, string> | undefined; kind: string; onChange(selector: Record<string, string> | undefined): void }) {
  const root = namespace === 'istio-system'
  const scope = selector
    ? root
      ? kind === 'PeerAuthentication'
        ? 'A PeerAuthentication with a selector in the root namespace is ignored (M1).'
        : 'Workloads with these labels in every namespace.'
      : `Workloads with these labels in ${namespace}.`
    : root
      ? 'The whole mesh (root namespace, no selector).'
      : `Every workload in ${namespace}.`
  return (
    <TextField
      label="Workload selector (matchLabels)"
      value={selectorText(selector)}
      placeholder="none: the whole namespace"
      mono
      hint={scope}
      onCommit={(text) => {
        const parsed = parseSelectorText(text)
        if (parsed) onChange(Object.keys(parsed).length > 0 ? parsed : undefined)
      }}
    />
  )
}
