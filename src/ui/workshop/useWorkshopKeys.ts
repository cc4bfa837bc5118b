import { useEffect } from 'react'
import { useWorkshopStore } from '../../store/workshop'

/** Where typing or a widget's own arrow keys must win over stepping through the lesson. */
const EDITABLE = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor'
const OWN_KEYS = '.react-flow, .grid-table, [role="radiogroup"], [role="radio"], [role="tablist"], [role="tab"], [role="separator"], [role="slider"], [role="listbox"], [role="menu"], [role="menuitem"]'
/** Space activates these itself. */
const ACTIVATES = 'button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"]'

/**
 * Arrow keys and Space step through the lesson, R reveals: when the focus is not in an input, an
 * editor or a widget that uses those keys, and no other dialog is open. In presenter view only
 * inputs are exempt: the whole screen is the lesson.
 */
export function useWorkshopKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return
      const store = useWorkshopStore.getState()
      const target = e.target instanceof Element ? e.target : null
      if (target?.closest(EDITABLE)) return
      if (!store.presenter && (target?.closest(OWN_KEYS) || target?.closest('dialog'))) return
      const actions: Record<string, (() => void) | undefined> = {
        ArrowRight: store.next,
        ArrowLeft: store.previous,
        ' ': target?.closest(ACTIVATES) ? undefined : store.next,
        r: store.reveal,
        R: store.reveal,
      }
      const action = actions[e.key]
      if (!action) return
      e.preventDefault()
      action()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [active])
}
