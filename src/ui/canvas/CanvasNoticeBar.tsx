import { useEffect } from 'react'
import { clearNotice, useCanvasNotice } from '../inspector'

/** Why the last gesture was refused; fades after a while, or on close. */
export function CanvasNoticeBar() {
  const notice = useCanvasNotice()
  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => clearNotice(notice.id), 8000)
    return () => clearTimeout(timer)
  }, [notice])
  return (
    <div className="canvas-notice-region" role="status" aria-live="polite">
      {notice && (
        <div className="canvas-notice">
          <span>{notice.text}</span>
          <button type="button" className="canvas-notice__close" aria-label="Dismiss" onClick={() => clearNotice()}>
            ×
          </button>
        </div>
      )}
    </div>
  )
}
