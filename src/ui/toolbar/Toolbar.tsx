import { DesignButtons } from './DesignButtons'
import { ExportMenu } from './ExportMenu'
import { HistoryButtons } from './HistoryButtons'
import { ImportMenu } from './ImportMenu'
import { ModeSwitches } from './ModeSwitches'
import { MoreActionsMenu } from './MoreActionsMenu'
import { useWindowSize } from '../components'
import type { Notify } from './notice'
import { ShareButton } from './ShareButton'
import { WorkshopButton } from '../workshop'
import './Toolbar.css'

/**
 * At this width and below (1280x720 and 1024x768 projectors and laptops) the row keeps the switches,
 * Workshop, Undo/Redo, Import and Export; New, Reset to seed, Share and Migrate… go to "More actions".
 */
export const COMPACT_TOOLBAR_MAX_WIDTH = 1300

/** The header: the product name, the engine switches, and the design's commands. */
export function Toolbar({ notify }: { notify: Notify }) {
  const compact = useWindowSize().width <= COMPACT_TOOLBAR_MAX_WIDTH
  return (
    <header className="toolbar">
      <div className="toolbar-brand">
        <Logo />
        <h1>Mesh Auth Designer</h1>
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <ModeSwitches migrate={!compact} />
      <div className="toolbar-spacer" />
      {/* One group: the toolbar has no room for another 12px gap at 1366 px. */}
      <div className="toolbar-group">
        <WorkshopButton />
        {!compact && <DesignButtons notify={notify} />}
      </div>
      <span className="toolbar-divider" aria-hidden="true" />
      <HistoryButtons />
      <span className="toolbar-divider" aria-hidden="true" />
      <div className="toolbar-group">
        <ImportMenu notify={notify} />
        <ExportMenu notify={notify} />
        {compact ? <MoreActionsMenu notify={notify} /> : <ShareButton notify={notify} />}
      </div>
    </header>
  )
}

function Logo() {
  return (
    <svg className="toolbar-logo" width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2 21 7v10l-9 5-9-5V7z" fill="var(--accent)" />
      <path d="M9 11V9.5a3 3 0 0 1 6 0V11" fill="none" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
      <rect x="7.5" y="11" width="9" height="6.5" rx="1.2" fill="#fff" />
      <circle cx="12" cy="14.2" r="1.1" fill="var(--accent)" />
    </svg>
  )
}
