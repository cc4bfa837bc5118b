/** The selected object and the model's findings about it. */
import { useDesignerStore } from '../../store'
import type { Diagnostic, KubeObject, ResourceKey } from '../../engine'
import { keyOf } from '../../store/commands'

export function useObject(key: ResourceKey): KubeObject | undefined {
  return useDesignerStore((s) => s.resources.find((o) => keyOf(o) === key))
}

const NONE: Diagnostic[] = []

export function useDiagnostics(key: ResourceKey): Diagnostic[] {
  const all = useDesignerStore((s) => s.model.diagnostics)
  const mine = all.filter((d) => d.resource === key)
  return mine.length === 0 ? NONE : mine
}

/** Writes one object from a form (the store records it as an inspector edit). */
export function writeObject(object: KubeObject, previousKey?: ResourceKey): void {
  useDesignerStore.getState().upsertResource(object, 'inspector', previousKey)
}
