import { useEffect } from 'react'
import { formatLessonError } from '../../lessons'
import { currentStepIndex, hasLessonLink, useWorkshopStore } from '../../store/workshop'
import type { Notify } from '../toolbar'

/** Removes the lesson from the address bar: a reload continues from the saved progress. */
function clearHash() {
  history.replaceState(history.state, '', `${location.pathname}${location.search}`)
}

/**
 * At start: a `#lesson=...` link opens its lesson; otherwise the last visit's lesson resumes if
 * workshop mode was on. A link pasted later opens too. A bad link changes nothing and says why.
 */
export function useWorkshopStart(notify: Notify): void {
  useEffect(() => {
    const openFromHash = (): boolean => {
      const hash = location.hash
      if (!hasLessonLink(hash)) return false
      clearHash()
      const result = useWorkshopStore.getState().openLink(hash)
      if (!result.ok) {
        const details = result.errors.slice(0, 3).map((e) => formatLessonError(e)).join('; ')
        const more = result.errors.length > 3 ? `; and ${result.errors.length - 3} more` : ''
        notify({ tone: 'error', text: `Could not open the lesson link: ${result.message}${details ? ` ${details}${more}.` : ''} Nothing was changed.` })
        return true
      }
      const s = useWorkshopStore.getState()
      notify({ tone: 'info', text: `Opened the lesson "${s.lesson?.title ?? ''}" at step ${currentStepIndex(s) + 1}.` })
      return true
    }
    if (!openFromHash()) useWorkshopStore.getState().resume()
    const onHashChange = () => void openFromHash()
    window.addEventListener('hashchange', onHashChange)
    return () => window.removeEventListener('hashchange', onHashChange)
  }, [notify])
}
