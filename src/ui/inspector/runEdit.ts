/** Applies a command to the store's resources as one undoable step, or shows why it was refused. */
import type { KubeObject } from '../../engine'
import { useDesignerStore } from '../../store'
import { isEditError, type EditResult } from '../../store/commands'
import type { ChangeOrigin } from '../../store/types'
import { clearNotice, showNotice } from './notice'

/**
 * @returns the new resources, or undefined when the command refused (the notice says why).
 * @example runEdit((r) => setAppSidecar(r, 'Deployment/foo/sleep', false))
 */
export function runEdit(edit: (resources: readonly KubeObject[]) => EditResult, origin: ChangeOrigin = 'canvas'): KubeObject[] | undefined {
  const { resources, applyEdit } = useDesignerStore.getState()
  const result = edit(resources)
  if (isEditError(result)) {
    showNotice(result.message)
    return undefined
  }
  clearNotice()
  applyEdit(() => result, origin)
  return result
}
