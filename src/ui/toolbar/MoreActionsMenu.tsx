/**
 * The compact toolbar's overflow menu (issue 9, major 1): at 1280 px and below the actions that do not
 * fit in the row are items of this menu, not clipped or hidden buttons. A WAI-ARIA menu button
 * (MenuButton): arrows move, Enter picks, Escape closes.
 */
import { useDesignerStore } from '../../store'
import { hasAlphaPolicies, useMigrationStore } from '../../store/migration'
import { MenuButton, type MenuItem } from '../components'
import { newEmptyDesign, resetToSeed, shareDesign } from './designActions'
import type { Notify } from './notice'

export function MoreActionsMenu({ notify }: { notify: Notify }) {
  const alpha = useDesignerStore((s) => hasAlphaPolicies(s.resources))
  const items: MenuItem[] = [
    { id: 'new', label: 'New empty design', hint: 'Start over on Istio 1.30 (undoable)', icon: 'plus', onSelect: () => newEmptyDesign(notify) },
    { id: 'reset', label: 'Reset to seed', hint: 'foo, bar (with sidecars) and legacy (without), no Istio config', icon: 'reset', onSelect: () => resetToSeed(notify) },
    { id: 'share', label: 'Share', hint: 'Copy a link that opens this design', icon: 'share', onSelect: () => void shareDesign(notify) },
  ]
  if (alpha) {
    items.push({ id: 'migrate', label: 'Migrate…', hint: 'Convert MeshPolicy and Policy to the modern API and compare the grids', icon: 'external', onSelect: () => useMigrationStore.getState().openPreview() })
  }
  return <MenuButton label="More actions" icon="more" items={items} alignRight className="toolbar-more" />
}
