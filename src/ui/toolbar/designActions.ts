/**
 * The toolbar's design commands, shared by their buttons and the compact toolbar's "More actions"
 * menu (issue 9, major 1), so both run the same store command and say the same thing.
 */
import { encodeShareLink, shareLinkProblem, useDesignerStore } from '../../store'
import { copyText } from '../components'
import type { Notify } from './notice'

/** Links longer than this do not survive some chat tools and browsers; warn, but still copy. */
const LONG_LINK = 8000

export function newEmptyDesign(notify: Notify): void {
  useDesignerStore.getState().newEmptyDesign()
  notify({ tone: 'info', text: 'Started an empty design. Undo brings back the previous one.' })
}

export function resetToSeed(notify: Notify): void {
  useDesignerStore.getState().resetToSeed()
  notify({ tone: 'info', text: 'Reset to the seed design. Undo brings back the previous one.' })
}

/** Copies a link that carries the whole design in its #hash (nothing is uploaded anywhere). */
export async function shareDesign(notify: Notify): Promise<void> {
  const url = new URL(window.location.href)
  url.hash = encodeShareLink(useDesignerStore.getState())
  const tooLong = shareLinkProblem(url.hash)
  if (tooLong) return notify({ tone: 'error', text: tooLong })
  const link = url.toString()
  if (!(await copyText(link))) return notify({ tone: 'error', text: 'The clipboard is not available, so the link was not copied.' })
  const size = link.length > LONG_LINK ? ` It is long (${Math.round(link.length / 1000)} kB); some tools may cut it.` : ''
  notify({ tone: 'success', text: `Copied a link to this design. The design travels in the link itself; nothing is uploaded.${size}` })
}
