/**
 * Workshop mode's UI. App mounts WorkshopLayer (picker, presenter view, links, keys) and, while a
 * lesson is open, WorkshopPanel in the workspace's left pane; the toolbar shows WorkshopButton.
 */
export { WorkshopButton } from './WorkshopButton'
export { WorkshopLayer } from './WorkshopLayer'
export { WorkshopPanel } from './WorkshopPanel'
export { useWorkshopActive } from './useStep'
