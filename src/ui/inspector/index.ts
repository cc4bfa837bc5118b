/**
 * The inspector (a form for the selected namespace, app or Istio object), and the edit runner the
 * canvas shares with it: commands applied as one step, refusals shown as a notice.
 */
export { Inspector } from './Inspector'
export { runEdit } from './runEdit'
export { useInspectorState, selectionId } from './inspectorState'
export { clearNotice, showNotice, useCanvasNotice, type CanvasNotice } from './notice'
