import { RequestExtras } from '../modern'
import { ClockControls } from './ClockControls'
import { PathControls } from './PathControls'
import { TokenControls } from './TokenControls'
import { ToolButtons } from './ToolButtons'
import { useExpiryRefresh } from './useExpiryRefresh'
import './RequestBar.css'

/**
 * The request profile every grid cell is computed for: the token and where it goes, the paths, and
 * the simulated clock; and the buttons of the end-user auth tools.
 */
export function RequestBar() {
  useExpiryRefresh()
  return (
    <section className="reqbar" aria-label="Request profile">
      <h2 className="reqbar-title">Request</h2>
      <TokenControls />
      <span className="reqbar-divider" aria-hidden="true" />
      <PathControls />
      <RequestExtras />
      <span className="reqbar-divider" aria-hidden="true" />
      <ClockControls />
      <span className="reqbar-spacer" />
      <ToolButtons />
    </section>
  )
}
