import { encodeShareLink, shareLinkProblem, useDesignerStore } from '../../store'
import { Button, copyText } from '../components'
import type { Notify } from './notice'

/** Links longer than this do not survive some chat tools and browsers; warn, but still copy. */
const LONG_LINK = 8000

/** Copies a link that carries the whole design in its #hash (nothing is uploaded anywhere). */
export function ShareButton({ notify }: { notify: Notify }) {
  async function share() {
    const url = new URL(window.location.href)
    url.hash = encodeShareLink(useDesignerStore.getState())
    const tooLong = shareLinkProblem(url.hash)
    if (tooLong) return notify({ tone: 'error', text: tooLong })
    const link = url.toString()
    if (!(await copyText(link))) return notify({ tone: 'error', text: 'The clipboard is not available, so the link was not copied.' })
    const size = link.length > LONG_LINK ? ` It is long (${Math.round(link.length / 1000)} kB); some tools may cut it.` : ''
    notify({ tone: 'success', text: `Copied a link to this design. The design travels in the link itself; nothing is uploaded.${size}` })
  }
  return (
    <Button icon="share" variant="primary" title="Share: copy a link that opens this design" onClick={() => void share()}>
      Share
    </Button>
  )
}
