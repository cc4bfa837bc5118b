/**
 * The selected object and the findings about it. While a form edit is a draft (store/drafts.ts) the
 * form shows the draft and admission's findings about it; the resources keep the last valid version.
 */
import { useDesignerStore } from '../../store'
import type { Diagnostic, KubeObject, ResourceKey } from '../../engine'
import { keyOf } from '../../store/commands'

export function useObject(key: ResourceKey): KubeObject | undefined {
  return useDesignerStore((s) => s.drafts[key]?.object ?? s.resources.find((o) => keyOf(o) === key))
}

const NONE: Diagnostic[] = []

export function useDiagnostics(key: ResourceKey): Diagnostic[] {
  const draft = useDesignerStore((s) => s.drafts[key])
  const all = useDesignerStore((s) => s.model.diagnostics)
  if (draft) return draft.diagnostics
  const mine = all.filter((d) => d.resource === key)
  return mine.length === 0 ? NONE : mine
}

/** Writes one object from a form: applied when admission accepts it, else kept as its draft. */
export function writeObject(object: KubeObject): void {
  useDesignerStore.getState().editForm(object)
}
