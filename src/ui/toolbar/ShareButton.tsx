import { Button } from '../components'
import { shareDesign } from './designActions'
import type { Notify } from './notice'

/** Copies a link that carries the whole design in its #hash (nothing is uploaded anywhere). */
export function ShareButton({ notify }: { notify: Notify }) {
  return (
    <Button icon="share" variant="primary" title="Share: copy a link that opens this design" onClick={() => void shareDesign(notify)}>
      Share
    </Button>
  )
}
