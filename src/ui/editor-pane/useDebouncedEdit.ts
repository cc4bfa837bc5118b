import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import type { YamlTab } from '../../store/types'

export const EDIT_DEBOUNCE_MS = 250

/**
 * Typing → `editYaml` at most every 250 ms per burst. `flush` sends a pending edit at once (tab
 * switch, unmount, a toolbar action that must see the latest text).
 */
export function useDebouncedEdit(editYaml: (tab: YamlTab, text: string) => void) {
  const pending = useRef<{ tab: YamlTab; text: string } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const editRef = useRef(editYaml)
  useLayoutEffect(() => {
    editRef.current = editYaml
  })

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const edit = pending.current
    pending.current = null
    if (edit) editRef.current(edit.tab, edit.text)
  }, [])

  const push = useCallback(
    (tab: YamlTab, text: string) => {
      if (pending.current && pending.current.tab !== tab) flush()
      pending.current = { tab, text }
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, EDIT_DEBOUNCE_MS)
    },
    [flush],
  )

  useEffect(() => flush, [flush])
  return { push, flush }
}
